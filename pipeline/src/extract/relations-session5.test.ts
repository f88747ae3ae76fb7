/**
 * Relation rules of session 5 (issue #16), each on sentences written for the test: grounds listed under
 * their own heading, a grounds item led by whose guidance it is, hard wraps after a word that needs its
 * complement, glued words in proposals and long amended-article titles.
 */
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'
import { sentences } from './relations.ts'

/** Relations as "<from number> <relation> <to number>" (numbers keep the triples short). */
const rel = (text: string) => {
  const x = extract(text, { id: 't', published: '2024-06-01' })
  return (x.relations ?? [])
    .filter((r) => r.to !== null)
    .map((r) => `${x.documents[r.from]!.number} ${r.relation} ${x.documents[r.to!]!.number}`)
}

const header = (n: string) =>
  `ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n-------\nSố: ${n}/KH-UBND\nHà Giang, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nPHÁT TRIỂN DU LỊCH CỘNG ĐỒNG\n`

describe('a grounds list under its own heading', () => {
  it('cites the document each numbered or dashed item opens with, for the text its header numbers', () => {
    const text =
      header('61') +
      'I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n1. Quyết định số 147/QĐ-TTg ngày 22\ntháng 1 năm 2020 của Thủ tướng Chính phủ về chiến lược du lịch;\n' +
      '- Nghị quyết số 12-NQ/TU ngày 9/8/2021 của Tỉnh ủy về du lịch; Thông báo số 88-TB/TU cũng nêu rõ điều này.\n' +
      'II. MỤC ĐÍCH, YÊU CẦU\n1. Quyết định số 500/QĐ-UBND là căn cứ để kiểm tra.'
    expect(rel(text).sort()).toEqual(['61 cites 12', '61 cites 147'])
  })

  it('reads nothing without the text’s own number, or when the heading is a sentence', () => {
    const list = 'Căn cứ pháp lý:\n1. Quyết định số 147/QĐ-TTg ngày 22/1/2020 của Thủ tướng Chính phủ;\n'
    expect(rel(`KẾ HOẠCH PHÁT TRIỂN DU LỊCH\n${list}`)).toEqual([])
    expect(rel(`${header('61')}Căn cứ vào tình hình thực tế của địa phương, các xã đã làm tốt.\n`)).toEqual(
      []
    )
  })
})

describe('the items and wraps of a legal preamble', () => {
  it('takes "…; hướng dẫn của <body> tại Công văn số …" as the next grounds item', () => {
    expect(
      rel(
        `${header('72')}Căn cứ Quyết định số 90/QĐ-TTg ngày 4/2/2022 của Thủ tướng Chính phủ; hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch tại Công văn số 615/BVHTTDL-KHTC ngày 1/3/2023, UBND tỉnh xây dựng Kế hoạch như sau:`
      ).sort()
    ).toEqual(['72 cites 615', '72 cites 90'])
  })

  it('goes on after a line that ends on a word needing its complement, or on a number whose symbol follows', () => {
    const text =
      'QUYẾT ĐỊNH\nSố: 77/QĐ-UBND\nCăn cứ Luật Du lịch;\nXét đề nghị của Giám đốc Sở\nVăn hóa và Du lịch tại Tờ trình số 45/TTr-SVHDL ngày 2/5/2024,\nQUYẾT ĐỊNH:'
    expect(rel(text)).toEqual(['77 cites 45'])
    const wrapped =
      'Thực hiện Nghị quyết số 52\nNQ/TW ngày 27/9/2019 của Bộ Chính trị; Quyết định số 9/QĐ-TTg.'
    expect(sentences(wrapped)).toHaveLength(1)
    // A headline that ends on a full word still ends its sentence.
    expect(sentences('Tỉnh đẩy mạnh chuyển đổi số\nThực hiện Kế hoạch số 5/KH-UBND.')).toHaveLength(2)
  })

  it.each([
    [
      'a proposal glued to its report ("tạiTờ trình")',
      'QUYẾT ĐỊNH\nSố: 31/QĐ-UBND\nTheo đề nghị của Sở Nội vụ tạiTờ trình số 19/TTr-SNV ngày 3/4/2024,\nQUYẾT ĐỊNH:',
      ['31 cites 19'],
    ],
    [
      'a long amended-article title opening on "VỀ VIỆC"',
      'Số: 8/2024/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC SỬA ĐỔI KHOẢN 2, ĐIỀU 7 CỦA QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH HÀ GIANG BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 40/2021/QĐ-UBND NGÀY 2/11/2021',
      ['8 amends 40'],
    ],
    [
      'a circular guiding "một số quy định của" a decree',
      'Căn cứ Thông tư số 03/2023/TT-BNV ngày 9/5/2023 của Bộ Nội vụ hướng dẫn thi hành một số quy định của Nghị định số 98/2023/NĐ-CP.',
      ['03 implements 98'],
    ],
    [
      'an amendment naming the parts it changes across a hard wrap',
      'Thông tư số 09/2021/TT-BNV hướng dẫn sửa\nđổi, bổ sung Khoản 3 Mục II Phần I, Thông tư số 02/2020/TT-BNV của Bộ Nội vụ.',
      ['09 amends 02'],
    ],
    [
      'a decision making two articles of a circular concrete',
      'Quyết định số 77/QĐ-UBND ngày 2/3/2022 của UBND tỉnh về việc quy định cụ thể hóa Điều 5 và Điều 9 của Thông tư số 14/2021/TT-BGDĐT.',
      ['77 implements 14'],
    ],
    [
      'the grounds of a text numbered by a legislative row "Nghị quyết số: N/…"',
      'NGHỊ QUYẾT\n\nNghị quyết số: 120/2024/UBTVQH15\n\nHà Nội, ngày 2 tháng 4 năm 2024\n\nCăn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;',
      ['120 cites 57'],
    ],
  ])('reads %s', (_title, text, want) => {
    expect(rel(text)).toEqual(want)
  })
})

describe('grounds lists on a hostile page', () => {
  it('reads a page of 2,000 grounds headings and items in seconds', () => {
    const block = 'Căn cứ pháp lý:\n1. Quyết định số 147/QĐ-TTg ngày 22/1/2020 của Thủ tướng Chính phủ;\n'
    const text = header('61') + block.repeat(2000)
    const t0 = performance.now()
    const cites = rel(text).filter((r) => r === '61 cites 147')
    // generous for a busy machine: a heading-by-document reading would take minutes
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(cites).toEqual(['61 cites 147'])
  })
})
