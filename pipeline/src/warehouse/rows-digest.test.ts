import { describe, expect, it } from 'vitest'
import { buildProvinceIndex } from './attribution.ts'
import { buildRows, emptyRows, type LoadItem } from './rows.ts'
import { articleDigest, isArticleDigest } from './rows-digest.ts'
import { LOADED_TABLES } from './tables.ts'
import { makeItem } from './testing/fixtures.ts'
import { generatedItems } from './testing/generated.ts'

const ctx = { provinces: buildProvinceIndex([]), sources: new Map(), extractorVersion: 't' }
const rowsOf = (item: LoadItem) => {
  const out = emptyRows()
  buildRows(ctx, item, out)
  return out
}

describe('the page worker digest', () => {
  it('gives the rows buildRows gives without it, and is recomputed when it went through JSON', async () => {
    const generated = (await generatedItems(60, 11)).items
    expect(generated.length).toBeGreaterThan(40)
    // Generated articles all speak of thi đua: one that does not, so both values of the flag are compared.
    const plain = makeItem({
      url: 'https://example.vn/thoi-tiet',
      source_id: null,
      title: 'Thời tiết cuối tuần',
      published_at: '2025-09-12T08:00:00+07:00',
      body: 'Trời nắng nóng, chiều tối có mưa rào và dông vài nơi.',
    })
    const items = [...generated, plain]
    let topical = 0
    for (const item of items) {
      const without = rowsOf(item)
      const digest = articleDigest(item.article)
      if (digest.thiduaWords) topical++
      expect(rowsOf({ ...item, digest }), item.article.url).toEqual(without)
      // A clone keeps the Uint32Array; JSON turns it into an object, which must not be read as a signature.
      const cloned = structuredClone(digest)
      expect(isArticleDigest(cloned)).toBe(true)
      const viaJson = JSON.parse(JSON.stringify(digest)) as unknown
      expect(isArticleDigest(viaJson)).toBe(digest.signature === null)
      expect(rowsOf({ ...item, digest: viaJson as typeof digest }), item.article.url).toEqual(without)
    }
    // Both values of the topic flag occur, so the flag's source is really compared.
    expect(topical).toBeGreaterThan(0)
    expect(topical).toBeLessThan(items.length)
    // The load reads the digest it is given (not a fresh one): a forced flag is what the row holds.
    const isThidua = LOADED_TABLES.articles.findIndex(([n]) => n === 'is_thidua')
    const forced = { ...articleDigest(plain.article), thiduaWords: true }
    expect(rowsOf(plain).articles[0]![isThidua]).toBe(false)
    expect(rowsOf({ ...plain, digest: forced }).articles[0]![isThidua]).toBe(true)
  }, 120_000)

  it('hashes the title of an article without a body, and finds no signature without words', () => {
    expect(articleDigest({ title: 'Thi đua khen thưởng năm 2025', body_text: '' })).toMatchObject({
      thiduaWords: true,
    })
    expect(articleDigest({ title: 'Thi đua khen thưởng năm 2025', body_text: '' }).signature).toHaveLength(64)
    expect(articleDigest({ title: '…', body_text: ' — ' })).toEqual({
      signature: null,
      thiduaWords: false,
      headPlaces: [],
    })
    // The title's province weighs 3, the lead's 2, in that order; the body's are not in the digest.
    const named = articleDigest({ title: 'Lạng Sơn', lead: 'Tại Cao Bằng', body_text: 'Hà Giang' })
    expect(named.headPlaces.map((p) => p.weight)).toEqual([3, 2])
    expect(named.headPlaces.every((p) => p.code_2008 !== null || p.code_2025 !== null)).toBe(true)
  })
})
