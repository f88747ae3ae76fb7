/**
 * The run's progress lines go through Effect.log; this logger prints each as the bare line on stderr
 * (what the user read before the run logged through Effect), or nothing when the run is quiet. It is
 * the run's only logger, so the CLI's own (pretty) logger does not print the lines a second time.
 */
import { Effect, FiberRef, HashSet, Logger } from 'effect'

const text = (message: unknown): string =>
  Array.isArray(message) ? message.map(String).join(' ') : String(message)

const stderrLines = Logger.make(({ message }) => {
  process.stderr.write(`${text(message)}\n`)
})

export const withRunLogger = (quiet: boolean | undefined) =>
  Effect.locally(FiberRef.currentLoggers, quiet ? HashSet.empty() : HashSet.make(stderrLines))
