/**
 * Start-up of the compiled command line (`pnpm bench cli`; `pnpm bench` builds it first). Each case
 * runs `node pipeline/dist/thidua.js …` as a new process, alternating with a bare `node -e 0` in the
 * same run, and reports median wall times and their ratio (issue #14 goals: --help and `sql "select
 * 1"` ≤ 3×, `extract` on one line ≤ 4×; `serve` answering /api/health ≤ 2 s of start on an idle machine).
 * The 1-minute load average is recorded: on a shared, busy machine wall times are inflated, so the CPU
 * seconds (user + system) of the same runs are given too when python3 is there to count them.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(repo, 'pipeline', 'dist', 'thidua.js')
const ROUNDS = 7

/** Wall time of one process run to its exit, in ms; fails on a non-zero exit. */
const timeRun = (args: string[], input?: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`))
    )
    child.stdin.end(input ?? '')
  })

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

// Children's CPU time (RUSAGE_CHILDREN), which Node does not expose: a few lines of Python.
const CPU_PROBE = `import resource, subprocess, sys, json
args = json.loads(sys.argv[1]); data = sys.argv[2].encode()
for _ in range(int(sys.argv[3])): subprocess.run(args, input=data, stdout=subprocess.DEVNULL, check=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN); print((u.ru_utime + u.ru_stime) / int(sys.argv[3]))`

/** Mean CPU seconds of one run, or null without python3. */
const cpuSeconds = (args: string[], input = '', runs = 3): number | null => {
  const r = spawnSync(
    'python3',
    ['-c', CPU_PROBE, JSON.stringify([process.execPath, ...args]), input, String(runs)],
    {
      encoding: 'utf8',
    }
  )
  return r.status === 0 ? Number(r.stdout.trim()) : null
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })

/** ms from spawning `thidua serve` to the first 200 from /api/health. */
const timeServe = async (db: string): Promise<number> => {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', String(port)], {
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}`)
      if (performance.now() - started > 120_000) throw new Error('serve did not answer within 120 s')
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
      if (ok) return performance.now() - started
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    child.kill('SIGTERM')
  }
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-cli-bench-'))
  const db = path.join(dir, 'cli.duckdb')
  closeWarehouseSync(await openWarehouseAsync(db))
  const line = `${JSON.stringify({ id: 'a', text: 'Kế hoạch số 138/KH-UBND ngày 10/6/2024 của UBND tỉnh Lạng Sơn' })}\n`
  const cases: Record<string, [string[], string?]> = {
    help: [[bin, '--help']],
    sql_select_1: [[bin, 'sql', '--db', db, 'select 1']],
    extract_one_line: [[bin, 'extract'], line],
  }
  const goals: Record<string, number> = { help: 3, sql_select_1: 3, extract_one_line: 4 }
  try {
    const node: number[] = []
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
    // One untimed run each warms the file cache; then the cases alternate with bare Node starts.
    await timeRun(['-e', '0'])
    for (const [args, input] of Object.values(cases)) await timeRun(args, input)
    for (let i = 0; i < ROUNDS; i++) {
      node.push(await timeRun(['-e', '0']))
      for (const [name, [args, input]] of Object.entries(cases)) times[name]?.push(await timeRun(args, input))
    }
    const nodeMs = median(node)
    const figures: Record<string, unknown> = { load_average_1m: os.loadavg()[0], rounds: ROUNDS }
    figures.node_e_0_ms = Math.round(nodeMs)
    for (const [name, xs] of Object.entries(times)) {
      const ms = median(xs)
      figures[`${name}_ms`] = Math.round(ms)
      figures[`${name}_ratio`] = Number((ms / nodeMs).toFixed(2))
      figures[`${name}_goal_ratio`] = goals[name]
    }
    const nodeCpu = cpuSeconds(['-e', '0'])
    if (nodeCpu !== null) {
      figures.node_e_0_cpu_ms = Math.round(nodeCpu * 1000)
      for (const [name, [args, input]] of Object.entries(cases)) {
        const cpu = cpuSeconds(args, input)
        if (cpu === null) continue
        figures[`${name}_cpu_ms`] = Math.round(cpu * 1000)
        figures[`${name}_cpu_ratio`] = Number((cpu / nodeCpu).toFixed(2))
      }
    }
    const serve: number[] = []
    for (let i = 0; i < 3; i++) serve.push(await timeServe(db))
    figures.serve_health_ms = Math.round(median(serve))
    figures.serve_health_goal_ms = 2000
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
