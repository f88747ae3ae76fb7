import { describe, expect, it } from 'vitest'
import { foldTextOnce, tokenize } from './fold.ts'
import { foldedWords, MAX_TOKENS, minhashOfFolded, minhashSignature, shingleHashes } from './minhash.ts'

// The definition the loaded signatures were made with: per seed, the least fmix32(shingle ^ seed) over the
// set of shingles. The fast code must give the same 64 numbers for every text.
const fmix = (x: number): number => {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
const seeds = Array.from({ length: 64 }, (_, i) => fmix(0x9e3779b9 + i * 0x7f4a7c15))
const reference = (text: string): number[] | null => {
  const set = shingleHashes(text)
  if (set.size === 0) return null
  return seeds.map((seed) => Math.min(...[...set].map((h) => fmix(h ^ seed))))
}

const WORDS = [
  'Thi',
  'đua',
  'yêu',
  'nước',
  'ĐẠI',
  'HỘI',
  'khen',
  'thưởng',
  '2025',
  'Kế-hoạch',
  '138/KH',
  'tỉnh',
]
const texts = (n: number): string[] => {
  let seed = 99
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed
  }
  // Lengths from empty to past MAX_TOKENS words, so the early stop is crossed; repeats are frequent.
  return Array.from({ length: n }, (_, k) =>
    Array.from({ length: (k * 37) % (MAX_TOKENS + 60) }, () => WORDS[next() % WORDS.length]!).join(
      next() % 3 === 0 ? ', ' : ' '
    )
  )
}

describe('minhash fast path', () => {
  it('gives the reference signature, from the text or from its fold', () => {
    for (const text of [...texts(60), '', '  ,, ', 'hai từ', 'ΟΔΟΣ Đà Nẵng ΟΔΟΣ']) {
      const want = reference(text)
      const got = minhashSignature(text)
      expect(got === null ? null : [...got], text.slice(0, 40)).toEqual(want)
      const { folded, fixedPoint } = foldTextOnce(text)
      if (!fixedPoint) continue
      const fromFold = minhashOfFolded(folded)
      expect(fromFold === null ? null : [...fromFold]).toEqual(want)
    }
  })

  it('reads the first words of a folded text as tokenize splits it', () => {
    for (const text of texts(30)) {
      const folded = foldTextOnce(text).folded
      expect(foldedWords(folded, MAX_TOKENS)).toEqual(tokenize(folded).slice(0, MAX_TOKENS))
      expect(foldedWords(folded, 5)).toEqual(tokenize(folded).slice(0, 5))
    }
  })
})
