/** Link discovery on a page nested 10,000 deep (issue #18) runs on the crawler's event loop: it must be quick. */
import { describe, expect, it } from 'vitest'
import { extractHtmlLinks } from './discover.ts'

describe('link discovery on hostile pages', () => {
  it('finds the anchors of a 10,000-deep page in well under 2 s', () => {
    const depth = 10_000
    const html = `<html><body><a href="/tin-tuc/dau-1001.html">đầu</a>${'<div>'.repeat(depth)}<a href="/tin-tuc/sau-1002.html">sâu</a>${'</div>'.repeat(depth)}<ul class="pagination"><a href="?page=2">2</a></ul></body></html>`
    extractHtmlLinks('<a href="/x">x</a>', 'https://vidu.gov.vn/')
    const t0 = performance.now()
    const links = extractHtmlLinks(html, 'https://vidu.gov.vn/tin-tuc/')
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(links.anchors).toContain('https://vidu.gov.vn/tin-tuc/dau-1001.html')
    expect(links.anchors).toContain('https://vidu.gov.vn/tin-tuc/sau-1002.html')
    expect(links.pagination).toContain('https://vidu.gov.vn/tin-tuc/?page=2')
  })
})
