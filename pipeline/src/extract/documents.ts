/**
 * Document references: "Kế hoạch số 138/KH-UBND, ngày 10/6/2024", "Chỉ thị số 22 - CT /TW ngày 23/1/2018",
 * "NQ 26 của Bộ Chính trị", "Luật Thi đua, khen thưởng số 06/2022/QH15", "văn bản số 4912/UBND-NC",
 * lists ("các Kế hoạch số 12/KH-UBND và 13/KH-UBND"), a date before the number, and bare symbols.
 */
import type { DocumentMention } from '../domain/extraction.ts'
import { typeFromAbbreviation } from '../reference/documents.ts'
import { parsePublished } from './dates.ts'
import {
  DATE_AFTER,
  DATE_AFTER_ISSUER,
  DATE_SRC,
  DAY_THEN_ISSUING,
  dateFromLaterIssue,
  openingDayIssue,
  type Pub,
  parseDate,
} from './document-dates.ts'
import {
  ISSUER_AFTER,
  issuerBefore,
  issuerOfBracketed,
  levelOf,
  placeIssuer,
  shareCoordinatedIssuer,
  shareLeadIssuer,
  withIssuerBasis,
} from './document-issuers.ts'
import {
  ABBR_KEYWORDS,
  fullAlt,
  keywordOf,
  LETTER_KEYWORD,
  type Ref,
  resolveType,
  stickyAt,
} from './document-keywords.ts'
import { dateFromHeader } from './header-dates.ts'
import { Claims, matchAll } from './spans.ts'
import { parseSymbol } from './symbols.ts'

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

const LIST_NEXT = /\s*(?:,\s*và|,|;|và)\s*(?:số\s*)?(\d{1,5})(?![\p{N}])/uy

/** What the scan of one text shares: the text, its publication date, the claimed spans and the output. */
interface Scan {
  readonly text: string
  readonly pub: Pub
  readonly claims: Claims
  readonly out: DocumentMention[]
  // Mentions whose issuer is written after them ("... của Bộ Chính trị"): a coordinated mention before
  // them may share it.
  readonly issuerAfter: Set<DocumentMention>
}

interface DateIssuer {
  date: string | null
  issuer: string | null
  end: number
  writtenAfter: boolean
}

