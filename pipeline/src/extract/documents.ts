/**
 * Document references: "Kế hoạch số 138/KH-UBND, ngày 10/6/2024", "Chỉ thị số 22 - CT /TW ngày 23/1/2018",
 * "NQ 26 của Bộ Chính trị", "Luật Thi đua, khen thưởng số 06/2022/QH15", "văn bản số 4912/UBND-NC",
 * lists ("các Kế hoạch số 12/KH-UBND và 13/KH-UBND"), a date before the number, and bare symbols.
 */
import type { DocumentMention, DocumentType } from '../domain/extraction.ts'
import { issuerLevel, typeFromAbbreviation } from '../reference/documents.ts'
import { inferYear, isoDay, parsePublished } from './dates.ts'
import { Claims, matchAll } from './spans.ts'
import { dateFromHeader } from './header-dates.ts'
import { type ParsedSymbol, parseSymbol } from './symbols.ts'
import { CAPWORDS, ISSUER_SRC, KHOA } from './issuers.ts'
import { aliasFor } from './places.ts'

type Pub = ReturnType<typeof parsePublished>

const KEYWORDS: ReadonlyArray<[string, DocumentType]> = [
  ['Nghị quyết liên tịch', 'resolution'],
  ['Thông báo kết luận', 'notice'],
  ['Thông tư liên tịch', 'circular'],
  ['Chương trình hành động', 'program'],
  ['Kế hoạch', 'plan'],
  ['Chỉ thị', 'directive'],
  ['Nghị quyết', 'resolution'],
  ['Quyết định', 'decision'],
  ['Công văn', 'official_letter'],
  ['Văn bản', 'official_letter'],
  ['Thông báo', 'notice'],
  ['Kết luận', 'conclusion'],
  ['Thông tư', 'circular'],
  ['Nghị định', 'decree'],
  ['Hướng dẫn', 'guideline'],
  ['Chương trình', 'program'],
  ['Báo cáo', 'report'],
  ['Công điện', 'telegram'],
  ['Tờ trình', 'other'],
  ['Quy định', 'other'],
  ['Quy chế', 'other'],
  ['Đề án', 'other'],
  ['Thông tri', 'other'],
]
const ABBR_KEYWORDS = ['CTr', 'NQ', 'QĐ', 'NĐ', 'CT', 'KL', 'KH', 'HD', 'TB', 'BC']

const keywordType = new Map<string, DocumentType>()
for (const [k, t] of KEYWORDS) keywordType.set(k.toLowerCase(), t)

// The first letter of a full keyword may be either case ("kế hoạch số"); abbreviations are exact.
// Hard-wrapped pages break a keyword over two lines ("Tờ\ntrình số 66/TTr-SYT"): any space may be a break.
const fullAlt = KEYWORDS.map(
  ([k]) => `[${k[0]!.toUpperCase()}${k[0]!.toLowerCase()}]${k.slice(1).replace(/ /g, '\\s')}`
).join('|')
const LETTER_KEYWORD = /^(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình)$/u
const keywordOf = (k: string): DocumentType | undefined =>
  keywordType.get(k.replace(/\s+/gu, ' ').toLowerCase())
const DATE_SRC =
  // "ngày 30 tháng11 năm 2011": portals glue words to numbers (issue #11).
  '\\d{1,2}\\s?\\/\\s?\\d{1,2}\\s?\\/\\s?\\d{4}|\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}'
