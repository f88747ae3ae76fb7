import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'
import { extractRelations, sentences } from './relations.ts'
import { docMention } from './test-kit.ts'

/** Relations as readable triples: "<from surface> <relation> <to surface | campaign | event>". */
const rel = (text: string, published = '2025-03-05') => {
  const x = extract(text, { id: 't', published })
  return (x.relations ?? []).map((r) => {
    const to =
      r.to !== null
        ? x.documents[r.to]!.surface
        : (r.campaign ?? (r.event !== null && r.event !== undefined ? x.events[r.event]!.surface : '?'))
    return `${x.documents[r.from]!.surface} ${r.relation} ${to}`
  })
}

/** The sentences of `t` as trimmed text. */
const sentenceTexts = (t: string) => sentences(t).map((s) => t.slice(s.start, s.end).trim())

describe('relations between documents', () => {
  it('reads "Thực hiện <T>, <issuer> ban hành <F>" as F implements T, with a span over both', () => {
    const text =
      'Thực hiện Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị, UBND tỉnh Lạng Sơn ban hành Kế hoạch số 45/KH-UBND ngày 3/3/2025.'
    expect(rel(text)).toEqual(['Kế hoạch số 45/KH-UBND implements Chỉ thị số 41-CT/TW'])
    const r = extract(text, { id: 't', published: '2025-03-05' }).relations![0]!
    expect(text.slice(r.start, r.end)).toMatch(/^Thực hiện Chỉ thị số 41-CT\/TW.*Kế hoạch số 45\/KH-UBND$/)
  })

  // Sentence → the relations read in it, as "<from> <relation> <to>" (published 2025-03-05 unless given).
  it.each<[string, string, string[], string?]>([
    [
      'reads "<F> … triển khai <T1> và <T2>" and lists',
      'UBND thành phố ban hành Kế hoạch số 77/KH-UBND triển khai Kết luận số 126-KL/TW của Bộ Chính trị và Kế hoạch số 04-KH/TU của Thành ủy.',
      [
        'Kế hoạch số 77/KH-UBND implements Kết luận số 126-KL/TW',
        'Kế hoạch số 77/KH-UBND implements Kế hoạch số 04-KH/TU',
      ],
    ],
    [
      'reads grounds stated alone for the document the next sentence opens by issuing',
      'Thực hiện Kế hoạch số 36/KH-UBND ngày 20/2/2024 của UBND huyện. Ngày 8/3/2024, Đảng ủy xã đã ban hành Kế hoạch số 21-KH/ĐU về thi đua.',
      ['Kế hoạch số 21-KH/ĐU implements Kế hoạch số 36/KH-UBND'],
    ],
    [
      'reads no grounds for a sentence with a main clause of its own',
      'Thực hiện Kế hoạch số 45/KH-UBND của UBND tỉnh, các trường tổ chức ra quân. Ngày 3/5/2024, Phòng Giáo dục ban hành Công văn số 310/PGDĐT về lịch thi.',
      [],
    ],
    [
      'reads no grounds for a next sentence that does not open on the issuing',
      'Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện. Trong tháng 4, Đoàn xã đã ra quân; Ban Chỉ huy Quân sự xã ban hành Kế hoạch số 7/KH-BCH.',
      [],
    ],
    [
      'reads "<T> được <agent> triển khai qua <F>" as F implements T',
      'Hướng dẫn số 13/HD-HĐTĐKT được Sở Nội vụ triển khai qua Công văn số 9/SNV-TĐKT ngày 2/8/2024.',
      ['Công văn số 9/SNV-TĐKT implements Hướng dẫn số 13/HD-HĐTĐKT'],
    ],
    [
      'reads "Theo đề nghị … tại Tờ trình" as cites',
      'Số: 725/QĐ-UBND\nQUYẾT ĐỊNH\nTheo đề nghị của Trưởng ban Ban Thi đua - Khen thưởng tại Tờ trình số 88/TTr-BTĐKT ngày 14/5/2024.',
      ['725/QĐ-UBND cites Tờ trình số 88/TTr-BTĐKT'],
    ],
    [
      'reads amends',
      'Quyết định số 5/QĐ-UBND sửa đổi, bổ sung Quyết định số 12/QĐ-UBND.',
      ['Quyết định số 5/QĐ-UBND amends Quyết định số 12/QĐ-UBND'],
    ],
    [
      'reads replaces in the passive',
      'Chương trình số 25-CTr/TU được thay thế bằng Chương trình số 40-CTr/TU.',
      ['Chương trình số 40-CTr/TU replaces Chương trình số 25-CTr/TU'],
    ],
    [
      'reads cites',
      'Căn cứ Nghị định số 98/2023/NĐ-CP, Bộ Công an ban hành Thông tư số 40/2024/TT-BCA.',
      ['Thông tư số 40/2024/TT-BCA cites Nghị định số 98/2023/NĐ-CP'],
    ],
    [
      'resolves "Kế hoạch này …" to the plan the previous sentence issued',
      'UBND tỉnh ban hành Kế hoạch số 56/KH-UBND về thi đua. Kế hoạch này triển khai Hướng dẫn số 1330/HD-HĐTĐKT.',
      ['Kế hoạch số 56/KH-UBND implements Hướng dẫn số 1330/HD-HĐTĐKT'],
    ],
    [
      'gives a plan its campaign',
      'UBND tỉnh ban hành Kế hoạch số 15/KH-UBND phát động phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát” năm 2025.',
      ['Kế hoạch số 15/KH-UBND launches xoa_nha_tam'],
    ],
    [
      'gives a plan its congress',
      'UBND tỉnh ban hành Kế hoạch tổ chức Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI năm 2025 (Kế hoạch số 138/KH-UBND, ngày 10/6/2024).',
      ['Kế hoạch số 138/KH-UBND organizes Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI năm 2025'],
      '2024-06-12',
    ],
    [
      'finds nothing where documents are only named (a review)',
      'Tỉnh đã sơ kết 5 năm thực hiện Chỉ thị số 34-CT/TW và khen thưởng 120 tập thể.',
      [],
    ],
    [
      'finds nothing where documents are only named (a training)',
      'Ban Thi đua tập huấn về Nghị định số 152/2025/NĐ-CP và Thông tư số 15/2025/TT-BNV.',
      [],
    ],
    [
      'keeps the document before a verb its actor across "và" inside a name, not across "và" + clause',
      'Thực hiện Công văn số 230/SGDĐT-VP của Sở Giáo dục và Đào tạo về việc triển khai Kế hoạch số 15-KH/TU của Tỉnh ủy, Phòng Giáo dục đề nghị các trường tham gia.',
      ['Công văn số 230/SGDĐT-VP implements Kế hoạch số 15-KH/TU'],
    ],
    [
      'reads a circular that guides a decree',
      'Thông tư số 21/2019/TT-BTC của Bộ Tài chính hướng dẫn Nghị định số 30/2018/NĐ-CP của Chính phủ.',
      ['Thông tư số 21/2019/TT-BTC implements Nghị định số 30/2018/NĐ-CP'],
    ],
    [
      'reads amending an article and the passive "đã được sửa đổi tại Điều"',
      'Nghị quyết 09/2024/NQ-HĐND sửa đổi nội dung tại Điều 2 Nghị quyết 40/2019/NQ-HĐND về mức chi của tỉnh đã được sửa đổi tại Điều 1 Nghị quyết 12/2022/NQ-HĐND.',
      [
        'Nghị quyết 09/2024/NQ-HĐND amends Nghị quyết 40/2019/NQ-HĐND',
        'Nghị quyết 12/2022/NQ-HĐND amends Nghị quyết 40/2019/NQ-HĐND',
      ],
    ],
    [
      'reads adding to a list issued with a decision as amending it',
      'Số: 95/QĐ-UBND\nĐiều 1. Bổ sung 03 thủ tục hành chính vào Danh mục thủ tục thuộc thẩm quyền giải quyết của Sở Nội vụ được ban hành kèm theo Quyết định số 210/QĐ-UBND ngày 4/3/2022.',
      ['95/QĐ-UBND amends Quyết định số 210/QĐ-UBND'],
    ],
    [
      'reads rules issued with a decision, given as grounds, as cited',
      'Số: 88/QĐ-UBND\nCăn cứ Quy chế thi đua, khen thưởng của tỉnh ban hành kèm theo Quyết định số 12/2018/QĐ-UBND ngày 2/4/2018;\nQUYẾT ĐỊNH:',
      ['88/QĐ-UBND cites Quyết định số 12/2018/QĐ-UBND'],
    ],
    // "Hướng dẫn" with a capital is a document's name, not the verb.
    [
      'reads "Hướng dẫn" with a capital as a name',
      'Căn cứ Hướng dẫn 12/HD-SNV ngày 3/3/2024 của Sở Nội vụ.',
      [],
    ],
    [
      "reads a letter's own title line as the document its grounds belong to",
      'Công văn số 77/PGDĐT-VP V/v tổ chức thi đua\n\nThực hiện Công văn số 512/SGDĐT-VP ngày 20/9/2022 của Sở,\n\nPhòng Giáo dục hướng dẫn như sau:',
      ['Công văn số 77/PGDĐT-VP implements Công văn số 512/SGDĐT-VP'],
    ],
  ])('%s', (_title, text, want, published) => {
    expect(rel(text, published)).toEqual(want)
  })

  it('lets the subject document of an article carry out the central document its content requires', () => {
    const text = `UBND tỉnh Lào Cai vừa ban hành Chỉ thị số 01 về phát động phong trào thi đua năm 2025.\n\nChỉ thị nêu rõ các yêu cầu.\n\nCác cơ quan tập trung tuyên truyền, triển khai thực hiện Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị về công tác thi đua.`
    expect(rel(text, '2025-01-20')).toEqual(['Chỉ thị số 01 implements Chỉ thị số 41-CT/TW'])
    // Far below the lead (a related-news block) the subject no longer speaks.
    const far = `${text.split('\n\nCác')[0]}\n\n${'Nội dung khác. '.repeat(300)}\n\nCác cơ quan thực hiện Nghị quyết số 57 của Bộ Chính trị.`
    expect(rel(far, '2025-01-20')).toEqual([])
  })

  it('splits sentences on stops and line breaks but not inside dates', () => {
    const t = 'Ngày 10.6.2024 ban hành. Tiếp theo\nDòng mới'
    expect(sentenceTexts(t)).toEqual(['Ngày 10.6.2024 ban hành.', 'Tiếp theo', 'Dòng mới'])
  })

  it('joins the hard-wrapped lines of a legal text, but not a new line that opens with a capital', () => {
    const t = 'Căn cứ Nghị định số\n91/2017/NĐ-CP của Chính phủ;\nXét đề nghị tại Tờ\ntrình số 5\nQUYẾT ĐỊNH:'
    expect(sentenceTexts(t)).toEqual([
      'Căn cứ Nghị định số\n91/2017/NĐ-CP của Chính phủ;',
      'Xét đề nghị tại Tờ\ntrình số 5',
      'QUYẾT ĐỊNH:',
    ])
    // A date at the head of a line is no document number.
    expect(sentences('Tin mới\n20/11/2024 Hội nghị').length).toBe(2)
    const cited = rel(
      'Số: 12/QĐ-UBND\nXét đề nghị của Giám đốc Sở Nội vụ tại Tờ\ntrình số 55/TTr-SNV ngày 10/5/2023,\nQUYẾT ĐỊNH:'
    )
    // The document finder may or may not take the wrapped "Tờ\ntrình số" into the mention.
    expect(cited).toHaveLength(1)
    expect(cited[0]).toMatch(/^12\/QĐ-UBND cites (?:Tờ\s+trình số )?55\/TTr-SNV$/)
  })

  it('reads every mention of a merged document, and answers with document indexes', () => {
    const text =
      'Chỉ thị số 41-CT/TW của Bộ Chính trị rất quan trọng. Thực hiện Chỉ thị 41, UBND tỉnh ban hành Kế hoạch số 9/KH-UBND.'
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, surface: s })
    const plan = docMention({ type: 'plan', number: '9', symbol: 'KH-UBND', ...at('Kế hoạch số 9/KH-UBND') })
    const directive = docMention({
      symbol: 'CT/TW',
      issuer_level: 'party_central',
      ...at('Chỉ thị số 41-CT/TW'),
      mentions: [at('Chỉ thị số 41-CT/TW'), at('Chỉ thị 41')],
    })
    const rels = extractRelations(text, [plan, directive], [], [])
    expect(rels.map((r) => [r.relation, r.from, r.to])).toEqual([['implements', 0, 1]])
    expect(text.slice(rels[0]!.start, rels[0]!.end)).toMatch(/^Thực hiện Chỉ thị 41.*9\/KH-UBND$/)
  })
})
