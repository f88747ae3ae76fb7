/** The PNG export of a chart: its title above and its source line below, like a printed figure. */
import type { ECharts } from 'echarts/core'
import type { Translate } from '../app/translate.ts'

const withTitleAndSource = (dataUrl: string, title: string, source: string): Promise<string> =>
  new Promise((resolve) => {
    const img = new Image()
    img.onload = () => {
      const pad = 24
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height + pad * 5
      const g = canvas.getContext('2d')
      if (!g) return resolve(dataUrl)
      g.fillStyle = '#fff'
      g.fillRect(0, 0, canvas.width, canvas.height)
      g.fillStyle = '#111827'
      g.font = `bold ${pad + 4}px system-ui, sans-serif`
      g.fillText(title, pad, pad * 2)
      g.drawImage(img, 0, pad * 3)
      g.fillStyle = '#4b5563'
      g.font = `${pad - 4}px system-ui, sans-serif`
      g.fillText(source, pad, canvas.height - pad)
      resolve(canvas.toDataURL('image/png'))
    }
    img.onerror = () => resolve(dataUrl)
    img.src = dataUrl
  })

export const exportPng = (c: ECharts, title: string, name: string, t: Translate): void => {
  const where = `${location.host}${location.pathname}${location.search} — ${new Date().toISOString().slice(0, 10)}`
  const source = t(`Nguồn: Thi Đua Atlas, ${where}`, `Source: Thi Đua Atlas, ${where}`)
  void withTitleAndSource(
    c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
    title,
    source
  ).then((url) => {
    const a = document.createElement('a')
    a.href = url
    a.download = `${name}.png`
    document.body.appendChild(a)
    a.click()
    a.remove()
  })
}