const ANCHOR = new RegExp(
  `(?<![\\p{L}\\p{N}/-])(${fullAlt}|${ABBR_KEYWORDS.join('|')})` +
    `(?:\\s+(?:ban hành\\s+|ký\\s+)?ngày\\s+(${DATE_SRC})\\s*,?)?` +
    `\\s*(?:(số)\\s*:?\\s*)?(\\d{1,5})(?![\\p{N}])`,
  'gu'
)
// "Luật Thi đua, khen thưởng số 06/2022/QH15": a law's title sits between the word and the number.
const LAW = /(?<![\p{L}])Luật(?:\s+[^\n.;:()"“”\d]{1,70}?)?\s+số\s*(\d{1,4})(?![\p{N}])/gu
// A symbol with no keyword in front ("theo 138/KH-UBND").
const BARE = /(?<![\p{L}\p{N}/.,-])(\d{1,5})(?=\s{0,2}[-–/])/gu

// After a bare number (no "số", no symbol) only these may follow, so "Kế hoạch 5 năm" is no document.
const BARE_NEXT =
  /^(?:\s*(?:[,.;:)(\]]|[-–]\s|$)|\s+(?:của|về|ngày|và|do|đã|được|nhằm|trong|tại|là|với|này|cũng|vừa|ban hành|hướng dẫn|quy định|theo)(?![\p{L}]))/u

// Also a bracketed day alone, with its year: "Kế hoạch số 45/KH-UBND (12/3/2024)".
const DATE_AFTER = new RegExp(
  `\\s*[,(]?\\s*(?:được\\s+)?(?:ban hành\\s+|ký\\s+)?(?:vào\\s+)?ng[àa]y\\s*:?\\s*(${DATE_SRC}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4}|\\d{1,2}\\s?\\/\\s?\\d{1,2})(?![\\p{N}/])|\\s*\\(\\s*(${DATE_SRC}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4})\\s*\\)`,
  'uy'
)

// Any written day a document date may take, with "ngày 5/3" (year from the symbol or publication).
const ANY_DATE = `${DATE_SRC}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2}\\s?\\/\\s?\\d{1,2}`
// "… của UBND tỉnh X ban hành ngày 11 tháng 9 năm 2024", "… (ban hành ngày 5-5-2018)": an issue date
// written after the issuer or the topic. Only "ban hành"/"ký" make it the document's: a bare "ngày"
// later in the sentence is as likely the day of the event the document plans.
const ISSUED_ON_LATER = new RegExp(
  `(?<![\\p{L}])(?<![Đđ]ăng\\s)(?:được\\s+)?(?:ban hành|ký ban hành|ký)\\s+(?:vào\\s+)?ngày\\s*:?\\s*(${ANY_DATE})(?![\\p{N}/])`,
  'u'
)
// "… của UBND tỉnh ngày 11/9/2024": a day right after the issuer, with no comma between.
const DATE_AFTER_ISSUER = new RegExp(`\\s+ngày\\s+(${DATE_SRC})(?![\\p{N}/])`, 'uy')
// "Ngày 30-11-2020, Tỉnh ủy X ban hành Chỉ thị số 09-CT/TU …": a sentence that opens with a day and
// reports a document being issued dates the document right after "ban hành", and only that one.
// Since issue #11 also "có Công văn số …", "ký …", "thông qua Nghị quyết số …".
const ISSUE_VERB = '(?:ký\\s+)?[Bb]an hành|có|ký|thông qua|ra'
const ISSUED_BEFORE_CUE = new RegExp(`(?<![\\p{L}])(?:${ISSUE_VERB})\\s+(?:(?:các|bản)\\s+)?$`, 'u')
const OPENING_DAY_ISSUE = new RegExp(
  `(?:Vào ngày|[Nn]gày|(?:Sáng|Chiều|Tối|Trưa)(?:\\s+ngày)?)\\s+(${ANY_DATE})(?![\\p{N}/])\\s*(?:vừa qua\\s*)?,?\\s+` +
    `((?:TP\\.|[^.;:!?\\n])*?)\\s+(?:(?:vừa|đã|mới|cũng|chính thức)\\s+)*(?:${ISSUE_VERB})\\s+(?:(?:các|bản)\\s+)?$`,
  'u'
)
// "…, ngày 12/3/2024, UBND tỉnh đã ban hành Kế hoạch …": a day followed by a clause that issues a document
// belongs to that document, not to a reference written just before the day.
const DAY_THEN_ISSUING =
  /^\s*,\s*(?:TP\.|[^.;:!?\n,])*?\s(?:(?:vừa|đã|mới|cũng|chính thức)\s+)*(?:ký\s+)?ban hành\s/u

// "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 417/TTr-SNV": the proposer issued the submission.
// Also "chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX" (issue #11).
const PROPOSER_BEFORE = new RegExp(
  `(?:đề nghị|ý kiến|chỉ đạo|hướng dẫn|yêu cầu) của (${ISSUER_SRC})\\s+(?:tại|theo)\\s+$`,
  'u'
)
const ISSUER_AFTER = new RegExp(`\\s*[,(]?\\s*(?:của|cua|do)\\s+(${ISSUER_SRC})`, 'uy')
// "Quyết định 3109/QĐ-UBND của Bình Phước năm 2021" (legal databases' titles): a province as the issuer.
const PLACE_AFTER = new RegExp(
  `\\s*(?:của|do)\\s+((?:tỉnh\\s+|thành phố\\s+)?(${CAPWORDS}))(?![\\p{L}])`,
  'uy'
)
const VERB_BEFORE = /(?:[Bb]an hành|có|ký|phát hành|xây dựng|triển khai|thông qua|ra)\s+(?:(?:các|bản)\s+)?$/u
const PROPOSER_CUE = /(?:tại|theo)\s+$/u
const ISSUER_BEFORE = new RegExp(
  // "Thủ tướng Chính phủ Phạm Minh Chính đã ký …": a person's name may stand between issuer and verb;
  // "Ban Thi đua - Khen thưởng Trung ương (Bộ Nội vụ) vừa có …": so may a bracketed parent body.
  `(${ISSUER_SRC})${KHOA}(?:\\s*\\([^()\\n]{1,40}\\))?(?:\\s+[\\p{Lu}][\\p{L}]*){0,4}\\s+(?:(?:vừa|đã|mới|cũng)\\s+)*(?:[Bb]an hành|có|ký ban hành|ký|phát hành|xây dựng|triển khai|thông qua|ra)\\s+(?:(?:các|bản)\\s+)?$`,
  'u'
)
// "UBND tỉnh ban hành Kế hoạch tổ chức ... (Kế hoạch số 138/KH-UBND, ngày 10/6/2024)": the number in
// brackets restates the document the sentence names, so the sentence's subject is its issuer.
const SENTENCE_ISSUER = new RegExp(
  `(${ISSUER_SRC})${KHOA}\\s+(?:(?:vừa|đã|mới|cũng)\\s+)*(?:ban hành|ký ban hành|phát hành|xây dựng)\\s+(?:(?:các|bản)\\s+)?(${fullAlt}|${ABBR_KEYWORDS.join('|')})(?![\\p{L}])`,
  'gu'
)
const LIST_NEXT = /\s*(?:,\s*và|,|;|và)\s*(?:số\s*)?(\d{1,5})(?![\p{N}])/uy

/** Issuer levels that may stand for one another (an "UBND" symbol is issued by a province or a district). */
function levelFamily(level: string): string {
  if (level === 'province' || level === 'district' || level === 'commune') return 'local'
  if (level === 'party_central' || level === 'province_party') return 'party'
  if (level === 'government' || level === 'prime_minister') return 'government'
  return level
}

// A department's own symbol ("27/HD-SNV" of the Sở Nội vụ): "SNV", "SYT", "SGDĐT" …
const DEPARTMENT_SYMBOL = /^S[A-ZĐ]{1,6}$/u

/** Whether a written issuer may have issued a document whose symbol names `symIssuer` (null: any). */
function issuerAgrees(symIssuer: string | null, written: string): boolean {
  const symFamily = levelFamily(issuerLevel(symIssuer))
  if (symFamily === 'unknown') return true
  if (symIssuer !== null && DEPARTMENT_SYMBOL.test(symIssuer) && /^Sở\s/u.test(written)) return true
  // "Ban Thường trực Ủy ban MTTQ … ban hành Thông báo số 03/TB-MTTQ-BTT": the subject names the symbol's body.
  if (symIssuer !== null && written.split(/[^\p{L}]+/u).includes(symIssuer)) return true
  return levelFamily(issuerLevel(written)) === symFamily
}

function parseDate(raw: string, yearHint: number | null, pub: Pub): string | null {
  // "30 tháng11 năm 2011": portals glue words to numbers.
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/(\d)(tháng|năm)/gu, '$1 $2')
    .replace(/(tháng|năm)(\d)/gu, '$1 $2')
  let m = /^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})$/.exec(s)
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(s)
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2}) ?\/ ?(\d{1,2})$/.exec(s)
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])]
    const y = yearHint ?? inferYear(mo, d, pub)
    return y === null ? null : isoDay(y, mo, d)
  }
  return null
}

