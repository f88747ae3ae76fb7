/**
 * Session 6 (issue #11): spans trimmed everywhere (the new-user trial found a congress mention ending in a
 * space) and the rules found on the session's new real excerpts. Sentences are written here in our own words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Extraction } from '../domain/extraction.ts'
import { extract } from './extract.ts'
import { PATTERN_PIECES, run } from './test-kit.ts'

/** Every span the extraction reports, with the text it must equal. */
function spans(x: Extraction, nfc: string): Array<{ surface: string; slice: string | null }> {
  const out: Array<{ surface: string; slice: string | null }> = []
  const add = (surface: string, start: number | undefined, end: number | undefined) =>
    out.push({ surface, slice: start === undefined || end === undefined ? null : nfc.slice(start, end) })
  for (const e of [...x.documents, ...x.events, ...x.campaigns]) {
    add(e.surface, e.start, e.end)
    for (const m of e.mentions ?? []) add(m.surface, m.start, m.end)
  }
  for (const t of x.times) add(t.surface, t.span_start, t.span_end)
  for (const p of x.places ?? []) add(p.surface, p.start, p.end)
  return out
}

const trimmed = (s: string): boolean => s === s.trim()

describe('spans are trimmed (new-user trial, session 6)', () => {
  it('a congress mention followed by its term and a verb ends on its last word', () => {
    const text =
      'Sáng 14/8, Đại hội Thi đua yêu nước tỉnh Tuyên Quang lần thứ VI, giai đoạn 2025-2030 đã khai mạc tại hội trường tỉnh.'
    const [e] = run(text, '2025-08-14').events
    expect(e?.surface).toBe('Đại hội Thi đua yêu nước tỉnh Tuyên Quang lần thứ VI, giai đoạn 2025-2030')
    expect(e?.mentions?.map((m) => m.surface)).toEqual([e?.surface])
    expect(text.slice(e!.start!, e!.end!)).toBe(e?.surface)
  })

  it('no surface starts or ends with white space, and every span points at its surface', () => {
    // The shared pieces without lone surrogates and combining marks (they change the text before its spans
    // are taken), plus tails and white space that a span could take with it.
    const plain = PATTERN_PIECES.filter((p) => p !== '\u0301' && !/[\ud800-\udfff]/u.test(p))
    const pieces = fc.constantFrom(
      ...plain,
      'Hội nghị điển hình tiên tiến ',
      'Đại hội Đảng bộ tỉnh ',
      ', giai đoạn 2025-2030 ',
      ' nhiệm kỳ 2025 - 2030\n',
      ' đã khai mạc',
      ' sẽ diễn ra ',
      '\t',
      '\u00a0',
      '. '
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (a) => {
        const text = a.join('')
        const x = extract(text, { id: 'p', published: '2025-08-14', province: '08' })
        for (const s of spans(x, text.normalize('NFC'))) {
          expect(trimmed(s.surface), JSON.stringify(s.surface)).toBe(true)
          if (s.slice !== null) expect(s.slice).toBe(s.surface)
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('issuers with their term (session 6, dev excerpts r722, r724, r741, r743)', () => {
  it.each([
    [
      'Căn cứ Nghị quyết số 21-NQ/TU ngày 3/5/2022 của Ban Chấp hành Đảng bộ tỉnh (khóa XIX) về phát triển du lịch;',
      'Ban Chấp hành Đảng bộ tỉnh (khóa XIX)',
    ],
    [
      'Thực hiện Kết luận số 07-KL/HU ngày 2/3/2021 của Ban Thường vụ Huyện ủy khóa XXV về giảm nghèo bền vững.',
      'Ban Thường vụ Huyện ủy khóa XXV',
    ],
    [
      'Quán triệt Chỉ thị số 11-CT/TW ngày 5/6/2008 của Ban Bí thư TW Đảng (khoá X) về công tác dân vận.',
      'Ban Bí thư Trung ương Đảng (khóa X)',
    ],
  ])('%s', (text, issuer) => {
    expect(run(text).documents.map((d) => d.issuer)).toEqual([issuer])
  })
})

describe('a range of days with the month in words (session 6, dev excerpt r801)', () => {
  it.each([
    [
      'Hội nghị được tổ chức từ ngày 8 đến ngày 10 tháng 4 năm 2019 tại thành phố.',
      ['2019-04-08', '2019-04-10'],
    ],
    ['Đại hội họp trong hai ngày 29 và 30 tháng 8 năm 2025.', ['2025-08-29', '2025-08-30']],
  ])('%s', (text, [start, end]) => {
    expect(run(text).times.map((t) => [t.start, t.end, t.granularity])).toEqual([[start, end, 'range']])
  })

  it('gives an undated page a planned congress, not a held one', () => {
    const text =
      'Theo kế hoạch chung, Đại hội Thi đua yêu nước toàn quốc lần thứ 7 sẽ tổ chức từ ngày 3 đến ngày 5 tháng 12 năm 2005 tại Thủ đô.'
    const [e] = run(text).events
    expect([e?.ordinal, e?.status, e?.planned_start, e?.planned_end]).toEqual([
      7,
      'planned',
      '2005-12-03',
      '2005-12-05',
    ])
  })
})

describe('the campaign greeting the XIV party congress (session 6, dev excerpt r812)', () => {
  it('reads its name with "lần thứ XIII"', () => {
    const text =
      'Các xã tăng tốc, bứt phá hoàn thành thắng lợi các mục tiêu, nhiệm vụ Nghị quyết Đại hội lần thứ XIII của Đảng.'
    expect(run(text).campaigns.map((c) => c.id)).toEqual(['chao_mung_dai_hoi_xiv'])
  })
})
