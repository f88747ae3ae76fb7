/**
 * The instant start-up path (main.ts → fast-args.ts, fast.ts) against the full @effect/cli command
 * line: same help bytes, same output, messages and exit codes. `scripts/thidua.mjs` runs once first,
 * rebuilding pipeline/dist when a source is newer, so the recorded help is current; then the tests run
 * the compiled entry itself (a rebuild's own output would mix into stderr).
 */
import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../paths.ts'
import { currentPublished } from '../warehouse/publish.ts'
import { planFast } from './fast-args.ts'
import { captureHelp, helpCases } from './help-gen.ts'
import { resolveProvince } from './province.ts'
import { smallDb } from './testing/small-db.ts'
import { currentPublishedFile } from './published.ts'

interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const run = (script: string, args: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<Ran> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [script, ...args],
      { cwd: repoRoot, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env }, timeout: 170_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    )
    child.stdin?.end(input)
  })
const thidua = (args: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<Ran> =>
  run(path.join(repoRoot, 'pipeline', 'dist', 'thidua.js'), args, input, env)

let dir: string
let db: string

beforeAll(async () => {
  ;({ dir, db } = await smallDb(
    'thidua-fast-',
    `CREATE TABLE t AS SELECT range AS id, 'dòng ' || range AS label FROM range(3)`
  ))
  // Builds pipeline/dist if stale, before the tests below run processes in parallel.
  await run(path.join(repoRoot, 'scripts', 'thidua.mjs'), ['--version'])
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('fast argument parsing', () => {
  it('takes only plain command lines and leaves every other one to @effect/cli', () => {
    expect(planFast([], {})).toEqual({ command: 'help', key: '' })
    expect(planFast(['-h'], {})).toEqual({ command: 'help', key: '' })
    expect(planFast(['sql', '--help'], {})).toEqual({ command: 'help', key: 'sql' })
    expect(
      planFast(['sql', '--db=x.duckdb', '--format', 'csv', '--max-rows', '7', 'select 1'], {})
    ).toMatchObject({
      command: 'sql',
      db: 'x.duckdb',
      format: 'csv',
      maxRows: 7,
      timeoutSeconds: 30,
      query: 'select 1',
    })
    expect(planFast(['extract', '--strict'], {})).toEqual({ command: 'extract', strict: true })
    expect(planFast(['serve', '--port', '9001'], { PORT: '9000' })).toMatchObject({
      port: 9001,
      host: '127.0.0.1',
    })
    expect(planFast(['serve'], { PORT: '9000' })).toMatchObject({ port: 9000 })
    expect(planFast(['serve'], { PORT: 'x' })).toMatchObject({ port: 8787 })
    const full: string[][] = [
      ['sql', '--format', 'xml', 'select 1'],
      ['sql', '--limit', '5', 'select 1'],
      ['sql', '--format', 'csv', '--format', 'json', 'select 1'],
      ['sql', '--timeout', '1.5', 'select 1'],
      ['sql', '--timeout', '-3', 'select 1'],
      ['sql', '--', 'select 1'],
      ['sql', 'select 1', 'select 2'],
      ['sql', ''],
      ['sql', '--out'],
      ['extract', '--strict=false'],
      ['extract', 'file.jsonl'],
      ['serve', '--port', 'abc'],
      ['run'],
      ['--version'],
      ['snapshot', 'build', '--help'],
    ]
    for (const args of full) expect(planFast(args, {}), args.join(' ')).toBeNull()
  })
})

describe('recorded help', () => {
  it('is byte for byte what the full command line prints, for every command', async () => {
    const cases = helpCases()
    expect(cases.length).toBeGreaterThan(10)
    const printed = await Promise.all(cases.map(([, args]) => thidua(args)))
    for (const [i, [key, args]] of cases.entries()) {
      const full = await captureHelp(args)
      expect(full.code, key).toBe(0)
      expect(printed[i]?.code, key).toBe(0)
      expect(printed[i]?.stdout, `thidua ${args.join(' ')}`).toBe(full.text)
    }
    // `thidua`, `-h` and a command's `-h` print the same texts.
    const [none, short, sqlShort] = await Promise.all([thidua([]), thidua(['-h']), thidua(['sql', '-h'])])
    expect(none.stdout).toBe(printed[0]?.stdout)
    expect(short.stdout).toBe(printed[0]?.stdout)
    expect(sqlShort.stdout).toBe(printed[cases.findIndex(([k]) => k === 'sql')]?.stdout)
  }, 180_000)
})

describe('fast sql', () => {
  it('answers, refuses and fails as the full command line does', async () => {
    // `--` sends the same request through @effect/cli (the fast parser leaves it alone).
    const requests: string[][] = [
      ['--format', 'json', 'select count(*) AS n, max(label) AS l FROM t'],
      ['select * FROM t'],
      ['--format', 'csv', "COPY t TO 'x.csv'"],
      ['--format', 'json', 'select 1; select 2'],
      ['--max-rows', '2', '--format', 'json', 'select * FROM t ORDER BY id'],
    ]
    const runs = await Promise.all(
      requests.flatMap((r) => [
        thidua(['sql', '--db', db, ...r]),
        thidua(['sql', '--db', db, ...r.slice(0, -1), '--', r.at(-1) as string]),
      ])
    )
    for (let i = 0; i < runs.length; i += 2) expect(runs[i], requests[i / 2]?.join(' ')).toEqual(runs[i + 1])
    expect(JSON.parse(runs[0]?.stdout ?? '')).toEqual([{ n: 3, l: 'dòng 2' }])
    expect(runs[4]?.code).toBe(1)
    expect(runs[4]?.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    const missing = await thidua(['sql', '--db', path.join(dir, 'none.duckdb'), 'select 1'], '', {
      LANG: 'en_US',
    })
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toMatch(/^thidua: database file not found: .*none\.duckdb/)
  }, 180_000)

  it('reads the published version as the warehouse names it', () => {
    for (const file of [db, path.join(dir, 'other.duckdb'), path.join(dir, 'no-suffix')])
      expect(currentPublishedFile(file)).toBe(currentPublished(file))
  })
})

describe('fast extract', () => {
  it('passes the line province to the extractor and exits 1 when a line failed', async () => {
    const text = 'Đại hội thi đua yêu nước tỉnh lần thứ VI'
    const lines = [
      { id: 'a', text, published: '2025-03-01', province: 'Lạng Sơn' },
      { id: 'b', text, published: '2025-03-01', province: '20' },
      { id: 'c', text, published: '2025-03-01' },
      { id: 'd', text, province: 'Atlantis' },
    ]
    const r = await thidua(['extract'], lines.map((l) => JSON.stringify(l)).join('\n'), { LANG: 'en_US' })
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out.map((o) => o.events?.[0]?.province_code ?? null)).toEqual(['20', '20', null, null])
    expect(out[3]).toMatchObject({ id: 'd', line: 4 })
    expect(out[3].error).toContain('Atlantis')
    expect(r).toMatchObject({
      code: 1,
      stderr: 'thidua: 1 of 4 input lines failed (see the {"line","error"} objects on stdout)\n',
    })
    const strict = await thidua(['extract', '--strict'], '{"id":"x"}\n', { LANG: 'en_US' })
    expect(strict).toEqual({ code: 1, stdout: '', stderr: 'thidua: line 1: "text" must be a string\n' })
  }, 180_000)

  it('resolves a province by code or name in either unit system', () => {
    expect(resolveProvince('20')).toBe('20')
    expect(resolveProvince('1')).toBe('01')
    expect(resolveProvince('Lạng Sơn')).toBe('20')
    expect(resolveProvince('Thanh Hoá')).toBe(resolveProvince('Thanh Hóa'))
    expect(resolveProvince('Kon Tum')).toBe('62')
    expect(resolveProvince('Atlantis')).toBeNull()
    expect(resolveProvince('99')).toBeNull()
  })
})