const stickyAt = (re: RegExp, text: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos
  return re.exec(text)
}

interface Ref {
  readonly start: number
  readonly number: string
  readonly numberEnd: number
  readonly sym: ParsedSymbol | null
  readonly keywordType: DocumentType | null
  readonly keyword: string | null
}

function resolveType(ref: Ref, text: string): DocumentType | null {
  // "Quy định số 230-QĐ/TW": a Party symbol's "QĐ" stands for Quy định as well as Quyết định.
  if (ref.sym?.typeAbbr === 'QĐ' && ref.keyword !== null && /^[Qq]uy định$/u.test(ref.keyword)) return 'other'
  if (ref.sym?.typeAbbr) return typeFromAbbreviation(ref.sym.typeAbbr) ?? ref.keywordType
  if (ref.keywordType) return ref.keywordType
  if (ref.sym?.form === 'normative') {
    const before = text.slice(Math.max(0, ref.start - 80), ref.start)
    if (/Luật[^.]*$/u.test(before)) return 'law'
    if (/Nghị quyết[^.]*$/iu.test(before)) return 'resolution'
    return 'other'
  }
  return ref.sym ? 'official_letter' : null
}

const ISSUER_FIRST = new RegExp(`^(?:${ISSUER_SRC})(?:\\s+[\\p{Lu}][\\p{L}]*){0,3}$`, 'u')

