import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit.ts'

describe('RateLimiter', () => {
  it('allows max requests per window per key, then tells when to retry, then resets', () => {
    let now = 1_000
    const rl = new RateLimiter(2, 10_000, () => now)
    expect(rl.check('a').allowed).toBe(true)
    expect(rl.check('a').allowed).toBe(true)
    const third = rl.check('a')
    expect(third.allowed).toBe(false)
    expect(third.retryAfterSeconds).toBe(10)
    expect(rl.check('b').allowed).toBe(true)
    now += 6_000
    expect(rl.check('a').retryAfterSeconds).toBe(4)
    now += 4_000
    expect(rl.check('a')).toMatchObject({ allowed: true, remaining: 1 })
  })
})
