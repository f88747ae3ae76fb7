/** `thidua simulate [--port N] [--root DIR] [--faults FILE] [--generated DIR]`: run the portal simulator. */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import { snapshotDir } from '../../paths.ts'
import { defaultedOption, optionalOption } from '../options.ts'

const port = defaultedOption(Options.integer('port'), 'Port on 127.0.0.1 (default 8790)', 8790)
const root = defaultedOption(
  Options.directory('root'),
  'Snapshot folder (default data/snapshot)',
  snapshotDir
)
const faults = optionalOption(Options.file('faults'), 'JSON array of fault rules')
const generated = optionalOption(
  Options.directory('generated'),
  'Also serve a corpus written by `thidua generate`'
)

export const simulateCommand = Command.make(
  'simulate',
  { port, root, faults, generated },
  ({ port, root, faults, generated }) =>
    Effect.gen(function* () {
      const { loadFaultRules } = yield* Effect.promise(() => import('../../simulator/faults.ts'))
      const { startSimulator } = yield* Effect.promise(() => import('../../simulator/server.ts'))
      const rules = Option.isSome(faults)
        ? yield* Effect.try({
            try: () => loadFaultRules(faults.value),
            catch: (e) => (e instanceof Error ? e : new Error(String(e))),
          })
        : []
      const sim = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () =>
            startSimulator({
              root,
              port,
              faults: rules,
              ...(Option.isSome(generated) ? { generated: { dir: generated.value } } : {}),
            }),
          catch: (e) => new Error(`simulator failed to start: ${e instanceof Error ? e.message : String(e)}`),
        }),
        (s) => Effect.promise(() => s.close())
      )
      const hosts = Object.keys(sim.hostMap)
      yield* Console.log(
        `portal simulator on ${sim.origin}: ${hosts.length} hosts, ${rules.length} fault rules`
      )
      yield* Console.log(`e.g. ${sim.hostMap[hosts[0] ?? ''] ?? sim.origin}/robots.txt  (Ctrl-C to stop)`)
      yield* Effect.never
    }).pipe(Effect.scoped)
).pipe(
  Command.withDescription(
    'Serve the offline snapshot (and a generated corpus) on loopback, with fault injection'
  )
)
