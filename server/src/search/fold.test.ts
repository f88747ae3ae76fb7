/** `fold`'s fast path (ASCII directly, other code points memoised) folds as its per-character rule. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold } from '../routes/search-snippet.ts'

/** The rule, one code point at a time: lowercase, no combining marks, đ → d. */
const byRule = (s: string): string =>
  Array.from(s, (ch) => ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd')).join(
    ''
  )

const VIETNAMESE = [...'ĐđẠạẶặỮữÀàÉéỊịÔôƠơƯưÝýAZaz09 -/İΣ\u0301\u0323😀']

describe('fold', () => {
  it('folds Vietnamese words', () => {
    expect(fold('Thi Đua Yêu Nước 138/KH-UBND')).toBe('thi dua yeu nuoc 138/kh-ubnd')
  })
  it('equals the per-character rule on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => fold(s) === byRule(s)))
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...VIETNAMESE), maxLength: 40 }),
        (s) => fold(s) === byRule(s)
      ),
      { numRuns: 500 }
    )
  })
})
