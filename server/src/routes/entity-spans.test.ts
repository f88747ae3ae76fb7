import { describe, expect, it } from 'vitest'
import { entitySpans } from './entity-spans.ts'

describe('entitySpans', () => {
  const body =
    'Phong trào "Xóa nhà tạm" tiếp tục. Kế hoạch số 138/KH-UBND ngày 10/6/2024; lại nói "Xóa nhà tạm".'

  it('keeps extractor spans and locates the n-th occurrence of repeated surfaces', () => {
    const start = body.indexOf('Kế hoạch')
    const end = body.indexOf(';')
    const spans = entitySpans(body, {
      document: [
        {
          number: '138',
          symbol: 'KH-UBND',
          document_id: 'd1',
          surface: body.slice(start, end),
          span_start: start,
          span_end: end,
        },
      ],
      campaign: [
        { campaign_id: 'xoa_nha_tam', surface: 'Xóa nhà tạm' },
        { campaign_id: 'xoa_nha_tam', surface: 'Xóa nhà tạm' },
      ],
      event: [],
      time: [],
    })
    expect(spans.map((s) => [s.kind, s.span_source])).toEqual([
      ['campaign', 'located'],
      ['document', 'extracted'],
      ['campaign', 'located'],
    ])
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.surface)
    expect(spans[0]!.start).not.toBe(spans[2]!.start)
  })

  it('drops surfaces that are not in the body and spans that fall outside it', () => {
    const spans = entitySpans(body, {
      document: [{ surface: 'x', span_start: 5, span_end: 9999 }],
      campaign: [{ campaign_id: 'c', surface: 'không có trong bài' }],
      event: [],
      time: [],
    })
    expect(spans).toEqual([])
  })
})
