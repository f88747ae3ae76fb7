/**
 * `thidua crawl [--sources FILE] [--db FILE] [--live] [--max-pages N] [--run-id ID] [--frontier URL] [--quiet] [--json]`
 *
 * Offline (default): starts the portal simulator on the snapshot in-process and crawls, through it, the
 * sources whose hosts the snapshot holds, with politeness delays off — the same crawler code a live
 * crawl runs. `--live` crawls the real portals with the polite defaults (1 s per host, 2 at a time).
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import type { CrawlSummary } from '../../crawl/crawl.ts'
import { progressLine } from '../../crawl/progress.ts'
import {
  dbOption,
  frontierOption,
  liveOption as live,
  maxPagesOption as maxPages,
  optionalOption,
  sourcesOption,
} from '../options.ts'

const runId = optionalOption(Options.text('run-id'), 'Run id recorded with every fetch')
const quiet = Options.boolean('quiet').pipe(
  Options.withAlias('q'),
  Options.withDescription('No progress and no summary')
)
const json = Options.boolean('json').pipe(Options.withDescription('Print the summary as JSON on stdout'))
const frontier = frontierOption

export const formatSummary = (s: CrawlSummary): string =>
  [
    ...s.sources
      .filter((x) => x.fetched + x.not_modified + x.failed + x.skipped_robots + x.queued > 0)
      .map((x) => progressLine(x.source_id, x, s.elapsed_ms)),
    `total: ${s.totals.fetched} fetched (${s.totals.articles} articles), ${s.totals.not_modified} not modified, ` +
      `${s.totals.failed} failed, ${s.totals.skipped_robots} refused by robots.txt, ${s.totals.queued} still queued, ` +
      `${(s.elapsed_ms / 1000).toFixed(1)} s`,
  ].join('\n')

export const crawlCommand = Command.make(
  'crawl',
  { sources: sourcesOption, db: dbOption, live, maxPages, runId, quiet, json, frontier },
  (o) =>
    Effect.gen(function* () {
      const { CrawlStore } = yield* Effect.promise(() => import('../../run/services/crawl-store.ts'))
      const { makeProgressReporter } = yield* Effect.promise(() => import('../../crawl/progress.ts'))
      const { loadSources, sourceHosts } = yield* Effect.promise(() => import('../../crawl/sources.ts'))
      const { startSimulator } = yield* Effect.promise(() => import('../../simulator/server.ts'))
      const all = yield* loadSources(o.sources)
      const id = Option.getOrElse(o.runId, () => `crawl-${new Date().toISOString().replace(/[:.]/g, '-')}`)
      const reporter = makeProgressReporter({ quiet: o.quiet || o.json })
      const run = (hostMap: Record<string, string> | undefined) => {
        const sources = hostMap ? all.filter((s) => sourceHosts(s).some((h) => h in hostMap)) : all
        return Effect.flatMap(CrawlStore, (store) =>
          store.crawl({
            sources,
            ...(hostMap ? { hostMap } : {}),
            runId: id,
            live: o.live,
            ...(Option.isSome(o.maxPages) ? { maxPages: o.maxPages.value } : {}),
            ...(Option.isSome(o.frontier) ? { frontier: o.frontier.value } : {}),
            onProgress: reporter.update,
          })
        ).pipe(Effect.provide(CrawlStore.File(o.db)), Effect.ensuring(Effect.sync(reporter.stop)))
      }
      const summary = o.live
        ? yield* run(undefined)
        : yield* Effect.acquireUseRelease(
            Effect.promise(() => startSimulator()),
            (sim) => run(sim.hostMap),
            (sim) => Effect.promise(() => sim.close())
          )
      if (o.json) return yield* Console.log(JSON.stringify(summary))
      if (!o.quiet) yield* Console.log(formatSummary(summary))
    })
).pipe(Command.withDescription('Crawl the configured sources (offline through the simulator unless --live)'))
