/**
 * Issue #11 in the warehouse rows: one event_mentions row per real congress per article (all mentions
 * merged by the extractor), and a Party congress keyed apart from an emulation congress of the same
 * ordinal and province, with its organisation stored. Text written for this test.
 */
import { describe, expect, it } from 'vitest'
import { extract } from '../extract/extract.ts'
import { buildProvinceIndex } from './attribution.ts'
import { buildRows, emptyRows } from './rows.ts'
import { LOADED_TABLES } from './tables.ts'
import { makeItem } from './testing/fixtures.ts'

const col = (name: string): number => LOADED_TABLES.event_mentions.findIndex(([n]) => n === name)

describe('event rows from merged entities', () => {
  it('writes one row per congress and keeps the Party congress apart', () => {
    const body =
      'ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH LẠNG SƠN LẦN THỨ VI\n' +
      'Sáng 12/9/2025, Đại hội Thi đua yêu nước tỉnh Lạng Sơn lần thứ VI đã khai mạc. Đại hội lần này ' +
      'tôn vinh 150 điển hình, chào mừng Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ VI nhiệm kỳ 2025 - 2030.'
    const item = makeItem({
      url: 'https://example.vn/dai-hoi',
      source_id: null,
      title: 'Đại hội',
      published_at: '2025-09-12T08:00:00+07:00',
      body,
    })
    const extraction = extract(body, { id: 'x', published: '2025-09-12' })
    const out = emptyRows()
    const ctx = { provinces: buildProvinceIndex([]), sources: new Map(), extractorVersion: 't' }
    buildRows(ctx, { ...item, extraction }, out)
    const rows = out.event_mentions
    expect(rows).toHaveLength(2)
    const [emulation, party] = rows
    expect([emulation![col('kind')], emulation![col('organization')]]).toEqual(['dai_hoi_thi_dua', null])
    expect([party![col('kind')], party![col('organization')], party![col('ordinal')]]).toEqual([
      'other',
      'party',
      6,
    ])
    expect(emulation![col('event_id')]).not.toBe(party![col('event_id')])
    // The headline, the body mention and "Đại hội lần này" are one entity.
    expect(extraction.events[0]!.mentions).toHaveLength(3)
  })
})
