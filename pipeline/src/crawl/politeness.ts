/**
 * Per-host politeness: at most `maxConcurrent` requests in flight and at least `minDelayMs` between the
 * starts of two requests to the same host. Slots are handed out in order, so two workers of one host
 * never start within the delay of each other.
 */
import { Clock, Duration, Effect } from 'effect'

export class HostGate {
  private nextSlot = 0
  private readonly permits: Effect.Semaphore

  constructor(
    readonly host: string,
    readonly maxConcurrent: number,
    private delayMs: number
  ) {
    this.permits = Effect.unsafeMakeSemaphore(Math.max(1, maxConcurrent))
  }

  get minDelayMs(): number {
    return this.delayMs
  }

  /** robots.txt Crawl-delay may only make us slower. */
  raiseDelay(ms: number): void {
    this.delayMs = Math.max(this.delayMs, ms)
  }

  /** Run one request under the host's limits. */
  run<A, E, R>(request: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    // Effect's Clock, not Date.now: tests drive the schedule with TestClock instead of waiting.
    const wait = Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const slot = Math.max(now, this.nextSlot)
      this.nextSlot = slot + this.delayMs
      return slot > now ? Effect.sleep(Duration.millis(slot - now)) : Effect.void
    })
    return this.permits.withPermits(1)(Effect.zipRight(wait, request))
  }
}
