/**
 * The load generator of `pnpm bench api`: autocannon (closed loop, keep-alive connections) against a
 * server in another process. Each request takes the next path of one shared sequence, so `paths` is
 * the query mix in the order a population of users would send it; every answer's own time is kept,
 * to report p50/p95 exactly (autocannon's own histogram has no p95).
 */
import autocannon from 'autocannon'
import { makeRng } from '../pipeline/src/snapshot/rng.ts'

export interface LoadFigures {
  readonly requests: number
  readonly p50_ms: number
  readonly p95_ms: number
  readonly max_ms: number
  readonly per_s: number
  readonly non_2xx: number
  readonly errors: number
}

export const r2 = (x: number) => Math.round(x * 100) / 100

/** The q-quantile of ascending `sorted` (NaN when empty). */
export const quantile = (sorted: ReadonlyArray<number>, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN

/** `amount` requests over `connections` connections, the paths taken in turn from `paths`. */
export const loadPaths = async (
  url: string,
  paths: ReadonlyArray<string>,
  connections: number,
  amount: number
): Promise<LoadFigures> => {
  if (paths.length === 0) throw new Error('no paths to load')
  let next = 0
  const times: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount,
        timeout: 30,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res))
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime)
    })
  })
  times.sort((a, b) => a - b)
  return {
    requests: times.length,
    p50_ms: r2(quantile(times, 0.5)),
    p95_ms: r2(quantile(times, 0.95)),
    max_ms: r2(times.at(-1) ?? Number.NaN),
    per_s: r2(times.length / result.duration),
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/**
 * `amount` paths drawn as a population of users asks them: Zipf popularity (the r-th most asked path
 * ∝ 1/r, as query logs are), the ranks given to the paths in a seeded shuffle, so no kind of query is
 * favoured. Deterministic for a seed.
 */
export const zipfMix = (paths: ReadonlyArray<string>, amount: number, seed = 7): string[] => {
  const rng = makeRng(seed)
  const order = rng.shuffle(paths)
  const cdf: number[] = []
  let sum = 0
  for (let r = 1; r <= order.length; r++) {
    sum += 1 / r
    cdf.push(sum)
  }
  return Array.from({ length: amount }, () => {
    const u = rng.next() * sum
    let lo = 0
    let hi = cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cdf[mid] as number) < u) lo = mid + 1
      else hi = mid
    }
    return order[lo] as string
  })
}
