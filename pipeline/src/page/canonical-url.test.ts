import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalUrl, InvalidUrlError, tryCanonicalUrl } from './canonical-url.ts'

describe('canonicalUrl', () => {
  it('drops tracking parameters and fragments, keeps the order of the others', () => {
    expect(
      canonicalUrl('HTTPS://LangSon.gov.vn:443/vi/news/a-1.html?utm_source=fb&b=2&fbclid=x&a=1#top')
    ).toBe('https://langson.gov.vn/vi/news/a-1.html?b=2&a=1')
    expect(canonicalUrl('https://baolaocai.vn/x-post1.html?gidzl=abc&zarsrc=30')).toBe(
      'https://baolaocai.vn/x-post1.html'
    )
  })

  it('normalizes the root path and an empty query, keeps trailing slashes elsewhere', () => {
    expect(canonicalUrl('http://nghean.gov.vn')).toBe('http://nghean.gov.vn/')
    expect(canonicalUrl('http://nghean.gov.vn/?')).toBe('http://nghean.gov.vn/')
    expect(canonicalUrl('https://a.vn/vi/news/cat/')).toBe('https://a.vn/vi/news/cat/')
    expect(canonicalUrl('https://a.vn/vi/news/cat')).toBe('https://a.vn/vi/news/cat')
  })

  it('writes NFD paths (Unicode tổ hợp) the same as NFC ones', () => {
    const nfd = 'https://a.vn/tin/c%C6%B0%CC%89u-ph%C3%A2%CC%89m.html'
    const nfc = `https://a.vn/tin/${encodeURIComponent('cửu-phẩm')}.html`
    expect(canonicalUrl(nfd)).toBe(canonicalUrl(nfc))
    expect(canonicalUrl('https://a.vn/tin/cửu phẩm.html')).toBe(
      'https://a.vn/tin/c%E1%BB%ADu%20ph%E1%BA%A9m.html'
    )
  })

  it('drops Liferay session ids and redirect decorations on /-/ article URLs only', () => {
    expect(
      canonicalUrl(
        'https://x.gov.vn/tin/-/asset_publisher/abc/content/bai-viet;jsessionid=AB12?redirect=%2Ftin&inheritRedirect=false'
      )
    ).toBe('https://x.gov.vn/tin/-/asset_publisher/abc/content/bai-viet')
    expect(canonicalUrl('https://x.gov.vn/login?redirect=/a')).toBe('https://x.gov.vn/login?redirect=/a')
  })

  it('resolves relative links against a base and rejects what is not http(s)', () => {
    expect(canonicalUrl('../b-2.html', 'https://a.vn/vi/news/cat/x.html')).toBe(
      'https://a.vn/vi/news/b-2.html'
    )
    expect(() => canonicalUrl('mailto:a@b.vn')).toThrow(InvalidUrlError)
    expect(() => canonicalUrl('not a url')).toThrow(InvalidUrlError)
    expect(tryCanonicalUrl('javascript:void(0)')).toBeNull()
  })

  it('is idempotent on arbitrary URLs', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9ăâđêôơưáàảãạếềểễệ%._~-]{0,12}$/)
    const url = fc
      .tuple(
        fc.constantFrom('http', 'https', 'HTTPS'),
        fc.constantFrom('a.vn', 'LangSon.gov.vn', 'www.baonghean.vn'),
        fc.array(segment, { maxLength: 4 }),
        fc.array(
          fc.tuple(fc.constantFrom('page', 'utm_medium', 'id', 'fbclid', 'x'), fc.string({ maxLength: 5 })),
          {
            maxLength: 3,
          }
        ),
        fc.boolean()
      )
      .map(([scheme, host, segs, query, frag]) => {
        const q = query.length ? `?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''
        return `${scheme}://${host}/${segs.join('/')}${q}${frag ? '#f' : ''}`
      })
    fc.assert(
      fc.property(url, (u) => {
        const c = tryCanonicalUrl(u)
        if (c === null) return true
        expect(canonicalUrl(c)).toBe(c)
        expect(c).not.toMatch(/utm_|fbclid|#/)
        return true
      })
    )
  })
})