/** A province written as the issuer right after a local document ("… của Bình Phước năm 2021"), or null. */
function placeIssuer(text: string, end: number, symIssuer: string | null): string | null {
  const m = stickyAt(PLACE_AFTER, text, end)
  if (m === null || aliasFor(m[2]!) === null) return null
  const family = levelFamily(issuerLevel(symIssuer))
  return family === 'local' || family === 'unknown' ? m[1]! : null
}

/** The issuer of a bracketed restatement "(Kế hoạch số 138/KH-UBND ...)" from its sentence, or null. */
function issuerOfBracketed(text: string, ref: Ref, type: DocumentType): string | null {
  let open = ref.start - 1
  while (open >= 0 && (text[open] === ' ' || text[open] === '\u00a0')) open--
  if (text[open] !== '(') return null
  const from = Math.max(text.lastIndexOf('.', open), text.lastIndexOf('\n', open), open - 400, -1) + 1
  let found: string | null = null
  for (const m of matchAll(SENTENCE_ISSUER, text.slice(from, open))) {
    const kType = keywordOf(m[2]!) ?? typeFromAbbreviation(m[2]!)
    if (kType === type || kType === ref.keywordType) found = m[1]!.trim()
  }
  if (found === null) return null
  // The subject must agree with the symbol ("UBND" for KH-UBND, not "Tỉnh ủy").
  return issuerAgrees(ref.sym?.issuer ?? null, found) ? found : null
}

