/**
 * Fixed-window request counter per client key (the IP). Small and in-memory: one server process serves
 * the dashboard, and the limit only needs to stop one client from monopolising the SQL console.
 */
export interface RateLimitDecision {
  readonly allowed: boolean
  readonly remaining: number
  readonly retryAfterSeconds: number
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  check(key: string): RateLimitDecision {
    const t = this.now()
    let w = this.windows.get(key)
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, count: 0 }
      this.windows.set(key, w)
      if (this.windows.size > 10_000) this.evict(t)
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000))
    if (w.count >= this.max) return { allowed: false, remaining: 0, retryAfterSeconds }
    w.count++
    return { allowed: true, remaining: this.max - w.count, retryAfterSeconds }
  }

  private evict(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k)
  }
}
