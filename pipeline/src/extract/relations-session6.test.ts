/**
 * Relation rules of session 6 (issue #16), each on sentences written for the test in the news and
 * portal styles the real corpus showed: an instruction carried out "tại" a letter, the tasks a document
 * sets, a list under its own heading, a listed document that opens a clause of its own, "có Công văn",
 * "thay cho", and hard wraps inside a verb or before a count. Then a property: no throw, valid indexes
 * and spans (bounded time on long texts of these forms: relations-hostile.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { sentences } from './relations.ts'
import { itKeepsValidSpans, itReadsRelations, rel } from './relations-testkit.ts'

describe('news phrasings of carrying out a document', () => {
  itReadsRelations([
    {
      name: 'an instruction given in a letter ("thực hiện chỉ đạo của … tại")',
      text: 'Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 2210/UBND-NC ngày 4/7/2025, Sở Nội vụ đã ban hành Hướng dẫn số 31/HD-SNV về tổ chức hội nghị điển hình tiên tiến.',
      relations: ['31 implements 2210'],
    },
    {
      name: 'the same with "theo ý kiến chỉ đạo"',
      text: 'Theo ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 615/UBND-VX, Sở Y tế xây dựng Kế hoạch số 80/KH-SYT.',
      relations: ['80 implements 615'],
    },
    {
      name: 'the tasks a directive sets ("các nhiệm vụ tại")',
      text: 'Công văn số 902/STTTT-BC của Sở về việc triển khai thực hiện các nhiệm vụ tại Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ được gửi tới các huyện.',
      relations: ['902 implements 07'],
    },
    {
      name: 'an actor that "có Công văn" after its grounds',
      text: 'Thực hiện Hướng dẫn số 140-HD/BTGTW của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy có Công văn số 512-CV/BTGTU đề nghị các huyện tuyên truyền.',
      relations: ['512 implements 140'],
    },
  ])

  it('does not take a letter someone merely has as issued ("không có")', () => {
    expect(
      rel('Thực hiện Chỉ thị số 41-CT/TW, xã Tân Lập không có Kế hoạch số 3/KH-UBND riêng.').length
    ).toBeLessThanOrEqual(1)
    expect(
      rel('Thực hiện Chỉ thị số 41-CT/TW, xã Tân Lập không có Kế hoạch số 3/KH-UBND riêng.')
    ).not.toContain('41 implements 3')
  })
})

describe('a relation across sentences', () => {
  it('reads "Để thực hiện Chỉ thị này, … ban hành Kế hoạch số …" as carrying out the directive named before', () => {
    const text =
      'Ngày 3/1/2025, Ban Bí thư ban hành Chỉ thị số 45-CT/TW về công tác dân vận. Để thực hiện tốt Chỉ thị này, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 88-KH/HU.'
    expect(rel(text)).toEqual(['88 implements 45'])
  })

  it('needs a document of that kind before, and an issued one after', () => {
    expect(rel('Để thực hiện Chỉ thị này, Huyện ủy đã ban hành Kế hoạch số 88-KH/HU.')).toEqual([])
    expect(
      rel('Ban Bí thư ban hành Chỉ thị số 45-CT/TW. Để thực hiện Chỉ thị này, các xã tổ chức hội nghị.')
    ).toEqual([])
    // A plan named before is no antecedent of "Chỉ thị này".
    expect(
      rel(
        'Tỉnh có Kế hoạch số 7/KH-UBND. Để thực hiện Chỉ thị này, Huyện ủy đã ban hành Kế hoạch số 88-KH/HU.'
      )
    ).toEqual([])
  })

  it('takes "các nội dung của" between the verb and the document', () => {
    expect(
      rel('Kế hoạch số 60/KH-UBND cụ thể hoá các nội dung của Chỉ thị số 41-CT/TW vào thực tiễn của tỉnh.')
    ).toEqual(['60 implements 41'])
  })
})

describe('lists and clauses', () => {
  it('takes the items under a heading ("các Nghị quyết của HĐND tỉnh: số …; số …")', () => {
    const text =
      'Thực hiện Nghị quyết số 25/NQ-CP ngày 2/3/2024 của Chính phủ; các Nghị quyết của Hội đồng nhân dân tỉnh: số 71/NQ-HĐND ngày 8/12/2023 về kế hoạch đầu tư công; số 74/NQ-HĐND ngày 8/12/2023 về dự toán ngân sách, Ủy ban nhân dân tỉnh ban hành Chương trình số 19/CTr-UBND.'
    expect(rel(text)).toEqual(['19 implements 25', '19 implements 71', '19 implements 74'])
  })

  it('ends a list at a document that is followed by a verb of its own', () => {
    const text =
      'Kế hoạch số 31-KH/TU của Tỉnh ủy thực hiện Chỉ thị số 41-CT/TW và Kế hoạch số 66/KH-UBND của UBND tỉnh triển khai Kế hoạch số 31-KH/TU.'
    expect(rel(text)).toEqual(['31 implements 41', '66 implements 31'])
  })

  it('keeps a listed document whose verb only names its topic ("về thực hiện")', () => {
    const text =
      'Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Kế hoạch số 12-KH/TU của Tỉnh ủy về thực hiện Chỉ thị số 41-CT/TW, UBND huyện ban hành Kế hoạch số 40/KH-UBND.'
    expect(rel(text)).toEqual(['12 implements 41', '40 implements 05', '40 implements 12'])
  })

  it('reads "thay cho" as a replacement, and not inside another word', () => {
    expect(rel('Kế hoạch số 58/KH-UBND thay cho Kế hoạch số 20/KH-UBND năm 2023.')).toEqual([
      '58 replaces 20',
    ])
    expect(rel('Kế hoạch số 58/KH-UBND bổ sung cho Kế hoạch số 20/KH-UBND năm 2023.')).toEqual([])
  })
})

describe('hard wraps of legal databases', () => {
  it('reads a verb cut by a line break ("triển khai thực\\nhiện")', () => {
    const text =
      'Thực hiện Công văn số 77/BNV-TĐKT của Bộ Nội vụ về việc triển khai thực\nhiện Chỉ thị số 19/CT-TTg, UBND tỉnh ban hành Kế hoạch số 9/KH-UBND.'
    expect(rel(text)).toContain('77 implements 19')
  })

  it('keeps a line that starts on a count and its lowercase noun in the sentence', () => {
    expect(sentences('về kế hoạch đầu tư công trung hạn\n5 năm giai đoạn 2021-2025;')).toHaveLength(1)
    // A line ending on a full stop, or a count after an uppercase headline end, still starts a sentence.
    for (const t of [
      'Đã hoàn thành.\n5 năm qua, tỉnh đạt nhiều kết quả.',
      'KẾT QUẢ NỔI BẬT\n5 năm qua, tỉnh đạt nhiều kết quả.',
    ]) {
      const last = sentences(t).at(-1)!
      expect(t.slice(last.start, last.end)).toBe('5 năm qua, tỉnh đạt nhiều kết quả.')
    }
  })
})

// The session-6 forms in one text, cut before each space: random mixes recombine their words and wraps.
const SAMPLE =
  'Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 12/UBND-NC; các Nghị quyết của HĐND tỉnh: số 71/NQ-HĐND về đầu tư công trung hạn\n5 năm, Kế hoạch số 5/KH-UBND của UBND tỉnh triển khai thực\nhiện các nhiệm vụ tại Chỉ thị số 41-CT/TW và có Công văn số 9/SNV thay cho Kế hoạch số 4/KH-UBND. Để thực hiện Chỉ thị này, Huyện ủy ban hành Kế hoạch số 88-KH/HU.'

describe('properties of the session-6 forms', () => {
  itKeepsValidSpans(SAMPLE, 6)
})