/** The date and issuer written around a mention, and where its tail (date, "của …") ends. */
function dateAndIssuer(
  s: Scan,
  ref: Ref,
  type: DocumentMention['type'],
  dateBefore: string | null
): DateIssuer {
  const { text, pub } = s
  let end = ref.sym ? ref.sym.end : ref.numberEnd
  let date = dateBefore ? parseDate(dateBefore, null, pub) : null
  const dm = stickyAt(DATE_AFTER, text, end)
  // Checked only when the day would be taken (as before the split: most mentions have a date already).
  const dayOpensNextIssue =
    dm !== null &&
    date === null &&
    /^\s*,/u.test(dm[0]) &&
    DAY_THEN_ISSUING.test(text.slice(end + dm[0].length, end + dm[0].length + 160))
  if (dm && !date && !dayOpensNextIssue) {
    date = parseDate((dm[1] ?? dm[2])!, ref.sym?.year ?? null, pub)
    end += dm[0].length
  }
  let issuer: string | null = null
  const im = stickyAt(ISSUER_AFTER, text, end)
  if (im) {
    issuer = im[1]!.trim()
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
  if (im === null && issuer === null && ref.keyword !== null) issuer = issuerBefore(text, ref)
  if (issuer === null && ref.keyword !== null) issuer = issuerOfBracketed(text, ref, type)
  issuer ??= ref.sym?.issuer ?? null
  if (date === null && ref.keyword !== null)
    date = openingDayIssue(text, ref.start, ref.sym?.year ?? null, pub)
  return { date, issuer, end, writtenAfter: im !== null }
}

function emit(
  s: Scan,
  ref: Ref,
  dateBefore: string | null,
  allowList: boolean,
  listDate: string | null = null
): void {
  const type = resolveType(ref, s.text)
  if (!type) return
  const surfaceEnd = ref.sym ? ref.sym.end : ref.numberEnd
  const found = dateAndIssuer(s, ref, type, dateBefore)
  // Kept internally so lists and coordinated mentions can share a written issuer; cleared in issuerBasis.
  const issuer = found.issuer
  s.claims.claim(ref.start, surfaceEnd)
  const mention: DocumentMention = {
    type,
    number: ref.number,
    symbol: ref.sym?.symbol ?? null,
    year_in_symbol: ref.sym?.year ?? null,
    date: found.date ?? listDate,
    issuer,
    issuer_level: levelOf(issuer),
    symbol_issuer: ref.sym?.issuer ?? null,
    surface: s.text.slice(ref.start, surfaceEnd),
    start: ref.start,
    end: surfaceEnd,
  }
  s.out.push(mention)
  if (found.writtenAfter) s.issuerAfter.add(mention)
  if (allowList) emitList(s, ref, found.end, listDate)
}

/** "các Kế hoạch số 12/KH-UBND và 13/KH-UBND": further numbers share the keyword but need a symbol. */
function emitList(s: Scan, ref: Ref, from: number, listDate: string | null): void {
  const { text, out } = s
  const groupStart = out.length - 1
  let pos = from
  for (let k = 0; k < 20; k++) {
    const lm = stickyAt(LIST_NEXT, text, pos)
    if (!lm) break
    const sym = parseSymbol(text, pos + lm[0].length)
    if (!sym) break
    const numStart = pos + lm[0].length - lm[1]!.length
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
    emit(s, item, null, false, listDate ?? (ref.keyword !== null ? out[groupStart]!.date : null))
    if (out.length === before) break
    pos = Math.max(out[out.length - 1]!.end, sym.end)
    const dm2 = stickyAt(DATE_AFTER, text, pos)
    if (dm2) pos += dm2[0].length
  }
  shareListIssuer(out, groupStart)
}

/**
 * A written issuer of the first or last item ("các Kế hoạch số 12/KH-UBND và 13/KH-UBND của UBND tỉnh")
 * belongs to the whole list; items whose issuer only came from their symbol take it.
 */
function shareListIssuer(out: DocumentMention[], groupStart: number): void {
  const fromSymbol = (d: DocumentMention) =>
    !!d.symbol && !!d.issuer && d.symbol.split(/[-/]/).includes(d.issuer)
  const group = out.slice(groupStart)
  const written = [group[group.length - 1]!, group[0]!].find((d) => d.issuer && !fromSymbol(d))
  if (group.length < 2 || !written) return
  for (let k = groupStart; k < out.length; k++) {
    const d = out[k]!
    if (fromSymbol(d)) out[k] = { ...d, issuer: written.issuer, issuer_level: written.issuer_level }
  }
}

function scanAnchors(s: Scan): void {
  for (const m of matchAll(ANCHOR, s.text)) {
    const keyword = m[1]!
    const hasSo = m[3] !== undefined
    const number = m[4]!
    const numberEnd = m.index + m[0].length
    if (s.claims.overlaps(m.index, numberEnd)) continue
    // A lone issuer token is a symbol only after the letter keywords ("Công văn số 44/PGD&ĐT"); "KH 112/PGD"
    // is a short form of a full symbol written elsewhere.
    const sym =
      parseSymbol(s.text, numberEnd) ??
      (LETTER_KEYWORD.test(keyword) ? parseSymbol(s.text, numberEnd, true) : null)
    if (!sym) {
      const next = s.text.slice(numberEnd, numberEnd + 24)
      if (/^\s?[/.,]\d/.test(next)) continue
      if (!hasSo && (/^(?:19|20)\d{2}$/.test(number) || !BARE_NEXT.test(next))) continue
      if (m[2] !== undefined && !hasSo) continue
    }
    const kType = keywordOf(keyword) ?? typeFromAbbreviation(keyword)
    emit(s, { start: m.index, number, numberEnd, sym, keywordType: kType, keyword }, m[2] ?? null, true)
  }
}

function scanLawsAndBare(s: Scan): void {
  for (const m of matchAll(LAW, s.text)) {
    const numberEnd = m.index + m[0].length
    if (s.claims.overlaps(m.index, numberEnd)) continue
    const sym = parseSymbol(s.text, numberEnd)
    emit(
      s,
      { start: m.index, number: m[1]!, numberEnd, sym, keywordType: 'law', keyword: 'Luật' },
      null,
      true
    )
  }
  for (const m of matchAll(BARE, s.text)) {
    if (s.claims.overlaps(m.index, m.index + m[0].length)) continue
    const sym = parseSymbol(s.text, m.index + m[0].length)
    if (!sym || s.claims.overlaps(m.index, sym.end)) continue
    const ref: Ref = {
      start: m.index,
      number: m[1]!,
      numberEnd: m.index + m[0].length,
      sym,
      keywordType: null,
      keyword: null,
    }
    emit(s, ref, null, true)
  }
}

export function extractDocuments(text: string, published: string | null | undefined): DocumentMention[] {
  const pub = parsePublished(published)
  const s: Scan = { text, pub, claims: new Claims(), out: [], issuerAfter: new Set() }
  scanAnchors(s)
  scanLawsAndBare(s)
  const out = s.out
  out.sort((a, b) => a.start - b.start)
  shareCoordinatedIssuer(text, out, s.issuerAfter)
  shareLeadIssuer(text, out)
  dateFromLaterIssue(text, out, pub)
  dateFromHeader(text, out, (raw, hint) => parseDate(raw, hint, pub))
  return out.map(withIssuerBasis)
}
