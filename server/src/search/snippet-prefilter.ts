/**
 * A fast pre-test for snippets (issue #18): one regular expression per query that finds, in a raw body
 * (any case, composed or decomposed diacritics), every place where a query token could start, so the
 * words in between are skipped without being analysed. It may find more than the snippet marks (it
 * ignores word edges and which diacritics a query wrote), never less: a word whose letters fold to a
 * query token holds characters that each fold to one of the token's letters, with combining marks
 * (which fold to nothing) in between: those that compose into such characters, since a mark that
 * does not compose splits the word's letters and no token stands across it.
 */
import { fold } from '../routes/search-snippet.ts'

/**
 * The blocks holding every character that folds to an ASCII letter or digit (Latin-1, Latin Extended
 * A/B, IPA, Latin Extended Additional, letterlike symbols such as the Kelvin sign); snippet.test.ts
 * checks this against every code point.
 */
const BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0x2ff],
  [0x1e00, 0x1eff],
  [0x2100, 0x21ff],
]

let classes: Map<string, string> | null = null
/** The combining marks that compose with those characters (any other mark splits a word's letters). */
let marks = ''

const escapeClass = (ch: string): string => (/[\\\]^-]/.test(ch) ? `\\${ch}` : ch)

/** For each folded ASCII letter or digit, a character class of every character that folds to it. */
export const foldClasses = (): ReadonlyMap<string, string> => {
  if (classes) return classes
  const members = new Map<string, string[]>()
  const markSet = new Set<string>()
  const add = (f: string, ch: string) => {
    if (!/^[a-z0-9]$/.test(f)) return
    const list = members.get(f) ?? []
    list.push(escapeClass(ch))
    members.set(f, list)
    for (const c of ch.normalize('NFD')) if (/\p{M}/u.test(c)) markSet.add(c)
  }
  for (let c = 0x30; c < 0x80; c++) add(fold(String.fromCharCode(c)), String.fromCharCode(c))
  for (const [lo, hi] of BLOCKS)
    for (let c = lo; c <= hi; c++) add(fold(String.fromCharCode(c)), String.fromCharCode(c))
  marks = `[${[...markSet].join('')}]*`
  classes = new Map([...members].map(([f, list]) => [f, `[${list.join('')}]`]))
  return classes
}

/** Every place one of `tokens` could stand in a raw text (global: read with lastIndex), or null. */
export const prefilterOf = (tokens: Iterable<string>): RegExp | null => {
  const cls = foldClasses()
  // no `u` flag: every class is in the BMP, and a unicode-mode pattern costs ~10 ms to compile
  const alts = [...tokens].map((t) =>
    [...t].map((ch) => `${cls.get(ch) ?? escapeClass(ch)}${marks}`).join('')
  )
  return alts.length ? new RegExp(alts.join('|'), 'g') : null
}
