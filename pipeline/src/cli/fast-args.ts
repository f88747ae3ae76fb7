/**
 * The command lines main.ts runs without @effect/cli: help, and `sql`, `extract` and `serve` with
 * plain arguments. The parser is strict on purpose: any argument it is not sure @effect/cli would read
 * the same way (an unknown or repeated option, a value starting with "-", `--`, a non-decimal number)
 * gives null, and the full command line handles it, with its own messages.
 */
import { defaultDbFile } from '../paths.ts'

export const SQL_FORMATS = ['table', 'json', 'csv', 'parquet'] as const

export type FastPlan =
  | { readonly command: 'help'; readonly key: string }
  | {
      readonly command: 'sql'
      readonly db: string
      readonly format: (typeof SQL_FORMATS)[number]
      readonly out: string | undefined
      readonly timeoutSeconds: number
      readonly maxRows: number
      readonly query: string
    }
  | { readonly command: 'extract'; readonly strict: boolean }
  | { readonly command: 'serve'; readonly db: string; readonly port: number; readonly host: string }

type Kind = 'text' | 'int' | 'flag' | ReadonlyArray<string>

/** `thidua serve`'s port when --port is not given: $PORT if it is a port number, else 8787. */
export const defaultPort = (env: NodeJS.ProcessEnv): number => {
  const n = Number(env.PORT)
  return Number.isInteger(n) && n > 0 ? n : 8787
}

const valid = (kind: Kind, value: string): boolean =>
  kind === 'int'
    ? /^\d{1,9}$/.test(value)
    : typeof kind === 'string'
      ? value !== '' && !value.startsWith('-')
      : kind.includes(value)

/** Options and positional arguments of `args` under `spec`, or null when any is not plain. */
const readArgs = (
  args: ReadonlyArray<string>,
  spec: Readonly<Record<string, Kind>>,
  positionals: number
): { options: Map<string, string>; positional: string[] } | null => {
  const options = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-')) {
      if (a === '') return null
      positional.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = eq > 0 ? a.slice(0, eq) : a
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined
    if (kind === undefined || options.has(name)) return null
    if (kind === 'flag') {
      if (eq > 0) return null
      options.set(name, 'true')
      continue
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i]
    if (value === undefined || !valid(kind, value)) return null
    options.set(name, value)
  }
  return positional.length === positionals ? { options, positional } : null
}

/** The help key ("" for the top level, else the command) when `args` only ask for help. */
const helpKey = (args: ReadonlyArray<string>): string | null => {
  const isHelp = (a: string | undefined) => a === '--help' || a === '-h'
  if (args.length === 0 || (args.length === 1 && isHelp(args[0]))) return ''
  if (args.length === 2 && isHelp(args[1]) && !(args[0] as string).startsWith('-')) return args[0] as string
  return null
}

/** The fast plan for `args` (after --lang was taken out), or null for the full command line. */
export const planFast = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): FastPlan | null => {
  const key = helpKey(args)
  if (key !== null) return { command: 'help', key }
  const [command, ...rest] = args
  if (command === 'sql') {
    const spec: Record<string, Kind> = {
      '--db': 'text',
      '--format': SQL_FORMATS,
      '--out': 'text',
      '--timeout': 'int',
      '--max-rows': 'int',
    }
    const r = readArgs(rest, spec, 1)
    if (r === null) return null
    const o = r.options
    return {
      command,
      db: o.get('--db') ?? defaultDbFile,
      format: (o.get('--format') ?? 'table') as (typeof SQL_FORMATS)[number],
      out: o.get('--out'),
      timeoutSeconds: Number(o.get('--timeout') ?? 30),
      maxRows: Number(o.get('--max-rows') ?? 100_000),
      query: r.positional[0] as string,
    }
  }
  if (command === 'extract') {
    const r = readArgs(rest, { '--strict': 'flag' }, 0)
    return r === null ? null : { command, strict: r.options.has('--strict') }
  }
  if (command === 'serve') {
    const r = readArgs(rest, { '--db': 'text', '--port': 'int', '--host': 'text' }, 0)
    if (r === null) return null
    const o = r.options
    return {
      command,
      db: o.get('--db') ?? defaultDbFile,
      port: o.has('--port') ? Number(o.get('--port')) : defaultPort(env),
      host: o.get('--host') ?? '127.0.0.1',
    }
  }
  return null
}
