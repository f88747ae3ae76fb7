/**
 * Progress while a crawl runs: per source fetched / queued / failed / rate. A cli-progress multibar on
 * a terminal, plain lines (at most one per source every few seconds) otherwise, nothing when quiet.
 */
import cliProgress from 'cli-progress'

export interface SourceStats {
  discovered: number
  queued: number
  fetched: number
  not_modified: number
  failed: number
  skipped_robots: number
  duplicates: number
  redirects: number
  offsite_links: number
  articles: number
  bytes: number
}

export const emptyStats = (): SourceStats => ({
  discovered: 0,
  queued: 0,
  fetched: 0,
  not_modified: 0,
  failed: 0,
  skipped_robots: 0,
  duplicates: 0,
  redirects: 0,
  offsite_links: 0,
  articles: 0,
  bytes: 0,
})

export interface CrawlProgress {
  readonly runId: string
  readonly elapsedMs: number
  readonly sources: Readonly<Record<string, Readonly<SourceStats>>>
  readonly done: boolean
}

export interface ProgressReporter {
  readonly update: (p: CrawlProgress) => void
  readonly stop: () => void
}

const rate = (s: SourceStats, elapsedMs: number): string =>
  elapsedMs > 0 ? ((s.fetched + s.not_modified + s.failed) / (elapsedMs / 1000)).toFixed(1) : '0.0'

export const progressLine = (id: string, s: SourceStats, elapsedMs: number): string =>
  `${id}: fetched ${s.fetched} (${s.articles} articles), not modified ${s.not_modified}, queued ${s.queued}, ` +
  `failed ${s.failed}, robots ${s.skipped_robots}, ${rate(s, elapsedMs)}/s`

/** A reporter for `stream`: bars on a TTY, throttled lines otherwise, nothing when `quiet`. */
export function makeProgressReporter(opts: {
  quiet: boolean
  stream?: NodeJS.WriteStream
  intervalMs?: number
}): ProgressReporter {
  const stream = opts.stream ?? process.stderr
  if (opts.quiet) return { update: () => undefined, stop: () => undefined }
  if (stream.isTTY) {
    const multi = new cliProgress.MultiBar(
      {
        stream,
        format: '{source} |{bar}| {value}/{total} failed {failed} queued {queued} {rate}/s',
        hideCursor: true,
        clearOnComplete: false,
        fps: 5,
      },
      cliProgress.Presets.shades_classic
    )
    const bars = new Map<string, cliProgress.SingleBar>()
    return {
      update: (p) => {
        for (const [id, s] of Object.entries(p.sources)) {
          const done = s.fetched + s.not_modified + s.failed + s.skipped_robots + s.duplicates + s.redirects
          const payload = {
            source: id.padEnd(24).slice(0, 24),
            failed: s.failed,
            queued: s.queued,
            rate: rate(s, p.elapsedMs),
          }
          let bar = bars.get(id)
          if (!bar) {
            bar = multi.create(Math.max(1, done + s.queued), done, payload)
            bars.set(id, bar)
          }
          bar.setTotal(Math.max(1, done + s.queued))
          bar.update(done, payload)
        }
      },
      stop: () => multi.stop(),
    }
  }
  // Plain lines: at most one line per source per interval, and only for sources whose counts moved.
  const interval = opts.intervalMs ?? 5000
  let last = Date.now()
  const printed = new Map<string, string>()
  return {
    update: (p) => {
      const now = Date.now()
      if (p.done || now - last < interval) return
      last = now
      for (const [id, s] of Object.entries(p.sources)) {
        const key = `${s.fetched}/${s.not_modified}/${s.failed}/${s.queued}/${s.skipped_robots}`
        if (printed.get(id) === key || key === '0/0/0/0/0') continue
        printed.set(id, key)
        stream.write(`${progressLine(id, s, p.elapsedMs)}\n`)
      }
    },
    stop: () => undefined,
  }
}
