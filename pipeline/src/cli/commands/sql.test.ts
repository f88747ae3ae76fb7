import { rmSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallDb } from '../testing/small-db.ts'
import { formatTable, pickQuery, runSql, type SqlRequest } from './sql.ts'

let dir: string
let db: string

beforeAll(async () => {
  ;({ dir, db } = await smallDb(
    'thidua-sql-cli-',
    `CREATE TABLE t AS SELECT range AS id, 'dòng ' || range AS label,
    range::HUGEINT * 1000000000000 AS big, (range / 4)::DECIMAL(9, 2) AS share FROM range(5)`
  ))
  // Messages are asserted in English; LC_ALL outranks LANG.
  process.env.LC_ALL = 'en_US.UTF-8'
})
const savedLcAll = process.env.LC_ALL
afterAll(() => {
  if (savedLcAll === undefined) delete process.env.LC_ALL
  else process.env.LC_ALL = savedLcAll
  rmSync(dir, { recursive: true, force: true })
})

const run = (sql: string, more: Partial<SqlRequest> = {}) =>
  runSql({ db, sql, format: 'json', timeoutSeconds: 10, maxRows: 1000, ...more })

describe('thidua sql', () => {
  it('prints numbers as JSON numbers, and integers beyond 2^53 as strings', async () => {
    const { stdout } = await run(
      'SELECT count(*) AS n, max(big) AS big, 9007199254740993::BIGINT AS huge, sum(share) AS s FROM t'
    )
    expect(JSON.parse(stdout)).toEqual([{ n: 5, big: 4_000_000_000_000, huge: '9007199254740993', s: 2.5 }])
  })

  it('says 0 rows: [] in JSON, one line in a table', async () => {
    expect((await run('SELECT * FROM t WHERE id < 0')).stdout).toBe('[]')
    expect((await run('SELECT * FROM t WHERE id < 0', { format: 'table' })).stdout).toBe('0 rows')
  })

  it('draws an aligned table with a row count', async () => {
    const { stdout } = await run('SELECT id, label FROM t ORDER BY id LIMIT 2', { format: 'table' })
    expect(stdout.split('\n')).toEqual([
      'id | label',
      '---+-------',
      '0  | dòng 0',
      '1  | dòng 1',
      '(2 rows)',
    ])
    expect(formatTable(['a'], [{ a: null }])).toContain('NULL')
  })

  it('writes CSV with a header, and keeps at most --max-rows rows with a note', async () => {
    const r = await run('SELECT id FROM t ORDER BY id', { format: 'csv', maxRows: 2 })
    expect(r.stdout).toBe('id\n0\n1')
    expect(r.notes.join(' ')).toMatch(/first 2 rows/)
  })

  it('writes Parquet with the query types, and only with --out', async () => {
    await expect(run('SELECT 1', { format: 'parquet' })).rejects.toThrow(/--out/)
    const out = path.join(dir, 'r.parquet')
    const r = await run('SELECT id, label, share, [id, id] AS l FROM t', { format: 'parquet', out })
    expect(r.stdout).toBe('')
    const inst = await DuckDBInstance.create(':memory:')
    const conn = await inst.connect()
    const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM '${out}'`)).getRowsJson().map((x) => x[1])
    expect(types).toEqual(['BIGINT', 'VARCHAR', 'DECIMAL(9,2)', 'BIGINT[]'])
    const n = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM '${out}'`)).getRowsJson()
    expect(n).toEqual([[5]])
    conn.closeSync()
    inst.closeSync()
  })

  it('refuses a second statement, writes and files with one line', async () => {
    await expect(run('SELECT 1; SELECT 2')).rejects.toThrow(/^Exactly one statement is allowed \(got 2\)\.$/)
    await expect(run('DELETE FROM t')).rejects.toThrow(/read statements/)
    await expect(run(`COPY t TO '${path.join(dir, 'x.csv')}'`)).rejects.toThrow(/not allowed/)
  })

  it('stops a query at --timeout', async () => {
    await expect(
      // streaming and CPU-bound: a cross join would hit the sandbox's memory cap before the time limit
      run('SELECT sum(hash(i)) FROM range(100000000000) t(i)', { timeoutSeconds: 1 })
    ).rejects.toThrow(/time limit/)
  })

  it('names an unknown option in one line, and wants exactly one query', () => {
    expect(() => pickQuery(['--limit', '5', 'SELECT 1'])).toThrow(/unknown option: --limit \(allowed: --db/)
    expect(() => pickQuery(['SELECT 1', 'SELECT 2'])).toThrow(/one quoted SQL query \(got 2/)
    expect(() => pickQuery([])).toThrow(/missing/)
    expect(pickQuery(['-- a comment\nSELECT 1'])).toBe('-- a comment\nSELECT 1')
  })
})
