import { describe, expect, it } from 'vitest'
import { type CrawlProgress, emptyStats, makeProgressReporter } from './progress.ts'

/** A non-terminal stream that keeps what is written. */
const sink = () => {
  const lines: string[] = []
  const stream = { isTTY: false, write: (s: string) => lines.push(s) > 0 } as unknown as NodeJS.WriteStream
  return { lines, stream }
}

const progress = (fetched: number, done = false): CrawlProgress => ({
  runId: 'r',
  elapsedMs: 2000,
  done,
  sources: { langson: { ...emptyStats(), fetched, queued: 3, failed: 1 }, idle: emptyStats() },
})

describe('progress reporter', () => {
  it('writes plain per-source lines off a terminal, only for sources that moved', () => {
    const { lines, stream } = sink()
    const r = makeProgressReporter({ quiet: false, stream, intervalMs: 0 })
    r.update(progress(4))
    r.update(progress(4))
    r.update(progress(6))
    expect(lines).toEqual([
      'langson: fetched 4 (0 articles), not modified 0, queued 3, failed 1, robots 0, 2.5/s\n',
      'langson: fetched 6 (0 articles), not modified 0, queued 3, failed 1, robots 0, 3.5/s\n',
    ])
  })

  it('writes nothing when quiet', () => {
    const { lines, stream } = sink()
    const r = makeProgressReporter({ quiet: true, stream, intervalMs: 0 })
    r.update(progress(4))
    r.update(progress(9, true))
    expect(lines).toEqual([])
  })
})
