/** `thidua serve [--db FILE] [--port N]`: the API and dashboard over the published database. */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import { defaultPort } from '../fast-args.ts'
import { dbOption } from '../options.ts'

const port = Options.integer('port').pipe(
  Options.withDescription('TCP port (default: $PORT or 8787)'),
  Options.withDefault(defaultPort(process.env))
)
const host = Options.text('host').pipe(
  Options.withDescription('Interface to listen on (default 127.0.0.1; 0.0.0.0 to expose)'),
  Options.withDefault('127.0.0.1')
)

export const serveCommand = Command.make('serve', { db: dbOption, port, host }, ({ db, port, host }) =>
  Effect.gen(function* () {
    const { startServer } = yield* Effect.promise(() => import('@thidua/server/main'))
    const server = yield* Effect.tryPromise({
      try: () => startServer({ dbFile: db, port, host }),
      catch: (e) => new Error(`cannot start the server: ${e instanceof Error ? e.message : String(e)}`),
    })
    yield* Console.log(`Thi Đua Atlas: ${server.url} (API: ${server.url}/api/openapi.json)`)
    // Run until interrupted (Ctrl-C); closing waits for in-flight requests.
    yield* Effect.never.pipe(Effect.onInterrupt(() => Effect.promise(() => server.close())))
  })
).pipe(Command.withDescription('Serve the API and dashboard over the published database'))
