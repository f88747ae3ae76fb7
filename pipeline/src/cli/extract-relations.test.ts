/**
 * `thidua extract` carries each text's relations between documents (issue #16) as an additive field
 * `relations`, in the columns of the warehouse's relation_mentions rows plus both documents' labels.
 */
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { extractLines } from './extract-run.ts'

const run = async (lines: ReadonlyArray<Record<string, unknown>>) => {
  const inp = new PassThrough()
  const out = new PassThrough()
  let text = ''
  out.on('data', (c: Buffer) => {
    text += c.toString('utf8')
  })
  inp.end(lines.map((l) => JSON.stringify(l)).join('\n'))
  await extractLines(inp, out)
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
}

describe('thidua extract: relations', () => {
  it('gives each relation its kind, both mentions, both labels and the span that states it', async () => {
    const text =
      'Để cụ thể hoá Chỉ thị số 41-CT/TW ngày 15/12/2024 của Bộ Chính trị, UBND tỉnh Yên Bái đã ban hành Kế hoạch số 37/KH-UBND ngày 2/4/2025.'
    const [line] = await run([{ id: 'n1', text, published: '2025-04-03' }])
    const docs = line!.documents as Array<{ number: string }>
    const rels = line!.relations as Array<Record<string, unknown>>
    expect(rels).toHaveLength(1)
    const r = rels[0]!
    expect(r).toMatchObject({
      relation: 'implements',
      from_document: 'plan 37/KH-UBND',
      to_document: 'directive 41/CT/TW',
      campaign_id: null,
      event_mention: null,
    })
    expect(docs[r.from_mention as number]!.number).toBe('37')
    expect(docs[r.to_mention as number]!.number).toBe('41')
    const span = text.slice(r.span_start as number, r.span_end as number)
    expect(span).toContain('Chỉ thị số 41-CT/TW')
    expect(span).toContain('Kế hoạch số 37/KH-UBND')
  })

  it('keeps the earlier fields first and adds an empty list when a text states no relation', async () => {
    const [line] = await run([
      { id: 'n2', text: 'Huyện tổ chức hội nghị tổng kết công tác thi đua năm 2024.' },
    ])
    const keys = Object.keys(line!)
    expect(keys.slice(0, 5)).toEqual(['id', 'documents', 'events', 'campaigns', 'times'])
    expect(keys.at(-1)).toBe('relations')
    expect(line!.relations).toEqual([])
  })

  it('labels a document without symbol by its type and number, and a campaign relation by its id', async () => {
    const text =
      'UBND tỉnh Bắc Kạn ban hành Kế hoạch số 12 ngày 3/3/2025 phát động phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” năm 2025.'
    const [line] = await run([{ id: 'n3', text, published: '2025-03-05' }])
    expect(line!.relations).toEqual([
      {
        relation: 'launches',
        from_mention: 0,
        to_mention: null,
        campaign_id: 'vi_nguoi_ngheo',
        event_mention: null,
        from_document: 'plan 12',
        to_document: null,
        span_start: text.indexOf('Kế hoạch'),
        span_end: text.indexOf('” năm'),
      },
    ])
  })
})
