/**
 * The snippet's pre-test (snippet-prefilter.ts) never hides a match: snippets cut with it equal those
 * cut analysing every word, on random Vietnamese texts (composed and decomposed diacritics, any case,
 * punctuation, HTML specials) and queries; and its character classes cover every code point that folds
 * to an ASCII letter or digit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold } from '../routes/search-snippet.ts'
import { parseSearch } from './query.ts'
import { isJsSpace as isSpace } from '../../../pipeline/src/page/whitespace.ts'
import { matcherOf, snippetWith } from './snippet.ts'
import { foldClasses } from './snippet-prefilter.ts'

const LETTERS = [...'thiduaTHIĐUAđĐưƯơờịạặẮếỆyêÝnướcKkKİı0138/&<>-.,"\u0301\u0358\u0323']
const wordArb = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''))
  // some words written decomposed, as a page may send them
  .chain((w) => fc.constantFrom(w, w.normalize('NFD')))
/** Words joined by spaces, sometimes by other whitespace (the snippet reads words backwards too). */
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', ' \r\n']
const joinArb = (ws: string[]) =>
  fc
    .array(fc.constantFrom(...SEPARATORS), { minLength: ws.length, maxLength: ws.length })
    .map((seps) => ws.map((w, i) => (i ? (seps[i] as string) : '') + w).join(''))
const textArb = fc.array(wordArb, { maxLength: 80 }).chain(joinArb)
/** A body and a query: random words, or words taken from the body (matches are then certain). */
const caseArb = fc.array(wordArb, { minLength: 1, maxLength: 80 }).chain((body) =>
  fc.tuple(
    joinArb(body),
    fc.oneof(
      fc.array(wordArb, { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom(...body), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: body.length - 1 }).map((i) => body.slice(i, i + 2))
    )
  )
)

/** Every position could hold a match: the reference that analyses every word. */
const everywhere = () => /[\s\S]/g

describe('snippet pre-test', () => {
  it('cuts the same snippet as analysing every word', () => {
    let fromBody = 0
    fc.assert(
      fc.property(caseArb, textArb, ([body, words], title) => {
        const m = matcherOf(parseSearch(words.join(' ')))
        const got = snippetWith(title, body, m)
        expect(got).toBe(snippetWith(title, body, { ...m, prefilter: everywhere() }))
        if (got.includes('<mark>') && !title.includes(got.replace(/<\/?mark>/g, ''))) fromBody++
      }),
      { numRuns: 500 }
    )
    // most cases really cut the body around a match (not a comparison of two title fallbacks)
    expect(fromBody).toBeGreaterThan(100)
  })

  it('reads whitespace as \\s does (words are also read backwards)', () => {
    const differ: number[] = []
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c)
    expect(differ).toEqual([])
  })

  it('covers every code point that folds to an ASCII letter or digit', () => {
    const covered = new Set([...foldClasses().values()].join(''))
    const missing: string[] = []
    for (let cp = 0x30; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const ch = String.fromCodePoint(cp)
      if (/^[a-z0-9]$/.test(fold(ch)) && !covered.has(ch)) missing.push(cp.toString(16))
    }
    expect(missing).toEqual([])
  })
})
