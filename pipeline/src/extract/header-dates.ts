/**
 * Issue dates written away from the reference in a document's own header (issue #11): the number row
 * "Số: 45/KH-UBND" (also a table row "Số: … | Hà Nội, ngày …") with the dateline "Lạng Sơn, ngày 12 tháng
 * 3 năm 2024" on a later (or earlier) line, and metadata rows "Ngày ban hành: 12/3/2024".
 */
import type { DocumentMention } from '../domain/extraction.ts'
import { issuerLevel } from '../reference/documents.ts'
import { sentenceCase } from './caps.ts'
import { authorityLine } from './issuers.ts'

// A header cell in sentence case lost the capitals of its abbreviations ("ubnd tỉnh X").
const capitalise = (s: string): string =>
  (s[0]!.toUpperCase() + s.slice(1)).replace(
    /(?<![\p{L}])(?:ubnd|hđnd|mttq|Ubnd|Hđnd|Mttq)(?![\p{L}])/gu,
    (a) => a.toUpperCase()
  )

type ParseDate = (raw: string, yearHint: number | null) => string | null

// The number row of a header or a metadata table: "Số:", "Số hiệu:", "Số ký hiệu:", "Ký hiệu văn bản".
const NUMBER_ROW =
  /(?:^|[|\t])\s*(?:Số|SỐ|Số hiệu|Số ký hiệu|Ký hiệu(?:\s+văn bản)?)(?:\s+văn bản)?\s*:?\s*$/u
const SO_ALONE = /(?:^|\n)[ \t]*(?:Số|SỐ)[ \t]*:?[ \t]*\n[ \t]*$/u
// A flattened header puts the issuer cell on the number's line: "UBND TỈNH BẮC GIANG Số: 172/2015/QĐ-UBND".
const CELL_THEN_NUMBER = /^\s*(\p{L}[^\n\d.;:]{2,60}?)\s+(?:Số|SỐ|số)\s*:\s*$/u
const DAY = '\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}|\\d{1,2}\\s?[/.-]\\s?\\d{1,2}\\s?[/.-]\\s?\\d{4}'
// "Lạng Sơn, ngày 12 tháng 3 năm 2024" opening a line or a table cell.
const DATELINE = new RegExp(
  // A flattened header runs the motto into the dateline: "… Hạnh phúc Bắc Giang, ngày 5 tháng 5 năm 2015".
  `(?:^|\\n|[|\\t]|Hạnh phúc[ \\t-]*)[ \\t]*(?:[\\p{Lu}][\\p{L}.'’]*(?:[ \\t]+[\\p{L}.'’]+){0,5}[ \\t]*,[ \\t]*)?[Nn]gày[ \\t]+(${DAY})(?![\\p{N}/])`,
  'gu'
)
// "Ngày ban hành: 12/3/2024", "Ngày ký: …", "Ban hành ngày: …".
const METADATA_DAY = new RegExp(
  `(?:^|\\n|[|\\t])[ \\t]*(?:Ngày ban hành|Ngày ký|Ban hành ngày|Ngày văn bản)[ \\t]*:?[ \\t]*(${DAY})(?![\\p{N}/])`,
  'gu'
)
const WINDOW = 400

function lineOf(text: string, pos: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', pos - 1) + 1
  const nl = text.indexOf('\n', pos)
  return { start, end: nl < 0 ? text.length : nl }
}

/** The match of `re` nearest to `pos` within WINDOW characters either side, or null. */
function nearest(re: RegExp, text: string, from: number, to: number, pos: number): string | null {
  re.lastIndex = 0
  const window = text.slice(from, to)
  let best: { dist: number; raw: string } | null = null
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const dist = Math.abs(from + m.index - pos)
    if (best === null || dist < best.dist) best = { dist, raw: m[1]! }
    if (m[0].length === 0) re.lastIndex++
  }
  return best?.raw ?? null
}

