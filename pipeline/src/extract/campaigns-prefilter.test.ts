/**
 * The campaign prefilter (issue #11, speed) skips a pattern only when the folded text lacks a word the
 * pattern's own source requires (checked by literal-needs.ts against the sources): on every gold and
 * development text, extraction with and without it is the same.
 */
import { describe, expect, it } from 'vitest'
import { loadDev } from '../eval/dev.ts'
import { foldSameLength, normalizeToneMarks } from '../reference/fold.ts'
import { compiled, extractCampaigns } from './campaigns.ts'
import { decapitalize } from './caps.ts'
import { loadGold } from './evaluate.ts'
import { requiredRuns, wordsRequired } from './literal-needs.ts'

describe('requiredRuns reads the literal words every match contains', () => {
  it.each([
    ['hoc tap (?:va )?lam theo', ['hoc', 'tap', 'lam', 'theo']],
    ['chi thi 05[^a-z0-9]{1,3}ct[wu]', ['chi', 'thi', '05', 'ct']],
    ['nhas? x', ['nha', 'x']],
    ['(?:ca nuoc )?thi dua', ['thi', 'dua']],
    ['a\\s+bc', ['a', 'bc']],
  ])('%s', (src, runs) => {
    expect(requiredRuns(src)).toEqual(runs)
  })

  it('gives up on a top-level alternation, and a word list is sound only if each alternative needs a word', () => {
    expect(requiredRuns('abc|def')).toBeNull()
    expect(wordsRequired(['abc|def'], ['abc'])).toBe(false)
    expect(wordsRequired(['xoa nha (?:o )?tam', 'binh dan hoc'], ['nha', 'binh'])).toBe(true)
    // "o" is optional in the first wording: a text without it may still match.
    expect(wordsRequired(['xoa nha (?:o )?tam', 'binh dan hoc'], ['o ', 'binh'])).toBe(false)
    expect(wordsRequired(['xoa nha tam'], undefined)).toBe(false)
  })
})

describe('the campaign prefilter drops no mention', () => {
  const dev = loadDev()
  const items = [...loadGold(), ...(typeof dev === 'string' ? [] : [...dev.dev, ...dev.test])]

  it('keeps a prefilter for every campaign: its hand-picked words are required by all its wordings', () => {
    expect(
      compiled()
        .filter((c) => c.needs === null)
        .map((c) => c.id)
    ).toEqual([])
  })

  it(`finds the same campaigns with and without it on ${items.length} gold and dev texts`, () => {
    let found = 0
    for (const item of items) {
      const text = item.text.normalize('NFC')
      const folded = foldSameLength(normalizeToneMarks(decapitalize(text)))
      const fast = extractCampaigns(text, folded)
      expect(fast, item.id).toEqual(extractCampaigns(text, folded, false))
      found += fast.length
    }
    // The texts name campaigns: the comparison is not between two empty lists.
    expect(found).toBeGreaterThan(50)
  })
})
