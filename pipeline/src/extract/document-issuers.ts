/**
 * Issuers of document references: written after the mention ("… của Bộ Chính trị"), as the subject before
 * it ("UBND tỉnh X ban hành …"), as the proposer ("theo đề nghị của … tại Tờ trình số …"), shared by
 * coordinated mentions, or only implied by the symbol. Split from documents.ts (issue #15).
 */
import type { DocumentMention, DocumentType } from '../domain/extraction.ts'
import { issuerLevel, typeFromAbbreviation } from '../reference/documents.ts'
import { DATE_SRC } from './document-dates.ts'
import { ABBR_KEYWORDS, fullAlt, keywordOf, type Ref, stickyAt } from './document-keywords.ts'
import { BRACKETED_TERM, CAPWORDS, ISSUER_SRC, KHOA } from './issuers.ts'
import { aliasFor } from './places.ts'
import { matchAll } from './spans.ts'

// "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 417/TTr-SNV": the proposer issued the submission.
// Also "chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX" (issue #11).
// Session 8: the submission in brackets ("Xét đề nghị của Chủ tịch UBND tỉnh X (Tờ trình số …)") or glued to
// "tại" ("đề nghị của Sở Xây dựng tạiTờ trình số …").
const PROPOSER_BEFORE = new RegExp(
  `(?:đề nghị|ý kiến|chỉ đạo|hướng dẫn|yêu cầu) của (${ISSUER_SRC})\\s*(?:(?:tại|theo)\\s*|\\(\\s*)$`,
  'u'
)
export const ISSUER_AFTER = new RegExp(
  `\\s*[,(]?\\s*(?:của|cua|do)\\s+((?:${ISSUER_SRC})${BRACKETED_TERM})`,
  'uy'
)
// "Quyết định 3109/QĐ-UBND của Bình Phước năm 2021" (legal databases' titles): a province as the issuer.
const PLACE_AFTER = new RegExp(
  `\\s*(?:của|do)\\s+((?:tỉnh\\s+|thành phố\\s+)?(${CAPWORDS}))(?![\\p{L}])`,
  'uy'
)
const VERB_BEFORE = /(?:[Bb]an hành|có|ký|phát hành|xây dựng|triển khai|thông qua|ra)\s+(?:(?:các|bản)\s+)?$/u
const PROPOSER_CUE = /(?:(?<![\p{L}])(?:tại|theo)\s*|\(\s*)$/u
const ISSUER_BEFORE = new RegExp(
  // "Thủ tướng Chính phủ Phạm Minh Chính đã ký …": a person's name may stand between issuer and verb;
  // "Ban Thi đua - Khen thưởng Trung ương (Bộ Nội vụ) vừa có …": so may a bracketed parent body.
  `(${ISSUER_SRC})${KHOA}(?:\\s*\\([^()\\n]{1,40}\\))?(?:\\s+[\\p{Lu}][\\p{L}]*){0,4}\\s+(?:(?:vừa|đã|mới|cũng)\\s+)*(?:xây dựng(?:\\s+và)?\\s+)?(?:[Bb]an hành|có|ký ban hành|ký|phát hành|xây dựng|triển khai|thông qua|ra)\\s+(?:(?:các|bản)\\s+)?$`,
  'uy'
)
const CAPITAL = /\p{Lu}/u

/**
 * ISSUER_BEFORE's leftmost match in `before`. Every issuer starts with a capital, so the pattern is tried
 * (sticky) only where a capital stands, in ascending order: the same match as an unanchored scan, which
 * tried the long issuer alternation at every position and cost 15 % of the extractor (session 6).
 */
function issuerBeforeMatch(before: string): RegExpExecArray | null {
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i)
    // ASCII lowercase, digits, spaces and punctuation cannot start an issuer; test the rest properly.
    if (c < 0x41 || (c > 0x5a && c < 0xc0) || !CAPITAL.test(before.charAt(i))) continue
    ISSUER_BEFORE.lastIndex = i
    const m = ISSUER_BEFORE.exec(before)
    if (m !== null) return m
  }
  return null
}
// "UBND tỉnh ban hành Kế hoạch tổ chức ... (Kế hoạch số 138/KH-UBND, ngày 10/6/2024)": the number in
// brackets restates the document the sentence names, so the sentence's subject is its issuer.
const SENTENCE_ISSUER = new RegExp(
  `(${ISSUER_SRC})${KHOA}\\s+(?:(?:vừa|đã|mới|cũng)\\s+)*(?:ban hành|ký ban hành|phát hành|xây dựng)\\s+(?:(?:các|bản)\\s+)?(${fullAlt}|${ABBR_KEYWORDS.join('|')})(?![\\p{L}])`,
  'gu'
)
const SENTENCE_VERB = /(?:ban|phát) hành|xây dựng/u
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

/** A province written as the issuer right after a local document ("… của Bình Phước năm 2021"), or null. */
export function placeIssuer(text: string, end: number, symIssuer: string | null): string | null {
  const m = stickyAt(PLACE_AFTER, text, end)
  if (m === null || aliasFor(m[2]!) === null) return null
  const family = levelFamily(issuerLevel(symIssuer))
  return family === 'local' || family === 'unknown' ? m[1]! : null
}