/** A reference in a number row or alone on a short line takes the header's dateline or metadata day. */
export function dateFromHeader(text: string, out: DocumentMention[], parse: ParseDate): void {
  for (let k = 0; k < out.length; k++) {
    const d = out[k]!
    if (d.date !== null || d.symbol === null) continue
    const line = lineOf(text, d.start)
    const before = text.slice(line.start, d.start)
    const cell = CELL_THEN_NUMBER.exec(before)
    const rowCell = cell !== null && ISSUER_CELL.test(cell[1]!) ? cell[1]! : null
    // "Số:" alone on the line above the number (a table cell broken over lines).
    const numberRow =
      rowCell !== null ||
      NUMBER_ROW.test(before) ||
      (before.trim() === '' && SO_ALONE.test(text.slice(0, line.start)))
    // Or a title line that is the reference itself ("Kế hoạch số 45/KH-UBND" over its metadata rows).
    const short = d.start - line.start <= 2 && line.end - line.start < 90
    if (!numberRow && !short) continue
    const from = Math.max(0, line.start - WINDOW)
    const to = Math.min(text.length, line.end + WINDOW)
    const meta = nearest(METADATA_DAY, text, from, to, d.start)
    const raw = meta ?? (numberRow ? nearest(DATELINE, text, from, to, d.start) : null)
    if (numberRow && d.issuer_basis !== 'text' && (d.issuer === null || d.issuer === d.symbol_issuer)) {
      // The authority line above "Căn cứ" names the issuer best ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X").
      const issuer =
        authorityLine(text, line.start) ??
        (rowCell !== null
          ? capitalise(rowCell)
          : headerIssuer(text, line.start, nearest(DATELINE_PLACE, text, line.start, to, d.start)))
      if (issuer !== null)
        out[k] = { ...out[k]!, issuer, issuer_level: issuerLevel(issuer), issuer_basis: 'text' }
    }
    if (raw === null) continue
    const date = parse(
      raw
        .replace(/\s+/gu, ' ')
        .replace(/\s?([/.-])\s?/gu, '/')
        .replace(/\./gu, '/'),
      d.year_in_symbol
    )
    if (date !== null) out[k] = { ...out[k]!, date }
  }
}

// The place of the dateline ("Nghệ An" of "Nghệ An, ngày 21 tháng 10 năm 2021").
const DATELINE_PLACE =
  /(?:^|\n|[|\t])[ \t]*([\p{Lu}][\p{L}.'’]*(?:[ \t]+[\p{L}.'’]+){0,4})[ \t]*,[ \t]*ngày[ \t]+\d/gu
// Cells of the header that are not the issuer: the national motto (also broken over lines: "CỘNG" / "HÒA XÃ
// HỘI CHỦ NGHĨA VIỆT NAM"), rules, stars, the Party's name, the number's own label "Số:" on its line (session 5).
const NOT_ISSUER =
  /^(?:cộng hòa|cộng hoà|cộng$|h[òo]a xã hội chủ nghĩa|chủ nghĩa việt nam|độc lập|đảng cộng sản việt nam|số\s*:?$|[-_*=.\s]*$)/iu
const ISSUER_CELL =
  /^(?:[ủu][ỷy] ban|ubnd|hđnd|hội đồng|ban|sở|bộ|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đảng [bủu]|tiểu ban|văn phòng|thủ tướng|chính phủ|quốc hội|mặt trận|liên đoàn|công đoàn|hội|đoàn|chủ tịch|tổng cục|cục|công an|thành [ủu]|huyện [ủu])(?![\p{L}])/iu
const BODY = /^(?:ủy|uỷ) ban nhân dân$|^hội đồng nhân dân$/iu
const UNIT = /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s/iu

/**
 * The issuer block above a header's number row ("ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN"), in sentence case; a
 * bare "ỦY BAN NHÂN DÂN" takes the dateline's place as its province. Null when the block is not there.
 */
function headerIssuer(text: string, rowStart: number, place: string | null): string | null {
  const cells = text
    .slice(Math.max(0, rowStart - 300), rowStart)
    .split(/\n|\|/u)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !NOT_ISSUER.test(c))
  // A narrow cell breaks the body's name itself: "ỦY" / "BAN NHÂN DÂN" is one cell (session 5).
  for (let i = cells.length - 2; i >= 0; i--)
    if (/^[ủu][ỷy]$/iu.test(cells[i]!) && /^ban\s/iu.test(cells[i + 1]!))
      cells.splice(i, 2, `${cells[i]} ${cells[i + 1]}`)
  const found: string[] = []
  for (let i = cells.length - 1; i >= 0 && found.length < 2; i--) {
    const c = cells[i]!
    // Header cells name a body or a unit (ALL-CAPS lines arrive here in sentence case); running text ends
    // the block.
    if (c.length > 70 || !ISSUER_CELL.test(c) || /\d|[.;:]$/u.test(c)) break
    found.unshift(sentenceCase(c.toLowerCase()))
  }
  if (found.length === 0) return null
  const [a, b] = found.length === 2 ? found : [null, found[0]!]
  let name = a !== null && BODY.test(a) && UNIT.test(b!) ? `${a} ${b}` : b!
  if (BODY.test(name) && place !== null) name = `${name} tỉnh ${place}`
  return name[0]!.toUpperCase() + name.slice(1)
}