export function extractDocuments(text: string, published: string | null | undefined): DocumentMention[] {
  const pub = parsePublished(published)
  const claims = new Claims()
  // Mentions whose issuer is written after them ("... của Bộ Chính trị"): a coordinated mention before
  // them may share it.
  const issuerAfter = new Set<DocumentMention>()
  let lastIssuerAfter = false
  const out: DocumentMention[] = []

  const emit = (
    ref: Ref,
    dateBefore: string | null,
    allowList: boolean,
    listDate: string | null = null
  ): void => {
    const type = resolveType(ref, text)
    if (!type) return
    let end = ref.sym ? ref.sym.end : ref.numberEnd
    const surfaceEnd = end
    let date = dateBefore ? parseDate(dateBefore, null, pub) : null
    const dm = stickyAt(DATE_AFTER, text, end)
    if (
      dm &&
      !date &&
      !(
        /^\s*,/u.test(dm[0]) &&
        DAY_THEN_ISSUING.test(text.slice(end + dm[0].length, end + dm[0].length + 160))
      )
    ) {
      date = parseDate((dm[1] ?? dm[2])!, ref.sym?.year ?? null, pub)
      end += dm[0].length
    }
    let issuer: string | null = null
    const im = stickyAt(ISSUER_AFTER, text, end)
    if (im) {
      issuer = im[1]!.trim()
      lastIssuerAfter = true
      end += im[0].length
      const da = date === null ? stickyAt(DATE_AFTER_ISSUER, text, end) : null
      if (da) {
        date = parseDate(da[1]!, ref.sym?.year ?? null, pub)
        end += da[0].length
      }
    } else {
      // A province written as the issuer (see placeIssuer), else a subject before the mention.
      issuer = placeIssuer(text, end, ref.sym?.issuer ?? null)
    }
    if (im === null && issuer === null && ref.keyword !== null) {
      const before = text.slice(Math.max(0, ref.start - 120), ref.start)
      // The verb is checked first: the issuer regex is long and most mentions have no verb before them.
      const bm = VERB_BEFORE.test(before) ? ISSUER_BEFORE.exec(before) : null
      // The subject of "X ban hành" must agree with the symbol ("HĐND thông qua Chương trình 60-CTr/TU").
      if (bm && issuerAgrees(ref.sym?.issuer ?? null, bm[1]!.trim())) issuer = bm[1]!.trim()
      const pm = bm || !PROPOSER_CUE.test(before) ? null : PROPOSER_BEFORE.exec(before)
      if (pm) issuer = pm[1]!.trim()
    }
    if (issuer === null && ref.keyword !== null) issuer = issuerOfBracketed(text, ref, type)
    issuer ??= ref.sym?.issuer ?? null
    // Kept internally so lists and coordinated mentions can share a written issuer; cleared in issuerBasis.
    if (date === null && ref.keyword !== null)
      date = openingDayIssue(text, ref.start, ref.sym?.year ?? null, pub)
    date ??= listDate
    claims.claim(ref.start, surfaceEnd)
    out.push({
      type,
      number: ref.number,
      symbol: ref.sym?.symbol ?? null,
      year_in_symbol: ref.sym?.year ?? null,
      date,
      issuer,
      issuer_level: levelOf(issuer),
      symbol_issuer: ref.sym?.issuer ?? null,
      surface: text.slice(ref.start, surfaceEnd),
      start: ref.start,
      end: surfaceEnd,
    })
    if (lastIssuerAfter) issuerAfter.add(out[out.length - 1]!)
    lastIssuerAfter = false
    if (!allowList) return
    const groupStart = out.length - 1
    // "các Kế hoạch số 12/KH-UBND và 13/KH-UBND": further numbers share the keyword but need a symbol.
    let pos = end
    for (let k = 0; k < 20; k++) {
      const lm = stickyAt(LIST_NEXT, text, pos)
      if (!lm) break
      const numStart = pos + lm[0].length - lm[1]!.length
      const sym = parseSymbol(text, pos + lm[0].length)
      if (!sym) break
      const item: Ref = {
        start: numStart,
        number: lm[1]!,
        numberEnd: pos + lm[0].length,
        sym,
        keywordType: ref.keywordType,
        keyword: null,
      }
      const before = out.length
      // "Ngày 5/3, UBND tỉnh ban hành các Kế hoạch số 12/KH-UBND và 13/KH-UBND": the list shares the day.
      emit(item, null, false, listDate ?? (ref.keyword !== null ? out[groupStart]!.date : null))
      if (out.length === before) break
      const last = out[out.length - 1]!
      pos = Math.max(last.end, sym.end)
      const dm2 = stickyAt(DATE_AFTER, text, pos)
      if (dm2) pos += dm2[0].length
    }
    // A written issuer of the first or last item ("các Kế hoạch số 12/KH-UBND và 13/KH-UBND của UBND
    // tỉnh") belongs to the whole list; items whose issuer only came from their symbol take it.
    const fromSymbol = (d: DocumentMention) =>
      !!d.symbol && !!d.issuer && d.symbol.split(/[-/]/).includes(d.issuer)
    const group = out.slice(groupStart)
    const written = [group[group.length - 1]!, group[0]!].find((d) => d.issuer && !fromSymbol(d))
    if (group.length > 1 && written) {
      for (let k = groupStart; k < out.length; k++) {
        const d = out[k]!
        if (fromSymbol(d)) out[k] = { ...d, issuer: written.issuer, issuer_level: written.issuer_level }
      }
    }
  }

  for (const m of matchAll(ANCHOR, text)) {
    const keyword = m[1]!
    const hasSo = m[3] !== undefined
    const number = m[4]!
    const numberEnd = m.index + m[0].length
    if (claims.overlaps(m.index, numberEnd)) continue
    // A lone issuer token is a symbol only after the letter keywords ("Công văn số 44/PGD&ĐT"); "KH 112/PGD"
    // is a short form of a full symbol written elsewhere.
    const sym =
      parseSymbol(text, numberEnd) ??
      (LETTER_KEYWORD.test(keyword) ? parseSymbol(text, numberEnd, true) : null)
    if (!sym) {
      const next = text.slice(numberEnd, numberEnd + 24)
      if (/^\s?[/.,]\d/.test(next)) continue
      if (!hasSo) {
        if (/^(?:19|20)\d{2}$/.test(number) || !BARE_NEXT.test(next)) continue
      }
      if (m[2] !== undefined && !hasSo) continue
    }
    const kType = keywordOf(keyword) ?? typeFromAbbreviation(keyword)
    emit({ start: m.index, number, numberEnd, sym, keywordType: kType, keyword }, m[2] ?? null, true)
  }

  for (const m of matchAll(LAW, text)) {
    const numberEnd = m.index + m[0].length
    if (claims.overlaps(m.index, numberEnd)) continue
    const sym = parseSymbol(text, numberEnd)
    emit({ start: m.index, number: m[1]!, numberEnd, sym, keywordType: 'law', keyword: 'Luật' }, null, true)
  }

  for (const m of matchAll(BARE, text)) {
    if (claims.overlaps(m.index, m.index + m[0].length)) continue
    const sym = parseSymbol(text, m.index + m[0].length)
    if (!sym || claims.overlaps(m.index, sym.end)) continue
    emit(
      {
        start: m.index,
        number: m[1]!,
        numberEnd: m.index + m[0].length,
        sym,
        keywordType: null,
        keyword: null,
      },
      null,
      true
    )
  }
  out.sort((a, b) => a.start - b.start)
  shareCoordinatedIssuer(text, out, issuerAfter)
  dateFromLaterIssue(text, out, pub)
  dateFromHeader(text, out, (raw, hint) => parseDate(raw, hint, pub))
  return out.map(withIssuerBasis)
}