/** The issuer of a bracketed restatement "(Kế hoạch số 138/KH-UBND ...)" from its sentence, or null. */
export function issuerOfBracketed(text: string, ref: Ref, type: DocumentType): string | null {
  let open = ref.start - 1
  while (open >= 0 && (text[open] === ' ' || text[open] === '\u00a0')) open--
  if (text[open] !== '(') return null
  const from = Math.max(text.lastIndexOf('.', open), text.lastIndexOf('\n', open), open - 400, -1) + 1
  const sentence = text.slice(from, open)
  // SENTENCE_ISSUER needs one of its verbs: most sentences have none, and its scan is long.
  if (!SENTENCE_VERB.test(sentence)) return null
  let found: string | null = null
  for (const m of matchAll(SENTENCE_ISSUER, sentence)) {
    const kType = keywordOf(m[2]!) ?? typeFromAbbreviation(m[2]!)
    if (kType === type || kType === ref.keywordType) found = m[1]!.trim()
  }
  if (found === null) return null
  // The subject must agree with the symbol ("UBND" for KH-UBND, not "Tỉnh ủy").
  return issuerAgrees(ref.sym?.issuer ?? null, found) ? found : null
}

/**
 * The issuer written as the subject before a keyword mention ("UBND tỉnh X ban hành Kế hoạch …") or as
 * the proposer ("theo đề nghị của Sở Nội vụ tại Tờ trình số …"), or null.
 */
export function issuerBefore(text: string, ref: Ref): string | null {
  const before = text.slice(Math.max(0, ref.start - 120), ref.start)
  // The verb is checked first: the issuer regex is long and most mentions have no verb before them.
  const bm = VERB_BEFORE.test(before) ? issuerBeforeMatch(before) : null
  let issuer: string | null = null
  // The subject of "X ban hành" must agree with the symbol ("HĐND thông qua Chương trình 60-CTr/TU").
  if (bm && issuerAgrees(ref.sym?.issuer ?? null, bm[1]!.trim())) issuer = bm[1]!.trim()
  const pm = bm || !PROPOSER_CUE.test(before) ? null : PROPOSER_BEFORE.exec(before)
  if (pm) issuer = pm[1]!.trim()
  return issuer
}

/**
 * Issue #11: an issuer known only from the symbol ("UBND" of "KH-UBND") is not printed as a name; the
 * level it implies stays in `issuer_level`, with `issuer_basis: 'symbol'`.
 */
export function withIssuerBasis(d: DocumentMention): DocumentMention {
  const tokens = d.symbol?.split(/[-/]/) ?? []
  if (d.issuer !== null && !tokens.includes(d.issuer)) return { ...d, issuer_basis: 'text' }
  const sym = d.symbol_issuer ?? d.issuer
  if (sym === null || sym === undefined) return { ...d, issuer: null, issuer_basis: 'none' }
  return { ...d, issuer: null, issuer_level: levelOf(sym), issuer_basis: 'symbol' }
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
export function shareCoordinatedIssuer(
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

// "Căn cứ các Nghị định của Chính phủ: số 44/2020/NĐ-CP …; số 47/2020/NĐ-CP …" (session 7): an issuer named
// once before a list of numbered documents. The list runs to the end of its sentence or the next ground.
const LIST_LEAD = new RegExp(`[Cc]ác\\s+(?:${fullAlt})\\s+(?:của|do)\\s+(${ISSUER_SRC})\\s*:`, 'gu')
const LIST_END = /\.(?=\s|$)|;?\s*\n\s*(?:Căn cứ|Theo|Xét|Thực hiện)/u

/** Numbered documents listed after "các <type> của <issuer>:" that name no issuer of their own take it. */
export function shareLeadIssuer(text: string, out: DocumentMention[]): void {
  if (!text.includes(':') || !/[Cc]ác\s/u.test(text)) return
  for (const m of matchAll(LIST_LEAD, text)) {
    const from = m.index + m[0].length
    const rest = text.slice(from, from + 1200)
    const stop = LIST_END.exec(rest)
    const to = from + (stop === null ? rest.length : stop.index)
    const issuer = m[1]!.trim()
    for (let k = 0; k < out.length; k++) {
      const d = out[k]!
      if (d.start < from || d.start >= to) continue
      const fromSymbol = d.issuer !== null && (d.symbol?.split(/[-/]/).includes(d.issuer) ?? false)
      if ((d.issuer !== null && !fromSymbol) || !issuerAgrees(d.symbol_issuer ?? null, issuer)) continue
      out[k] = { ...d, issuer, issuer_level: levelOf(issuer) }
    }
  }
}

/** issuerLevel, and the Party centre for the short "Trung ương" ("Chỉ thị 34 của Trung ương"). */
export function levelOf(issuer: string | null): ReturnType<typeof issuerLevel> {
  if (issuer !== null && /^Trung ương(?:\s+Đảng)?$/u.test(issuer)) return 'party_central'
  return issuerLevel(issuer)
}
