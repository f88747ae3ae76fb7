/**
 * Which snapshot articles carry an attachment, and the attachment's text: the official document the
 * article reports on (number, date and issuer from the corpus facts), laid out as a Vietnamese official
 * letter (header, title, sections, signature). The signer names are invented for the snapshot.
 */
import type { Fact, FactDocument } from '../facts.ts'

export type AttachmentFormat = 'pdf' | 'docx' | 'doc' | 'scan'

export interface PlannedAttachment {
  readonly factId: string
  readonly format: AttachmentFormat
  /** Path on the article's host, e.g. /uploads/van-ban/ke-hoach-1800-kh-ubnd-2020.pdf */
  readonly path: string
  /** Stored under data/snapshot/attachments/ */
  readonly file: string
  readonly label: string
  readonly lines: ReadonlyArray<string>
}

/** One fact per format; each is a provincial People's Committee document with number, date and issuer. */
const CHOSEN: ReadonlyArray<{ factId: string; format: AttachmentFormat; signer: string }> = [
  { factId: 'd082', format: 'pdf', signer: 'Trần Minh Khang' },
  { factId: 'd160', format: 'docx', signer: 'Lê Thị Hòa' },
  { factId: 'd161', format: 'doc', signer: 'Phạm Quốc Bảo' },
  { factId: 'd176', format: 'scan', signer: 'Võ Thanh Tùng' },
]

const HEADINGS: Record<string, string> = { plan: 'KẾ HOẠCH', guideline: 'HƯỚNG DẪN', decision: 'QUYẾT ĐỊNH' }
const EXT: Record<AttachmentFormat, string> = { pdf: 'pdf', docx: 'docx', doc: 'doc', scan: 'pdf' }

const upper = (s: string): string => s.toLocaleUpperCase('vi')

const docLines = (f: Fact, d: FactDocument, signer: string): string[] => {
  const province = (d.issuer ?? '').replace(/^UBND\s+/u, '')
  const place = province.replace(/^(tỉnh|thành phố)\s+/u, '')
  const [y, m, day] = (d.date ?? '').split('-').map(Number)
  const heading = HEADINGS[d.type] ?? 'KẾ HOẠCH'
  return [
    'ỦY BAN NHÂN DÂN',
    upper(province),
    `Số: ${d.symbol}`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `${place}, ngày ${day} tháng ${m} năm ${y}`,
    heading,
    `Về việc ${d.title_topic ?? f.topic}`,
    'I. MỤC ĐÍCH, YÊU CẦU',
    f.summary_vi,
    'II. NỘI DUNG VÀ HÌNH THỨC THI ĐUA',
    'Các sở, ban, ngành, địa phương tổ chức phát động thi đua sâu rộng, gắn với nhiệm vụ chính trị của từng đơn vị; định kỳ sơ kết, tổng kết, biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, theo dõi, đôn đốc việc thực hiện kế hoạch này và tổng hợp, báo cáo kết quả theo quy định.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    signer,
  ]
}

export function planAttachments(facts: ReadonlyArray<Fact>): PlannedAttachment[] {
  const out: PlannedAttachment[] = []
  for (const c of CHOSEN) {
    const f = facts.find((x) => x.id === c.factId)
    const d = f?.documents.find((x) => x.number && x.symbol && x.date && x.issuer)
    if (!f || !d) throw new Error(`attachment plan: fact ${c.factId} has no dated, numbered document`)
    const slug = `${(HEADINGS[d.type] ?? 'van-ban') === 'HƯỚNG DẪN' ? 'huong-dan' : 'ke-hoach'}-${(d.symbol ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${d.date?.slice(0, 4)}`
    const name = `${slug}${c.format === 'scan' ? '-ban-scan' : ''}.${EXT[c.format]}`
    out.push({
      factId: c.factId,
      format: c.format,
      path: `/uploads/van-ban/${name}`,
      file: name,
      label: `Tải văn bản: ${d.symbol} (${c.format === 'scan' ? 'bản scan PDF' : EXT[c.format].toUpperCase()})`,
      lines: docLines(f, d, c.signer),
    })
  }
  return out
}
