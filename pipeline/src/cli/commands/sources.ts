/**
 * `thidua sources check <url|id> [--live] [--sources FILE]` and `thidua sources check --all`: what the
 * crawler would do with a source, in plain words, without touching any database. The sources default to
 * the national registry (data/sources.json). Offline (default) it asks the portal simulator on the
 * embedded snapshot, and for a host the snapshot lacks says in one line what a live check would ask for;
 * `--live` asks the real site. Adding a portal is: write its entry in the sources file, run check, run.
 */
import * as Args from '@effect/cli/Args'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import type { SourceConfig } from '../../domain/source.ts'
import { registryFile } from '../../paths.ts'
import { commandGroup } from '../options.ts'

// Check answers for the registry by default, not the snapshot's own list that offline crawls use.
const sourcesOption = Options.file('sources').pipe(
  Options.withDescription('JSON list of sources (default: the national registry data/sources.json)'),
  Options.withDefault(registryFile)
)

const target = Args.text({ name: 'url|id' }).pipe(
  Args.withDescription('A source id from the sources file, or a URL (of a configured source or a new site)'),
  Args.optional
)
const all = Options.boolean('all').pipe(Options.withDescription('Check every source, one line each'))
const live = Options.boolean('live').pipe(
  Options.withDescription('Ask the real sites (default: the offline snapshot through the simulator)')
)
const json = Options.boolean('json').pipe(Options.withDescription('Print the reports as JSON'))

/** The source a URL or id names; an unknown URL becomes a new generic source rooted at its origin. */
const pick = (
  sources: ReadonlyArray<SourceConfig>,
  arg: string,
  hostsOf: (s: SourceConfig) => ReadonlyArray<string>
) => {
  const byId = sources.find((s) => s.id === arg)
  if (byId) return byId
  let u: URL
  try {
    u = new URL(arg)
  } catch {
    return null
  }
  const known = sources.find((s) => hostsOf(s).includes(u.host))
  if (known) return { ...known, entry_points: [u.toString()] }
  const adhoc: SourceConfig = {
    id: u.host.replace(/[^a-z0-9.-]/gi, '-').toLowerCase(),
    name: u.host,
    province_code_2008: null,
    province_code_2025: null,
    platform: 'generic',
    base_url: `${u.protocol}//${u.host}/`,
    entry_points: [u.toString()],
  }
  return adhoc
}

const check = Command.make('check', { target, all, live, json, sources: sourcesOption }, (o) =>
  Effect.gen(function* () {
    const { loadSources, sourceHosts } = yield* Effect.promise(() => import('../../crawl/sources.ts'))
    const { checkSources, reportText } = yield* Effect.promise(() => import('../../crawl/check.ts'))
    const { startSimulator } = yield* Effect.promise(() => import('../../simulator/server.ts'))
    const sources = yield* loadSources(o.sources)
    let targets: SourceConfig[]
    if (o.all) targets = [...sources]
    else if (Option.isSome(o.target)) {
      const s = pick(sources, o.target.value, sourceHosts)
      if (!s)
        return yield* Effect.fail(
          new Error(`${o.target.value}: neither a source id in ${o.sources} nor a URL`)
        )
      targets = [s]
    } else return yield* Effect.fail(new Error('give a source id or URL, or --all'))

    const results = o.live
      ? yield* checkSources(targets, { hostMap: null })
      : yield* Effect.acquireUseRelease(
          Effect.promise(() => startSimulator()),
          (sim) => checkSources(targets, { hostMap: sim.hostMap }),
          (sim) => Effect.promise(() => sim.close())
        )
    if (o.json)
      return yield* Console.log(
        JSON.stringify(
          results.map((r) => r.report ?? { source_id: r.source.id, in_snapshot: false, line: r.line })
        )
      )
    for (const r of results) yield* Console.log(o.all || !r.report ? r.line : reportText(r.report))
    if (o.all) {
      const checked = results.filter((r) => r.report)
      const ok = checked.filter((r) => r.report?.ok).length
      yield* Console.log(
        `${results.length} sources: ${ok} ok, ${checked.length - ok} with problems, ${results.length - checked.length} not reachable offline`
      )
    }
  })
).pipe(
  Command.withDescription(
    'Fetch one source’s robots.txt, entry points and a sample article and say what a crawl would do'
  )
)

export const sourcesCommand = commandGroup(
  'sources',
  'Inspect configured sources without touching the database',
  [check]
)
