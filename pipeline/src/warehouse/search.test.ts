import { describe, expect, it } from 'vitest'
import { queryRows, type Warehouse } from './db.ts'
import { foldText, tokenize } from './fold.ts'
import { urlOf } from './testing/fixtures.ts'
import { fixtureWarehouseSuite } from './testing/suite.ts'

const search = async (wh: Warehouse, q: string) =>
  queryRows(
    wh.conn,
    `SELECT a.url, s.score, s.snippet FROM search_articles($1) s JOIN articles a USING (article_id) ORDER BY s.score DESC`,
    [q]
  )

describe('search_articles', () => {
  const fx = fixtureWarehouseSuite()

  it('folds case and diacritics the same way in TypeScript and SQL', async () => {
    const samples = [
      'Thi Đua Yêu Nước',
      'ĐẠI HỘI lần thứ VI',
      'Kế hoạch 138/KH-UBND',
      'Quảng Ngãi, Kon Tum (cũ)',
    ]
    for (const s of samples) {
      const [row] = await queryRows(fx.wh.conn, 'SELECT thidua_fold($1) AS f, thidua_tokens($1) AS t', [s])
      expect(row?.f).toBe(foldText(s))
      expect(row?.t).toEqual(tokenize(s))
    }
    expect(tokenize('Thi Đua')).toEqual(['thi', 'dua'])
  })

  it('finds "thi đua" when asked for "thi dua", in any case', async () => {
    const plain = await search(fx.wh, 'thi dua')
    const marked = await search(fx.wh, 'THI ĐUA')
    expect(plain.length).toBeGreaterThan(5)
    expect(marked.map((r) => r.url)).toEqual(plain.map((r) => r.url))
    // The tourism item never mentions thi đua.
    expect(plain.map((r) => r.url)).not.toContain(urlOf(3))
    expect(String(plain[0]?.snippet)).toMatch(/<mark>thi<\/mark> <mark>đua<\/mark>/i)
  })

  it('ranks by BM25 with the title boosted', async () => {
    // Only the Kon Tum items carry "Kon Tum"; the one with it in the title and body twice ranks first.
    const r = await search(fx.wh, 'kon tum')
    expect(
      r
        .map((x) => x.url)
        .slice(0, 2)
        .sort()
    ).toEqual([urlOf(7), urlOf(8)].sort())
    expect(r.length).toBe(2)
    // "nghe an dai hoi": the Nghệ An congress report (both terms in its title) beats items naming only one.
    const n = await search(fx.wh, 'nghe an dai hoi')
    expect([urlOf(5), urlOf(6), urlOf(4)]).toContain(n[0]?.url)
    const laoCai = n.findIndex((x) => x.url === urlOf(9))
    expect(laoCai === -1 || laoCai > 2).toBe(true)
    const scores = n.map((x) => Number(x.score))
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })

  it('returns nothing for words that are not indexed and escapes HTML in snippets', async () => {
    expect(await search(fx.wh, 'xyzzy')).toEqual([])
    expect(await search(fx.wh, '')).toEqual([])
    const [row] = await search(fx.wh, 'Kỳ Lừa')
    expect(row?.url).toBe(urlOf(3))
    expect(String(row?.snippet)).toContain('<mark>Kỳ</mark> <mark>Lừa</mark>')
    expect(String(row?.snippet)).not.toMatch(/<(?!\/?mark>)/)
  })
})
