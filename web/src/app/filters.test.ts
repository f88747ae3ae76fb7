import { describe, expect, it } from 'vitest'
import { describeFilters, filterParams, readFilters } from './filters.ts'
import { href } from './router.ts'

const t = (vi: string) => vi

describe('filter model', () => {
  it('round-trips the URL into the API query with the server names', () => {
    const m = readFilters(
      new URLSearchParams(
        'system=2008&province=20,15&from_year=2020&to_year=2024&source_kind=portal&campaign=xoa_nha_tam'
      )
    )
    expect(href('/api', filterParams(m))).toBe(
      '/api?system=2008&province=20%2C15&from_year=2020&to_year=2024&source_kind=portal&campaign=xoa_nha_tam'
    )
  })

  it('drops malformed values instead of sending them on', () => {
    const m = readFilters(
      new URLSearchParams('system=1999&province=x,20&from_year=20&source_kind=blog&campaign=a b')
    )
    expect(m).toEqual({
      system: '2025',
      provinces: ['20'],
      fromYear: null,
      toYear: null,
      sourceKind: null,
      campaign: null,
    })
  })

  it('keeps only the asked fields for endpoints that take fewer filters', () => {
    const m = readFilters(new URLSearchParams('system=2008&province=20&from_year=2020'))
    expect(href('/api', filterParams(m, ['toYear', 'system', 'fromYear']))).toBe(
      '/api?system=2008&from_year=2020'
    )
  })

  it('describes the active filters for titles and exports', () => {
    const m = readFilters(new URLSearchParams('province=20&from_year=2020'))
    expect(describeFilters(m, t, { province: () => 'Lạng Sơn' })).toBe('34 tỉnh · Lạng Sơn · 2020–…')
  })
})
