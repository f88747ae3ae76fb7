/**
 * Near-duplicate detection: MinHash over word 3-shingles of the folded body, banded for LSH.
 * 64 hash functions in 16 bands of 4 rows: pairs with Jaccard ≈ 0.5+ share a band with high probability;
 * candidates are then verified on the full signature (see finalize.ts).
 */
import { tokenize } from './fold.ts'

export const NUM_HASHES = 64
export const BAND_ROWS = 4
export const NUM_BANDS = NUM_HASHES / BAND_ROWS
export const SHINGLE_WORDS = 3
/** Enough words to recognise a republished story; bounds the cost on very long pages. */
export const MAX_TOKENS = 800

const fmix32 = (h0: number): number => {
  let h = h0 >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const FNV_OFFSET = 0x811c9dc5
/** FNV-1a continued over `s` from the state `h0`, so a shingle is hashed without joining its words. */
const fnvStep = (h0: number, s: string): number => {
  let h = h0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}
const fnv1a = (s: string): number => fnvStep(FNV_OFFSET, s) >>> 0
const SPACE = 0x20

const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15))

const A = 0x61
const Z = 0x7a
const D0 = 0x30
const D9 = 0x39

/** The first `max` words of an already folded text: its runs of [a-z0-9], as tokenize splits it. */
export const foldedWords = (folded: string, max: number): string[] => {
  const out: string[] = []
  let start = -1
  for (let i = 0; i <= folded.length && out.length < max; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : SPACE
    if ((c >= A && c <= Z) || (c >= D0 && c <= D9)) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push(folded.slice(start, i))
      start = -1
    }
  }
  return out
}

/** The hash of each word 3-shingle (repeats kept), or of the words joined when there are fewer than 3. */
const shingleArray = (toks: ReadonlyArray<string>): Uint32Array => {
  if (toks.length === 0) return new Uint32Array(0)
  if (toks.length < SHINGLE_WORDS) return Uint32Array.of(fnv1a(toks.join(' ')))
  const out = new Uint32Array(toks.length - SHINGLE_WORDS + 1)
  // fnv1a(words i..i+2 joined by spaces), without building the joined string.
  for (let i = 0; i < out.length; i++) {
    let h = fnvStep(FNV_OFFSET, toks[i]!)
    for (let w = 1; w < SHINGLE_WORDS; w++) h = fnvStep(Math.imul(h ^ SPACE, 0x01000193), toks[i + w]!)
    out[i] = h
  }
  return out
}

export const shingleHashes = (text: string): Set<number> =>
  new Set(shingleArray(tokenize(text).slice(0, MAX_TOKENS)))

const SIGN = 0x80000000
/**
 * The minimum of fmix32(h ^ seed) over the shingles, per seed (a repeated shingle cannot change a
 * minimum, so no set is built). Runs in int32: `x ^ SIGN` orders as signed what uint32 orders as unsigned.
 */
const signatureOf = (shingles: Uint32Array): Uint32Array | null => {
  if (shingles.length === 0) return null
  const min = new Int32Array(NUM_HASHES).fill(0x7fffffff)
  for (let s = 0; s < shingles.length; s++) {
    const h0 = shingles[s]!
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = (fmix32(h0 ^ SEEDS[i]!) ^ SIGN) | 0
      if (h < min[i]!) min[i] = h
    }
  }
  return Uint32Array.from(min, (v) => (v ^ SIGN) >>> 0)
}

/** The MinHash signature, or null for a text without words (it cannot be compared). */
export const minhashSignature = (text: string): Uint32Array | null =>
  signatureOf(shingleArray(tokenize(text).slice(0, MAX_TOKENS)))

/** minhashSignature(folded) for a text folding leaves as it is (foldTextOnce's fixedPoint), not folded again. */
export const minhashOfFolded = (folded: string): Uint32Array | null =>
  signatureOf(shingleArray(foldedWords(folded, MAX_TOKENS)))

/** minhashSignature(fold.folded), folding it again only when foldTextOnce could not say it is unchanged. */
export const minhashOfFold = (fold: { readonly folded: string; readonly fixedPoint: boolean }) =>
  fold.fixedPoint ? minhashOfFolded(fold.folded) : minhashSignature(fold.folded)

/** One 64-bit bucket per band (two independent 32-bit mixes of the band's rows). */
export const bandBuckets = (sig: Uint32Array): bigint[] => {
  const out: bigint[] = []
  for (let b = 0; b < NUM_BANDS; b++) {
    let h1 = fmix32(b + 1)
    let h2 = fmix32(b + 0x51ed27)
    for (let r = 0; r < BAND_ROWS; r++) {
      const v = sig[b * BAND_ROWS + r] ?? 0
      h1 = fmix32(h1 ^ v) + 0x6b43a9b5
      h2 = fmix32((h2 + v) >>> 0) ^ 0x2545f491
    }
    out.push((BigInt(h1 >>> 0) << 32n) | BigInt(h2 >>> 0))
  }
  return out
}

/** Share of equal signature positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
export const estimatedJaccard = (a: Uint32Array, b: Uint32Array): number => {
  let eq = 0
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) eq++
  return eq / NUM_HASHES
}

export const exactJaccard = (a: Set<number>, b: Set<number>): number => {
  let inter = 0
  for (const x of a) if (b.has(x)) inter++
  const union = a.size + b.size - inter
  return union === 0 ? 0 : inter / union
}
