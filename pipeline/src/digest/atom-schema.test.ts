import { describe, expect, it } from 'vitest'
import { atomFeed, type FeedSpec } from './atom.ts'
import { validateAtom } from './atom-schema.ts'

const spec = (over: Partial<FeedSpec> = {}): FeedSpec => ({
  key: 'province/2025/20',
  title: 'Lạng Sơn: thi đua & khen thưởng',
  subtitle: 'Bài viết mới nhất',
  self: 'https://atlas.example.vn/api/feeds/provinces/20.atom',
  page: 'https://atlas.example.vn/provinces/20',
  fallbackUpdated: new Date('2025-03-01T00:00:00Z'),
  entries: [
    {
      key: 'article/a_1',
      title: 'Kế hoạch 45/KH-UBND <thực hiện> Chỉ thị 41-CT/TW',
      link: 'https://langson.gov.vn/tin/1',
      updated: new Date('2025-03-05T08:00:00Z'),
      summary: 'UBND tỉnh ban hành <b>Kế hoạch</b> số 45/KH-UBND.',
    },
    {
      key: 'alert/al_2',
      title: 'Cảnh báo',
      link: 'https://atlas.example.vn/alerts',
      updated: new Date('2025-03-06'),
    },
  ],
  ...over,
})

describe('Atom feeds against RFC 4287 (RELAX NG schema of Appendix B + its Schematron rules)', () => {
  it('accepts what atomFeed writes, with and without entries', async () => {
    expect(await validateAtom(atomFeed(spec()))).toEqual([])
    expect(await validateAtom(atomFeed(spec({ entries: [], subtitle: '' })))).toEqual([])
  })

  it('accepts a foreign-namespace extension and rejects an unknown Atom element', async () => {
    const xml = atomFeed(spec())
    expect(
      await validateAtom(xml.replace('<entry>', '<entry><x:lag xmlns:x="urn:thidua">12</x:lag>'))
    ).toEqual([])
    const bad = await validateAtom(xml.replace('<entry>', '<entry><rating>5</rating>'))
    expect(bad.join('\n')).toMatch(/element rating: Relax-NG validity error/)
  })

  it('rejects a missing title, a bad date, a bad language tag and a non-Atom root, one line each', async () => {
    const xml = atomFeed(spec())
    const noTitle = await validateAtom(xml.replace(/<title>[^<]*<\/title>/, ''))
    expect(noTitle).toContain('feed: 0 atom:title elements (exactly one required)')
    expect(noTitle.some((p) => /Relax-NG validity error : Expecting an element title/.test(p))).toBe(true)
    const date = await validateAtom(xml.replace(/<updated>[^<]*</, '<updated>5/3/2025<'))
    expect(date.join('\n')).toMatch(/line 5: .*Type dateTime doesn't allow value '5\/3\/2025'/)
    const lang = await validateAtom(xml.replace('<feed ', '<feed xml:lang="tiếng việt" '))
    expect(lang.join('\n')).toMatch(/Relax-NG validity error/)
    const rss = await validateAtom('<rss version="2.0"><channel/></rss>')
    expect(rss[0]).toMatch(/Relax-NG validity error/)
    for (const p of [...noTitle, ...date, ...lang, ...rss]) expect(p).not.toContain('\n')
  })
})
