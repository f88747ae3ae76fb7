/**
 * A hostile page (issue #18): one run-on "sentence" repeating a document mention thousands of times made
 * relation reading quadratic (an 880k-character page took minutes). It must cost little and read nothing.
 */
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'

describe('relations on a giant run-on sentence', () => {
  it('extracts a 200k-character sentence of 1,600 document mentions in seconds, not minutes', () => {
    const clause = 'Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 về phong trào thi đua yêu nước, '
    const text = clause.repeat(Math.ceil(200_000 / clause.length)).slice(0, 200_000)
    extract('Kế hoạch số 1/KH-UBND', { id: 'warm' })
    const t0 = performance.now()
    const r = extract(text, { id: 'giant', published: '2024-05-10' })
    // generous for a busy machine: the quadratic reading took minutes
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(r.documents.length).toBeGreaterThan(0)
  })
})
