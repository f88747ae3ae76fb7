/**
 * The header and signature block of a Vietnamese official document (Nghị định 30/2020/NĐ-CP layout):
 * issuing body at the top left, "Số: 138/KH-UBND", "Lạng Sơn, ngày 10 tháng 3 năm 2025", the type in
 * capitals ("KẾ HOẠCH"), and at the end the signer's title and name. Works on text in reading order,
 * whether the two header columns come out as separate lines (DOCX, text PDF) or merged (OCR).
 */

export interface DocumentHeader {
  /** As printed in capitals: "KẾ HOẠCH", "QUYẾT ĐỊNH", ...; null for a letter (công văn). */
  readonly type_heading: string | null
  readonly number: string | null
  readonly symbol: string | null
  /** ISO date from the place-and-date line. */
  readonly issued_on: string | null
  /** "Ủy ban nhân dân tỉnh Lạng Sơn" (sentence case, place names capitalised). */
  readonly issuer: string | null
  readonly signer: string | null
}

const TYPE_HEADINGS = [
  'KẾ HOẠCH',
  'QUYẾT ĐỊNH',
  'CHỈ THỊ',
  'NGHỊ QUYẾT',
  'THÔNG BÁO',
  'HƯỚNG DẪN',
  'CHƯƠNG TRÌNH',
  'BÁO CÁO',
  'THÔNG TƯ',
  'NGHỊ ĐỊNH',
  'CÔNG VĂN',
]
const MOTTO =
  /C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu
const NUMBER = /Số\s*[:.]?\s*(\d{1,5}[a-z]?)\s*\/\s*((?:\d{4}\s*\/\s*)?[A-ZĐ0-9]+(?:\s*[-/]\s*[A-ZĐ0-9]+)*)/u
const PLACE_DATE = /(\p{Lu}[\p{L} .]{1,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u
const NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,4}$/u
const TITLE_LINE =
  /^(?:TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ|CHÁNH VĂN PHÒNG)/u
const LOCAL_UNIT = /\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+(.+)$/u

const clean = (line: string): string =>
  line
    .replace(/[_\-–—=*•]{3,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" → "Ủy ban nhân dân tỉnh Lạng Sơn". */
export const sentenceCase = (caps: string): string => {
  const lower = caps.replace(/^UBND(?=\s)/u, 'ỦY BAN NHÂN DÂN').toLocaleLowerCase('vi')
  const unit = LOCAL_UNIT.exec(lower)
  const place = unit?.[2]
    ? unit[2].replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, ch: string) => sp + ch.toLocaleUpperCase('vi'))
    : null
  const head = unit ? lower.slice(0, unit.index + (unit[1]?.length ?? 0) + 1) + (place ?? '') : lower
  return head.charAt(0).toLocaleUpperCase('vi') + head.slice(1)
}

const isCaps = (s: string): boolean => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi')

/** The issuing body: capital lines above "Số:", without the national motto. */
const issuerOf = (lines: ReadonlyArray<string>, numberAt: number): string | null => {
  const parts: string[] = []
  for (const raw of lines.slice(Math.max(0, numberAt - 4), numberAt + 1)) {
    let line = raw
    const motto = MOTTO.exec(line)
    if (motto) line = line.slice(0, motto.index)
    const num = /Số\s*[:.]/u.exec(line)
    if (num) line = line.slice(0, num.index)
    line = clean(line)
    if (line.length >= 3 && isCaps(line)) parts.push(line)
  }
  if (parts.length === 0) return null
  // "UBND TỈNH LẠNG SƠN / SỞ NỘI VỤ": the lower line issues; it takes the province of the upper one.
  const last = parts[parts.length - 1] as string
  if (
    parts.length > 1 &&
    /^(SỞ|BAN|VĂN PHÒNG|HỘI ĐỒNG)(?=\s|$)/u.test(last) &&
    !LOCAL_UNIT.test(last.toLocaleLowerCase('vi'))
  ) {
    const unit = LOCAL_UNIT.exec((parts[0] as string).toLocaleLowerCase('vi'))
    return sentenceCase(unit ? `${last} ${(parts[0] as string).slice(unit.index)}` : last)
  }
  return sentenceCase(parts.join(' '))
}

/** The signer: the last name-shaped line after a title line (TM./KT./CHỦ TỊCH ...) near the end. */
const signerOf = (lines: ReadonlyArray<string>): string | null => {
  const tail = lines.slice(-20)
  const titleAt = tail.findIndex((l) => TITLE_LINE.test(l))
  if (titleAt < 0) return null
  for (let i = tail.length - 1; i > titleAt; i--) {
    const l = clean(tail[i] as string)
    if (NAME.test(l) && !isCaps(l)) return l
  }
  return null
}

export function readDocumentHeader(text: string): DocumentHeader {
  const lines = text
    .split(/\r?\n/)
    .map(clean)
    .filter((l) => l.length > 0)
  const top = lines.slice(0, 40)
  const numberAt = top.findIndex((l) => NUMBER.test(l))
  const num = numberAt >= 0 ? NUMBER.exec(top[numberAt] as string) : null
  const date = PLACE_DATE.exec(top.join('\n'))
  const heading = top.find((l) => TYPE_HEADINGS.includes(l.toLocaleUpperCase('vi')) && isCaps(l)) ?? null
  const iso = date
    ? `${date[4]}-${String(date[3]).padStart(2, '0')}-${String(date[2]).padStart(2, '0')}`
    : null
  return {
    type_heading: heading,
    number: num?.[1] ?? null,
    symbol: num?.[2] ? num[2].replace(/\s+/g, '') : null,
    issued_on: iso,
    issuer: numberAt >= 0 ? issuerOf(top, numberAt) : null,
    signer: signerOf(lines),
  }
}

/**
 * The header as the sentence a news article would write ("Kế hoạch số 138/KH-UBND ngày 10/3/2025 của
 * Ủy ban nhân dân tỉnh Lạng Sơn"), for the extractor; null without a number.
 */
export const citationOf = (h: DocumentHeader): string | null => {
  if (!h.number || !h.symbol) return null
  const type = h.type_heading ? sentenceCase(h.type_heading) : 'Văn bản'
  const [y, m, d] = h.issued_on ? h.issued_on.split('-').map(Number) : []
  const date = y && m && d ? ` ngày ${d}/${m}/${y}` : ''
  return `${type} số ${h.number}/${h.symbol}${date}${h.issuer ? ` của ${h.issuer}` : ''}`
}
