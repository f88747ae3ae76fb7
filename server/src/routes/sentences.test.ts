import { describe, expect, it } from 'vitest'
import { markedSentence, sentenceBounds } from './sentences.ts'

const body =
  'UBND tỉnh Lạng Sơn ban hành Kế hoạch số 138/KH-UBND ngày 10/6/2024 về Đại hội thi đua. Đại hội dự kiến tổ chức trong tháng 8/2025!\n\nCác sở, ngành hưởng ứng phong trào "Chung tay xóa nhà tạm, nhà dột nát".'

const at = (s: string) => [body.indexOf(s), body.indexOf(s) + s.length] as const

describe('sentenceBounds', () => {
  it('finds the sentence around a span; dates and symbols with slashes or dots do not end it', () => {
    const [s, e] = at('Kế hoạch số 138/KH-UBND ngày 10/6/2024')
    const b = sentenceBounds(body, s, e)
    expect(body.slice(b.start, b.end)).toBe(
      'UBND tỉnh Lạng Sơn ban hành Kế hoạch số 138/KH-UBND ngày 10/6/2024 về Đại hội thi đua.'
    )
  })

  it('stops at ! and at line breaks, and keeps closing quotes', () => {
    const [s, e] = at('tháng 8/2025')
    expect(body.slice(...Object.values(sentenceBounds(body, s, e)))).toBe(
      'Đại hội dự kiến tổ chức trong tháng 8/2025!'
    )
    const [s2, e2] = at('Chung tay xóa nhà tạm, nhà dột nát')
    const b2 = sentenceBounds(body, s2, e2)
    expect(body.slice(b2.start, b2.end)).toBe(
      'Các sở, ngành hưởng ứng phong trào "Chung tay xóa nhà tạm, nhà dột nát".'
    )
  })

  it('a terminator inside the span does not split its sentence', () => {
    const text = 'Theo Quyết định của TP. Hà Nội về thi đua. Câu sau.'
    const [s, e] = [text.indexOf('TP. Hà Nội'), text.indexOf('TP. Hà Nội') + 'TP. Hà Nội'.length]
    const b = sentenceBounds(text, s, e)
    expect(text.slice(b.start, b.end)).toBe('Theo Quyết định của TP. Hà Nội về thi đua.')
  })
})

describe('markedSentence', () => {
  it('escapes HTML and marks exactly the span', () => {
    const text = 'Giải <b>nhất</b> thuộc về phong trào "Xóa nhà tạm". Hết.'
    const s = text.indexOf('Xóa nhà tạm')
    expect(markedSentence(text, s, s + 'Xóa nhà tạm'.length)).toBe(
      'Giải &lt;b&gt;nhất&lt;/b&gt; thuộc về phong trào "<mark>Xóa nhà tạm</mark>".'
    )
  })

  it('cuts a long sentence around the span with ellipses', () => {
    const long = `${'chữ '.repeat(200)}Chỉ thị 41-CT/TW ${'chữ '.repeat(200)}.`
    const s = long.indexOf('Chỉ thị')
    const out = markedSentence(long, s, s + 'Chỉ thị 41-CT/TW'.length, 120)
    expect(out).toContain('<mark>Chỉ thị 41-CT/TW</mark>')
    expect(out.startsWith('… ')).toBe(true)
    expect(out.endsWith(' …')).toBe(true)
    expect(out.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(120 + 4)
  })
})
