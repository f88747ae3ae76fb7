import { describe, expect, it } from 'vitest'
import { lruGet, lruSet } from './lru.ts'

describe('lru', () => {
  it('drops the least recently used beyond the bound, a read counting as a use', () => {
    const m = new Map<string, number>()
    const evicted: number[] = []
    lruSet(m, 'a', 1, 2, (v) => evicted.push(v))
    lruSet(m, 'b', 2, 2, (v) => evicted.push(v))
    expect(lruGet(m, 'a')).toBe(1) // a is now the most recent
    lruSet(m, 'c', 3, 2, (v) => evicted.push(v))
    expect([...m.keys()]).toEqual(['a', 'c'])
    expect(evicted).toEqual([2])
    expect(lruGet(m, 'b')).toBeUndefined()
  })

  it('replaces a key in place of growing, and moves it to the most recent end', () => {
    const m = new Map<string, number>()
    lruSet(m, 'a', 1, 2)
    lruSet(m, 'b', 2, 2)
    lruSet(m, 'a', 10, 2)
    expect([...m.entries()]).toEqual([
      ['b', 2],
      ['a', 10],
    ])
  })
})
