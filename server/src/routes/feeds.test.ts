import { describe, expect, it } from 'vitest'
import { checkAtom } from '../../../pipeline/src/digest/atom-check.ts'
import { centralRules, useRelationsApp } from '../testing/relations-app.ts'

const fx = useRelationsApp({
  name: 'feeds',
  rules: { rules: centralRules },
})

const atom = async (url: string) => {
  const res = await fx.h.app.request(`http://atlas.test${url}`)
  expect(res.status, url).toBe(200)
  expect(res.headers.get('content-type')).toContain('application/atom+xml')
  return res.text()
}
const entryCount = (xml: string) => (xml.match(/<entry>/g) ?? []).length

describe('Atom feeds (RFC 4287, structural validation)', () => {
  it('every feed kind is valid Atom and carries its items', async () => {
    const feeds = {
      province: await atom('/api/feeds/provinces/20.atom?system=2025'),
      campaign: await atom('/api/feeds/campaigns/xoa_nha_tam.atom'),
      document: await atom(`/api/feeds/documents/${fx.ct41}.atom`),
      alerts: await atom('/api/feeds/alerts.atom'),
      rule: await atom('/api/feeds/alerts/new-central.atom'),
    }
    for (const [kind, xml] of Object.entries(feeds)) expect(checkAtom(xml), kind).toEqual([])
    expect(entryCount(feeds.province)).toBe(1) // the one Lạng Sơn article about emulation work
    expect(entryCount(feeds.campaign)).toBe(1)
    // The directive's feed: the articles citing it and the documents implementing it.
    expect(feeds.document).toContain('Kế hoạch 45/KH-UBND (implements)')
    expect(entryCount(feeds.alerts)).toBe(33)
    expect(entryCount(feeds.rule)).toBe(1)
    expect(feeds.rule).toContain(`http://atlas.test/documents/${fx.ct41}`)
  })

  it('the checker finds what RFC 4287 forbids', () => {
    expect(checkAtom('<rss/>')).toEqual(['the document element is not atom:feed'])
    const bad = `<feed xmlns="http://www.w3.org/2005/Atom"><id>x y</id><title>t</title><updated>2025-01-01</updated>
      <entry><id>tag:a,2025:1</id><title>a</title><updated>2025-01-01T00:00:00Z</updated></entry></feed>`
    expect(checkAtom(bad)).toEqual([
      'feed: atom:id "x y" is not an absolute IRI',
      'feed: atom:updated "2025-01-01" is not an RFC 3339 date-time',
      'feed: no rel="self" link',
      'entry 1: no atom:author (and the feed has none)',
      'entry 1: neither a rel="alternate" link nor atom:content',
    ])
  })

  it('answers 404 for an unknown province, campaign or document', async () => {
    for (const u of [
      '/api/feeds/provinces/99.atom',
      '/api/feeds/campaigns/nope.atom',
      '/api/feeds/documents/d_0.atom',
    ])
      expect((await fx.h.app.request(u)).status, u).toBe(404)
  })
})
