/**
 * Document symbols after a number: Party form "-CT/TW" (also "22 - CT /TW"), state form "/KH-UBND",
 * normative form "/2017/NĐ-CP" or "/2022/QH15", and công văn "/UBND-NC" (issuer first, no type).
 * A hand-written scanner rather than one large regex: it bounds every step and says why it stops.
 */
import { isTypeAbbreviation, issuerAbbreviations } from '../reference/documents.ts'
import { cached } from '../reference/files.ts'

export interface ParsedSymbol {
  /** Normalized, no spaces: "CT/TW", "KH-UBND", "NĐ-CP", "QH15". */
  readonly symbol: string
  readonly year: number | null
  /** The type abbreviation of the symbol ("KH", "CT"), or null for công văn and QH forms. */
  readonly typeAbbr: string | null
  /** The issuer part of the symbol ("TW", "UBND", "TTg", "CP", "QH15"). */
  readonly issuer: string | null
  readonly form: 'party' | 'state' | 'normative'
  readonly end: number
}

const TOKEN = /[A-ZĐƯ][A-Za-zĐđƯư&]*\d{0,2}(?![\p{L}\p{N}])/uy
const ALL_CAPS = /^[A-ZĐƯ&]{2,}\d{0,2}$/u
// "1635/SGDĐT- GDTrH": a drafting unit in mixed case, every small letter inside a run of capitals (session 8).
const MIXED_UNIT = /^[A-ZĐƯ](?:[A-ZĐƯ]|[a-zđư](?=[A-ZĐƯ])){1,8}$/u
const QH = /^(?:UBTV)?QH\d{1,2}$/

const isDash = (c: string | undefined): boolean => c === '-' || c === '–'

function skipSpaces(text: string, i: number, max: number): number {
  let j = i
  while (j < text.length && j - i < max && (text[j] === ' ' || text[j] === '\u00a0')) j++
  return j
}

// "473/TTr -\nNN&PTNT", "số 52\nNQ/TW": a symbol hard-wrapped after its dash or its number (session 8).
function skipBreak(text: string, i: number, max: number): number {
  let j = skipSpaces(text, i, max)
  if (text[j] === '\r') j++
  if (text[j] === '\n') j = skipSpaces(text, j + 1, max)
  return j
}

// "70-TB/TWngày 6 tháng 1": a capitals-only token glued to the next lowercase word (issue #11).
const GLUED = /[A-ZĐƯ][A-ZĐƯ&]{1,9}\d{0,2}(?=(?:ngày|của|về|và|năm|ban|do|số|được|đã|tại|nhằm)(?![\p{L}]))/uy

function tokenAt(text: string, i: number): string | null {
  TOKEN.lastIndex = i
  const m = TOKEN.exec(text)
  if (m) return m[0]
  GLUED.lastIndex = i
  const g = GLUED.exec(text)
  return g ? g[0] : null
}

const normIssuer = (s: string): string => (s === 'TƯ' ? 'TW' : s)

// Mixed-case parts as the standard writes them, for symbols in ALL-CAPS titles ("19/CT-TTG" → "CT-TTg").
const MIXED = new Map(['TTg', 'CTr', 'TTr'].map((t) => [t.toUpperCase(), t]))
const canonical = (t: string): string => MIXED.get(t) ?? t

const knownIssuers = cached(() => new Set(issuerAbbreviations().map((r) => r.abbr)))

/** Issuer-like first token of a công văn symbol ("UBND", "VPCP", "BTĐKT", "SNV", "BGDĐT"). */
export function isIssuerToken(tok: string): boolean {
  return knownIssuers().has(tok) || /^(?:UBND|HĐND|VP|S[A-ZĐ]{1,6}|B[A-ZĐ]{2,8}|CTK|TU|HU|ĐU)$/u.test(tok)
}