/**
 * Issue #11: an issuer known only from the symbol ("UBND" of "KH-UBND") is not printed as a name; the
 * level it implies stays in `issuer_level`, with `issuer_basis: 'symbol'`.
 */
function withIssuerBasis(d: DocumentMention): DocumentMention {
  const tokens = d.symbol?.split(/[-/]/) ?? []
  if (d.issuer !== null && !tokens.includes(d.issuer)) return { ...d, issuer_basis: 'text' }
  const sym = d.symbol_issuer ?? d.issuer
  if (sym === null || sym === undefined) return { ...d, issuer: null, issuer_basis: 'none' }
  return { ...d, issuer: null, issuer_level: levelOf(sym), issuer_basis: 'symbol' }
}

/**
 * "Ngày 30-11-2020, Tỉnh ủy X ban hành Chỉ thị số 09-CT/TU …": the day that opens the sentence, when the
 * document at `start` is the object of its "ban hành"; else null.
 */
function openingDayIssue(text: string, start: number, yearHint: number | null, pub: Pub): string | null {
  const near = text.slice(Math.max(0, start - 24), start)
  if (!ISSUED_BEFORE_CUE.test(near)) return null
  let from = Math.max(0, start - 220)
  // A later day in the clause ("Để ngày 12/11/1936 trở thành …, ngày 6/11/1961 Ban … ra Nghị quyết") is
  // tried in its turn: the regex finds the earliest day first.
  for (let tries = 0; tries < 3; tries++) {
    const m = OPENING_DAY_ISSUE.exec(text.slice(from, start))
    if (!m) return null
    // A second day or document between the opening day and "ban hành" would own the day instead.
    if (/\d{1,2}\s?\/\s?\d{1,2}|\d{1,5}\s*[-/]\s*\p{Lu}/u.test(m[2]!)) {
      from += m.index + m[0].indexOf(m[1]!) + m[1]!.length
      continue
    }
    return opensClause(text, from + m.index, m) ? parseDate(m[1]!, yearHint, pub) : null
  }
  return null
}

