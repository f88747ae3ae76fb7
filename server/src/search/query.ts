/**
 * The article search's query language (documented in docs/api.md):
 *   words            all of them must appear (diacritics optional: "thi dua" finds "thi đua")
 *   "a phrase"       the words in this order
 *   a OR b           either (binds tighter than the implicit AND)
 *   -word, NOT word  must not appear
 *   đua              a word written with diacritics matches only with those diacritics ("đua" ≠ "đưa")
 *   province:20  province:"Lạng Sơn"  type:plan  number:138/KH-UBND  year:2024   field filters
 * A document number written in the text ("138/KH-UBND") is searched as a phrase and ranks the articles
 * that cite exactly that document first.
 */
import { fold } from '../routes/search-snippet.ts'

export interface Term {
  /** Folded tokens ("thi dua" → ["thi", "dua"]); more than one means a phrase. */
  readonly tokens: ReadonlyArray<string>
  /** Lowercased NFC words with diacritics that must appear exactly, or empty. */
  readonly accented: ReadonlyArray<string>
}

export interface SearchQuery {
  /** AND of clauses, each an OR of terms. */
  readonly clauses: ReadonlyArray<ReadonlyArray<Term>>
  readonly not: ReadonlyArray<Term>
  readonly provinces: ReadonlyArray<string>
  readonly types: ReadonlyArray<string>
  /** `number:` filters: only articles citing one of these documents. */
  readonly numbers: ReadonlyArray<string>
  /** Document numbers written in the free text: their citing articles rank first. */
  readonly citedNumbers: ReadonlyArray<string>
  readonly years: ReadonlyArray<number>
  /** Every positive token, for BM25 scoring. */
  readonly scoreText: string
}

const FIELD = /^(province|tinh|tỉnh|type|loai|loại|number|so|số|year|nam|năm):(.*)$/iu
const DOC_NUMBER = /^\d+[\p{L}\d./-]*\/[\p{L}\d./-]+$/u
const HAS_MARK = /[\u0300-\u036f]|đ/u

const tokensOf = (s: string): string[] =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)

/** The words of a term written with diacritics (lowercased, NFC): those must match exactly. */
const accentedOf = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && HAS_MARK.test(w.normalize('NFD')))

const term = (raw: string): Term | null => {
  const tokens = tokensOf(raw)
  return tokens.length ? { tokens, accented: accentedOf(raw) } : null
}

/** Splits into words and quoted phrases; a field's quoted value stays with its field. */
const lex = (q: string): string[] => {
  const out: string[] = []
  const re = /([^\s"]+:"[^"]*"?)|"([^"]*)"?|(\S+)/gu
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1].replace(/"/g, ''))
    else if (m[2] !== undefined) out.push(`"${m[2]}"`)
    else if (m[3] !== undefined) out.push(m[3])
  }
  return out
}

export const parseSearch = (q: string): SearchQuery => {
  const clauses: Term[][] = []
  const not: Term[] = []
  const provinces: string[] = []
  const types: string[] = []
  const numbers: string[] = []
  const citedNumbers: string[] = []
  const years: number[] = []
  let negate = false
  let orNext = false
  for (const raw of lex(q.normalize('NFC'))) {
    if (raw === 'OR' || raw === '|') {
      orNext = clauses.length > 0
      continue
    }
    if (raw === 'AND') continue
    if (raw === 'NOT') {
      negate = true
      continue
    }
    const field = FIELD.exec(raw)
    if (field) {
      const key = fold(field[1] ?? '')
      const value = (field[2] ?? '').trim()
      if (value === '') continue
      if (key === 'province' || key === 'tinh') provinces.push(value)
      else if (key === 'type' || key === 'loai') types.push(value.toLowerCase())
      else if (key === 'number' || key === 'so') numbers.push(value)
      else if (/^\d{4}$/.test(value)) years.push(Number(value))
      continue
    }
    let text = raw
    if (text.startsWith('-') && text.length > 1) {
      negate = true
      text = text.slice(1)
    }
    const quoted = text.startsWith('"')
    const bare = quoted ? text.slice(1, -1) : text
    if (!quoted && !negate && DOC_NUMBER.test(bare)) citedNumbers.push(bare)
    const t = term(bare)
    if (!t) continue
    if (negate) not.push(t)
    else if (orNext) clauses[clauses.length - 1]?.push(t)
    else clauses.push([t])
    negate = false
    orNext = false
  }
  const scoreText = clauses
    .flat()
    .flatMap((t) => t.tokens)
    .join(' ')
  return { clauses, not, provinces, types, numbers, citedNumbers, years, scoreText }
}

/** Whether the query asks anything at all (terms or filters). */
export const isEmptySearch = (s: SearchQuery): boolean =>
  s.clauses.length === 0 &&
  s.provinces.length === 0 &&
  s.types.length === 0 &&
  s.numbers.length === 0 &&
  s.years.length === 0
