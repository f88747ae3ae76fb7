import { Deferred, Duration, Effect, Exit, Fiber, Layer, TestClock, TestContext } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  defaultPolicy,
  type FetchPolicy,
  fetchPage,
  isPermanentFailure,
  type RawResponse,
  Transport,
} from './http.ts'
import { HostGate } from './politeness.ts'

const policy: FetchPolicy = {
  ...defaultPolicy(false),
  backoffBaseMs: 5,
  maxAttempts: 4,
  allowedHost: (h) => h === 'a.vn',
}

/** A transport that answers from a script, one reply per exchange, and counts the exchanges. */
const scripted = (replies: ReadonlyArray<RawResponse>) => {
  const calls: string[] = []
  const layer = Layer.succeed(Transport, {
    exchange: (url) =>
      Effect.sync(() => {
        calls.push(url)
        return replies[Math.min(calls.length, replies.length) - 1] as RawResponse
      }),
  })
  return { calls, layer }
}

const ok: RawResponse = { status: 200, headers: {}, body: new Uint8Array([0x6f, 0x6b]) }
const runTest = <A, E>(e: Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.provide(e, TestContext.TestContext))

/** Let forked fibers run up to their next sleep. */
const settle = Effect.repeatN(Effect.yieldNow(), 20)

const forkFetch = (layer: Layer.Layer<Transport>) =>
  Effect.fork(fetchPage('https://a.vn/x', {}, policy).pipe(Effect.provide(layer)))

/**
 * On the test clock, a fetch of a server answering `status` with this Retry-After, then 200: `steps`
 * get the forked fetch and the exchanges so far.
 */
const afterRetryAfter = (
  status: number,
  retryAfter: string,
  steps: (
    fiber: Effect.Effect.Success<ReturnType<typeof forkFetch>>,
    calls: ReadonlyArray<string>
  ) => Effect.Effect<void, unknown>
) => {
  const { calls, layer } = scripted([
    { status, headers: { 'retry-after': retryAfter }, body: new Uint8Array() },
    ok,
  ])
  return runTest(
    Effect.gen(function* () {
      yield* steps(yield* forkFetch(layer), calls)
    })
  )
}

describe('fetchPage on the test clock', () => {
  it('waits exactly as long as Retry-After says before the second attempt', async () => {
    await afterRetryAfter(429, '3', (fiber, calls) =>
      Effect.gen(function* () {
        yield* settle
        expect(calls).toHaveLength(1)
        yield* TestClock.adjust(Duration.millis(2_999))
        yield* settle
        expect(calls).toHaveLength(1)
        yield* TestClock.adjust(Duration.millis(1))
        const res = yield* Fiber.join(fiber)
        expect(calls).toHaveLength(2)
        expect(res).toMatchObject({ status: 200, attempts: 2 })
      })
    )
  })

  it('caps a huge Retry-After at the policy maximum', async () => {
    await afterRetryAfter(503, '86400', (fiber, calls) =>
      Effect.gen(function* () {
        yield* TestClock.adjust(Duration.millis(policy.maxRetryAfterMs))
        const res = yield* Fiber.join(fiber)
        expect(res.attempts).toBe(2)
        expect(calls).toHaveLength(2)
      })
    )
  })

  it('refuses redirects to javascript:, file:, data: and invalid targets, once, with the reason', async () => {
    const cases: Array<[string, string]> = [
      ['javascript:alert(1)', 'refused_scheme'],
      ['file:///etc/passwd', 'refused_scheme'],
      ['data:text/html,<script>alert(1)</script>', 'refused_scheme'],
      ['mailto:a@b.vn', 'refused_scheme'],
      ['http://[::1', 'invalid_url'],
    ]
    for (const [location, reason] of cases) {
      const { calls, layer } = scripted([{ status: 302, headers: { location }, body: new Uint8Array() }])
      const exit = await runTest(
        Effect.exit(fetchPage('https://a.vn/x', {}, policy).pipe(Effect.provide(layer)))
      )
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit) && exit.cause._tag === 'Fail') {
        expect(exit.cause.error.reason).toBe(reason)
        expect(exit.cause.error.attempts).toBe(1)
        expect(isPermanentFailure(null, `${exit.cause.error.reason}: ${exit.cause.error.message}`)).toBe(true)
      } else expect.fail(`expected a typed failure for ${location}`)
      expect(calls).toHaveLength(1)
    }
  })

  it('classifies permanent failures: gone, forbidden, oversized, refused; not 503 or timeouts', () => {
    for (const s of [400, 401, 403, 404, 410, 501]) expect(isPermanentFailure(s, `HTTP ${s}`)).toBe(true)
    expect(isPermanentFailure(null, 'too_large: body larger than 10 bytes')).toBe(true)
    expect(isPermanentFailure(503, 'http_status: HTTP 503')).toBe(false)
    expect(isPermanentFailure(429, 'http_status: HTTP 429')).toBe(false)
    expect(isPermanentFailure(null, 'timeout: no complete answer within 10 ms')).toBe(false)
    expect(isPermanentFailure(null, 'network: request failed')).toBe(false)
  })
})

describe('HostGate on the test clock', () => {
  it('runs exactly maxConcurrent at once and spaces starts by the delay', async () => {
    await runTest(
      Effect.gen(function* () {
        const gate = new HostGate('a.vn', 3, 100)
        const release = yield* Deferred.make<void>()
        const started: number[] = []
        let inFlight = 0
        let peak = 0
        const job = Effect.gen(function* () {
          started.push(yield* TestClock.currentTimeMillis)
          inFlight++
          peak = Math.max(peak, inFlight)
          yield* Deferred.await(release)
          inFlight--
        })
        const fiber = yield* Effect.fork(
          Effect.all(
            Array.from({ length: 6 }, () => gate.run(job)),
            { concurrency: 'unbounded' }
          )
        )
        yield* TestClock.adjust(Duration.millis(1_000))
        expect(peak).toBe(3)
        expect(started).toEqual([0, 100, 200])
        yield* Deferred.succeed(release, undefined)
        yield* TestClock.adjust(Duration.millis(1_000))
        yield* Fiber.join(fiber)
        // the rest start once permits free up at t=1000, still 100 ms apart
        expect(started).toEqual([0, 100, 200, 1_000, 1_100, 1_200])
        expect(peak).toBe(3)
      })
    )
  })

  it('Crawl-delay only ever slows a host down', async () => {
    const gate = new HostGate('a.vn', 1, 500)
    gate.raiseDelay(200)
    expect(gate.minDelayMs).toBe(500)
    gate.raiseDelay(2_000)
    expect(gate.minDelayMs).toBe(2_000)
  })
})
