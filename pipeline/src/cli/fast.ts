/**
 * Runs a plan of fast-args.ts without Effect: the same engines (sql-run.ts, extract-run.ts, the
 * server's startServer) and the same output, messages and exit codes as the full command line.
 */
import { fail } from './fail.ts'
import type { FastPlan } from './fast-args.ts'
import { t } from './messages.ts'

/**
 * Ctrl-C / SIGTERM as under the full command line's runtime: the work is dropped (after `cleanup`)
 * and the process exits 0.
 */
const onSignal = (cleanup: () => Promise<void> = async () => {}): void => {
  const stop = () => {
    process.removeListener('SIGINT', stop)
    process.removeListener('SIGTERM', stop)
    cleanup().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const runSqlPlan = async (plan: Extract<FastPlan, { command: 'sql' }>): Promise<void> => {
  onSignal()
  const { armWatchdog, oneLine, pickQuery, runSql } = await import('./sql-run.ts')
  let disarm = () => {}
  try {
    const sql = pickQuery([plan.query])
    disarm = armWatchdog(plan.timeoutSeconds)
    const { stdout, notes } = await runSql({ ...plan, sql })
    for (const n of notes) process.stderr.write(`thidua: ${n}\n`)
    if (stdout !== '') process.stdout.write(`${stdout}\n`)
  } catch (e) {
    fail(oneLine(e).message)
  } finally {
    disarm()
  }
}

const runExtractPlan = async (strict: boolean): Promise<void> => {
  onSignal()
  const { extractLines } = await import('./extract-run.ts')
  try {
    const { lines, failed } = await extractLines(process.stdin, process.stdout, { strict })
    if (failed > 0) fail(t('extractFailedLines', { failed, total: lines }))
  } catch (e) {
    fail(message(e))
  }
}

const runServePlan = async (plan: Extract<FastPlan, { command: 'serve' }>): Promise<void> => {
  let close = async () => {}
  onSignal(() => close())
  const { startServer } = await import('@thidua/server/main')
  try {
    const server = await startServer({ dbFile: plan.db, port: plan.port, host: plan.host })
    close = () => server.close()
    console.log(`Thi Đua Atlas: ${server.url} (API: ${server.url}/api/openapi.json)`)
  } catch (e) {
    fail(`cannot start the server: ${message(e)}`)
  }
}

/** Runs `plan` (not 'help': main.ts prints help itself). */
export const runFast = (plan: Exclude<FastPlan, { command: 'help' }>): Promise<void> =>
  plan.command === 'sql'
    ? runSqlPlan(plan)
    : plan.command === 'extract'
      ? runExtractPlan(plan.strict)
      : runServePlan(plan)
