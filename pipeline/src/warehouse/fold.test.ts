import { describe, expect, it } from 'vitest'
import { foldText, foldTextOnce, foldTextSlow, tokenize } from './fold.ts'

// The fast path must fold exactly as the reference definition (NFD, strip marks, NFC) does.
const FAST_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x0370],
  [0x1e00, 0x1f00],
  [0x2000, 0x2070],
]
const fastChars = FAST_RANGES.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i)).filter(
  (c) => c < 0xd800 || c > 0xdfff
)

describe('foldText', () => {
  it('folds every character of the fast ranges as the reference does', () => {
    for (const c of fastChars) {
      const s = `A${String.fromCharCode(c)}z`
      expect(foldText(s), `U+${c.toString(16)}`).toBe(foldTextSlow(s))
    }
  })

  it('folds random mixes of precomposed letters, combining marks and punctuation as the reference', () => {
    let seed = 17
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed
    }
    const pool = [...fastChars, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0110, 0x0111, 0x0130]
    for (let n = 0; n < 3000; n++) {
      const len = 1 + (next() % 12)
      const s = String.fromCharCode(...Array.from({ length: len }, () => pool[next() % pool.length]!))
      expect(foldText(s)).toBe(foldTextSlow(s))
    }
  })

  it('gives folds that fold to themselves on the fast path (rows.ts then skips the second fold)', () => {
    for (const c of fastChars) {
      const { folded, fixedPoint } = foldTextOnce(`A${String.fromCharCode(c)}z`)
      expect(fixedPoint).toBe(true)
      expect(folded).toBe(foldText(`A${String.fromCharCode(c)}z`))
      for (const o of folded) expect(foldText(o), `U+${c.toString(16)} gives ${o}`).toBe(o)
    }
    expect(foldTextOnce('ΟΔΟΣ Đà Nẵng')).toEqual({ folded: foldTextSlow('ΟΔΟΣ Đà Nẵng'), fixedPoint: false })
  })

  it('falls back to the reference outside the fast ranges (Greek final sigma, Hangul jamo)', () => {
    for (const s of ['ΟΔΟΣ Đà Nẵng', '\u1100\u1161 Hà Nội', 'Thi Đua Yêu Nước 𝐀'])
      expect(foldText(s)).toBe(foldTextSlow(s))
    expect(foldText('ĐẠI HỘI Thi Đua')).toBe('dai hoi thi dua')
    expect(tokenize('Kế hoạch 138/KH-UBND')).toEqual(['ke', 'hoach', '138', 'kh', 'ubnd'])
  })
})
