import { describe, expect, it } from 'vitest'
import { parseSearch } from './query.ts'
import { snippetFor } from './snippet.ts'

describe('search query language', () => {
  it('words are ANDed; OR joins alternatives; -word and NOT word exclude', () => {
    const s = parseSearch('thi dua OR khen -xoa NOT nha')
    expect(s.clauses.map((c) => c.map((t) => t.tokens.join(' ')))).toEqual([['thi'], ['dua', 'khen']])
    expect(s.not.map((t) => t.tokens.join(' '))).toEqual(['xoa', 'nha'])
  })

  it('a quoted phrase is one term; a word with diacritics keeps them', () => {
    const s = parseSearch('"Đại hội thi đua" Lạng')
    expect(s.clauses[0]?.[0]?.tokens).toEqual(['dai', 'hoi', 'thi', 'dua'])
    expect(s.clauses[0]?.[0]?.accented).toEqual(['đại', 'hội', 'đua'])
    expect(s.clauses[1]?.[0]?.accented).toEqual(['lạng'])
    expect(
      parseSearch('lang son')
        .clauses.flat()
        .every((t) => t.accented.length === 0)
    ).toBe(true)
  })

  it('fields filter; a document number in the text ranks its citers first', () => {
    const s = parseSearch('province:"Lạng Sơn" type:plan number:41-CT/TW year:2024 138/KH-UBND')
    expect(s.provinces).toEqual(['Lạng Sơn'])
    expect(s.types).toEqual(['plan'])
    expect(s.numbers).toEqual(['41-CT/TW'])
    expect(s.years).toEqual([2024])
    expect(s.citedNumbers).toEqual(['138/KH-UBND'])
    expect(s.clauses[0]?.[0]?.tokens).toEqual(['138', 'kh', 'ubnd'])
  })

  it('never throws on odd input', () => {
    for (const q of ['"', 'OR', '-', 'NOT', '::', 'province:', '"unclosed phrase', '((()))', '💥'])
      expect(() => parseSearch(q)).not.toThrow()
  })
})

describe('search snippets mark only real matches', () => {
  const body =
    'Bà Nguyễn Thị Hoa đưa tin. Tỉnh Lạng Sơn tổ chức Đại hội thi đua yêu nước lần thứ VI, theo Kế hoạch 138/KH-UBND.'
  it('a multi-word query marks runs, not every "Thị" or "đưa"', () => {
    const s = snippetFor('', body, parseSearch('dai hoi thi dua lang son'))
    expect(s).toContain('<mark>Đại</mark> <mark>hội</mark> <mark>thi</mark> <mark>đua</mark>')
    expect(s).toContain('<mark>Lạng</mark> <mark>Sơn</mark>')
    expect(s).not.toContain('<mark>Thị</mark>')
    expect(s).not.toContain('<mark>đưa</mark>')
  })

  it('diacritics written in the query must agree', () => {
    const s = snippetFor('', body, parseSearch('đua'))
    expect(s).toContain('<mark>đua</mark>')
    expect(s).not.toContain('<mark>đưa</mark>')
  })

  it('a document number is one marked word; no match falls back to the escaped title', () => {
    expect(snippetFor('', body, parseSearch('138/KH-UBND'))).toContain('<mark>138/KH-UBND</mark>')
    expect(snippetFor('<b>T</b>', body, parseSearch('zzz'))).toBe('&lt;b&gt;T&lt;/b&gt;')
  })
})
