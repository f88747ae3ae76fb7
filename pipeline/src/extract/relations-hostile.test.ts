/**
 * Long texts must cost little (issue #18): one run-on "sentence" repeating a document mention thousands of
 * times made relation reading quadratic (an 880k-character page took minutes); the forms the session-6
 * rules read (list headings, wraps before a count or inside a verb, clauses of a listed document,
 * "thay cho") are repeated the same way.
 */
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'

describe('relations on giant texts', () => {
  it.each([
    [
      'a 200k-character sentence of 1,600 document mentions',
      'Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 về phong trào thi đua yêu nước, ',
    ],
    [
      '200k characters of the session-6 forms',
      'Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 12/UBND-NC; các Nghị quyết của HĐND tỉnh: số 71/NQ-HĐND về đầu tư công trung hạn\n5 năm; số 72/NQ-HĐND và Kế hoạch số 5/KH-UBND của UBND tỉnh triển khai thực\nhiện các nhiệm vụ tại Chỉ thị số 41-CT/TW thay cho Kế hoạch số 4/KH-UBND, ',
    ],
  ])('extracts %s in seconds, not minutes', (_name, clause) => {
    const text = clause.repeat(Math.ceil(200_000 / clause.length)).slice(0, 200_000)
    extract('Kế hoạch số 1/KH-UBND', { id: 'warm' })
    const t0 = performance.now()
    const r = extract(text, { id: 'giant', published: '2024-05-10' })
    // generous for a busy machine: a quadratic reading took minutes
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(r.documents.length).toBeGreaterThan(0)
  })
})
