/**
 * A small seeded PRNG (mulberry32) and helpers. The snapshot builder and the generator must produce
 * byte-identical output for the same seed, so nothing here may touch Math.random or the clock.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number
  int(minInclusive: number, maxInclusive: number): number
  pick<T>(items: ReadonlyArray<T>): T
  chance(p: number): boolean
  shuffle<T>(items: ReadonlyArray<T>): T[]
}

/** FNV-1a 32-bit hash of a string: used to derive per-item seeds from stable ids. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export const makeRng = (seed: number | string): Rng => {
  let a = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  return {
    next,
    int,
    pick: <T>(items: ReadonlyArray<T>): T => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)] as T
    },
    chance: (p: number) => next() < p,
    shuffle: <T>(items: ReadonlyArray<T>): T[] => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        const tmp = out[i] as T
        out[i] = out[j] as T
        out[j] = tmp
      }
      return out
    },
  }
}