/** Whether the day of `m` at `at` opens its sentence, a line, a lead-in or (lowercase) a comma-set clause. */
function opensClause(text: string, at: number, m: RegExpExecArray): boolean {
  // The day must open its sentence (or a line, a quote, a lead-in "(Báo X) - ", a dateline "… | 17:45"),
  // or, as a lowercase "ngày", open a clause after a comma ("Thực hiện Chỉ thị …, ngày 12/3/2024, …").
  let k = at - 1
  // A line break ends a sentence (issue #11): skip spaces only, not the break.
  while (k >= 0 && /[^\S\n]/u.test(text[k]!)) k--
  const lower = text[at] === 'n'
  if (k >= 0 && !(lower ? /[,\n]/u : /[.!?\n"“()|:–-]/u).test(text[k]!)) return false
  // A clause-opening day is set off by commas on both sides and the clause has no other comma, or is
  // followed right away by the issuer ("…, ngày 6/11/1961 Ban Thường vụ Khu ủy X đã ra Nghị quyết …").
  if (!lower) return true
  if (m[2]!.includes(',')) return false
  return /^ngày\s+\S+(?:\s+tháng\s+\S+\s+năm\s+\S+)?\s*,/u.test(m[0]) || ISSUER_FIRST.test(m[2]!)
}

// A sentence ends at ". ", "!", "?", ";" or a line break ("TP. Hà Nội" cuts short: a missed date, no wrong one).
const SENTENCE_END = /[.!?;](?=\s|$)|\n/u

/**
 * "Kế hoạch số 45/KH-UBND của UBND tỉnh X về … (ban hành ngày 11/9/2024)": a mention still without a date
 * takes an issue date written later in its sentence, before the next mention.
 */
function dateFromLaterIssue(text: string, out: DocumentMention[], pub: Pub): void {
  for (let k = 0; k < out.length; k++) {
    const d = out[k]!
    if (d.date !== null) continue
    const next = out[k + 1]
    const stop = Math.min(next ? next.start : text.length, d.end + 260)
    if (stop <= d.end) continue
    let window = text.slice(d.end, stop)
    const cut = SENTENCE_END.exec(window)
    if (cut) window = window.slice(0, cut.index)
    const m = ISSUED_ON_LATER.exec(window)
    if (!m) continue
    const date = parseDate(m[1]!, d.year_in_symbol, pub)
    if (date !== null) out[k] = { ...d, date }
  }
}

// Only a conjunction between two mentions: "Nghị quyết 26 và Chỉ thị 34 của Bộ Chính trị".
// Each may carry its own day: "Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010; Nghị định số 39/…".
const COORDINATION = new RegExp(
  `^\\s*(?:,?\\s*ngày\\s+(?:${DATE_SRC}))?\\s*(?:,|;|và|cùng|,\\s*và)\\s*$`,
  'u'
)

/**
 * "Chỉ thị 34, Chỉ thị 41 của Bộ Chính trị": an issuer written after the last of coordinated mentions
 * belongs to each of them that names none (or only the one its own symbol implies, when they agree).
 */
function shareCoordinatedIssuer(
  text: string,
  out: DocumentMention[],
  issuerAfter: Set<DocumentMention>
): void {
  for (let k = out.length - 2; k >= 0; k--) {
    const a = out[k]!
    const b = out[k + 1]!
    if (!issuerAfter.has(b) || b.issuer === null || issuerAfter.has(a)) continue
    if (!COORDINATION.test(text.slice(a.end, b.start))) continue
    const fromSymbol = a.issuer !== null && (a.symbol?.split(/[-/]/).includes(a.issuer) ?? false)
    if (a.issuer !== null && !fromSymbol) continue
    if (fromSymbol && levelFamily(issuerLevel(a.issuer)) !== levelFamily(levelOf(b.issuer))) continue
    out[k] = { ...a, issuer: b.issuer, issuer_level: b.issuer_level ?? levelOf(b.issuer) }
    issuerAfter.add(out[k]!)
  }
}

/** issuerLevel, and the Party centre for the short "Trung ương" ("Chỉ thị 34 của Trung ương"). */
function levelOf(issuer: string | null): ReturnType<typeof issuerLevel> {
  if (issuer !== null && /^Trung ương(?:\s+Đảng)?$/u.test(issuer)) return 'party_central'
  return issuerLevel(issuer)
}