function parseParty(text: string, start: number): ParsedSymbol | null {
  let i = skipSpaces(text, start + 1, 2)
  const type = tokenAt(text, i)
  if (!type || !isTypeAbbreviation(type)) return null
  i = skipSpaces(text, i + type.length, 2)
  if (text[i] !== '/') return null
  i = skipSpaces(text, i + 1, 2)
  const issuer = tokenAt(text, i)
  if (!issuer) return null
  i += issuer.length
  let tail = ''
  // "29-HD/TWĐTN-VP": a drafting unit may follow, written without spaces.
  if (isDash(text[i])) {
    const unit = tokenAt(text, i + 1)
    if (unit && ALL_CAPS.test(unit)) {
      tail = `-${unit}`
      i += 1 + unit.length
    }
  }
  const iss = normIssuer(issuer)
  return { symbol: `${type}/${iss}${tail}`, year: null, typeAbbr: type, issuer: iss, form: 'party', end: i }
}

function parseState(text: string, start: number, single = false): ParsedSymbol | null {
  let i = skipSpaces(text, start + 1, 1)
  let year: number | null = null
  const y = /((?:19|20)\d{2})\s?\/\s?/y
  y.lastIndex = i
  const ym = y.exec(text)
  if (ym) {
    year = Number(ym[1])
    i += ym[0].length
  }
  const written = tokenAt(text, i)
  if (!written) return null
  const first = canonical(written)
  const tokens = [first]
  i += written.length
  for (let k = 0; k < 4; k++) {
    const j = skipSpaces(text, i, 1)
    if (!isDash(text[j])) break
    const spaced = j > i || text[j + 1] === ' '
    const at = skipBreak(text, j + 1, 1)
    const t = tokenAt(text, at)
    // "12/QĐ - TTg": a spaced dash is still the symbol when an issuer follows it.
    if (!t || (spaced && !ALL_CAPS.test(t) && !MIXED_UNIT.test(t) && !knownIssuers().has(t))) break
    tokens.push(canonical(t))
    i = at + t.length
  }
  if (QH.test(first)) {
    if (year === null) return null
    return { symbol: first, year, typeAbbr: null, issuer: first, form: 'normative', end: i }
  }
  // "Công văn số 44/PGD&ĐT", "1691/SGDĐT": after a document keyword one issuer token is a symbol too.
  if (tokens.length < 2) {
    if (!single || year !== null || !ALL_CAPS.test(first) || isTypeAbbreviation(first)) return null
    return { symbol: first, year: null, typeAbbr: null, issuer: first, form: 'state', end: i }
  }
  // "22/CT-TW" is kept as written (issue #11): only spaces go; "TƯ" is spelled "TW" as the standard does.
  if (tokens.length === 2 && /^(?:TW|TƯ)$/.test(tokens[1]!)) tokens[1] = 'TW'
  const typed = isTypeAbbreviation(first)
  // "15/VPUBND-HCQT": an uncommon issuer prefix is still a symbol when capitals follow a dash.
  if (!typed && !isIssuerToken(first) && !ALL_CAPS.test(first)) return null
  return {
    symbol: tokens.join('-'),
    year,
    typeAbbr: typed ? first : null,
    issuer: typed ? (tokens[1] ?? null) : first,
    form: year === null ? 'state' : 'normative',
    end: i,
  }
}

/**
 * Parse a symbol that starts right after a document number at `pos`, or null. `single`: the number
 * follows a document keyword, so a lone issuer token ("/SGDĐT") is a symbol as well.
 */
export function parseSymbol(text: string, pos: number, single = false): ParsedSymbol | null {
  const i = skipSpaces(text, pos, 2)
  const c = text[i]
  if (c === '/') {
    if (i === pos) return parseState(text, i, single)
    // "số 45 /KH-UBND", "số 840 /SGDĐT-CTTT": one space before the slash only when a type or issuer follows.
    const t = i === pos + 1 ? tokenAt(text, skipSpaces(text, i + 1, 1)) : null
    return t !== null && (isTypeAbbreviation(canonical(t)) || isIssuerToken(t))
      ? parseState(text, i, single)
      : null
  }
  if (isDash(c)) return parseParty(text, i)
  return bareParty(text, pos)
}

/** "số 52\nNQ/TW", "số 84 QĐ/TWĐTN": the Party form whose dash became a space or a line break (session 8). */
function bareParty(text: string, pos: number): ParsedSymbol | null {
  const i = skipBreak(text, pos, 1)
  if (i === pos) return null
  const type = tokenAt(text, i)
  if (!type || !isTypeAbbreviation(type) || text[i + type.length] !== '/') return null
  return parseParty(text, i - 1)
}
