import { describe, expect, it } from 'vitest'
import { createQueryCache } from './query-cache.ts'

/** A cache over a fake network and a hand-moved clock. */
const setup = (max = 10) => {
  const asked: string[] = []
  let failNext = false
  let clock = 0
  const cache = createQueryCache({
    fetch: async (url) => {
      asked.push(url)
      if (failNext) {
        failNext = false
        throw new Error(`down: ${url}`)
      }
      return { url, n: asked.length }
    },
    now: () => clock,
    ttlMs: 30_000,
    max,
  })
  return {
    cache,
    asked,
    fail: () => {
      failNext = true
    },
    advance: (ms: number) => {
      clock += ms
    },
  }
}

describe('query cache', () => {
  it('serves a second ask of the same URL within its lifetime from the first answer', async () => {
    const s = setup()
    const [a, b] = await Promise.all([s.cache.get('/api/campaigns'), s.cache.get('/api/campaigns')])
    s.advance(29_999)
    const c = await s.cache.get('/api/campaigns')
    expect(s.asked).toEqual(['/api/campaigns'])
    expect(b).toBe(a)
    expect(c).toBe(a)
  })

  it('asks again once the answer is older than its lifetime', async () => {
    const s = setup()
    await s.cache.get('/api/provinces?system=2025')
    s.advance(30_000)
    expect(await s.cache.get('/api/provinces?system=2025')).toEqual({
      url: '/api/provinces?system=2025',
      n: 2,
    })
    expect(s.asked).toHaveLength(2)
  })

  it('does not keep a failure', async () => {
    const s = setup()
    s.fail()
    await expect(s.cache.get('/api/health')).rejects.toThrow('down: /api/health')
    expect(await s.cache.get('/api/health')).toEqual({ url: '/api/health', n: 2 })
  })

  it('holds at most `max` answers, letting the oldest go first', async () => {
    const s = setup(2)
    for (const u of ['/a', '/b', '/c']) await s.cache.get(u)
    await s.cache.get('/c')
    await s.cache.get('/b')
    expect(s.asked).toEqual(['/a', '/b', '/c'])
    await s.cache.get('/a')
    expect(s.asked).toEqual(['/a', '/b', '/c', '/a'])
  })
})
