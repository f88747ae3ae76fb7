import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { appendRows } from './append.ts'
import type { CellValue, ColumnSpec } from './tables.ts'

const SPEC: ReadonlyArray<ColumnSpec> = [
  ['t', 'text'],
  ['i', 'int'],
  ['d', 'date'],
  ['ts', 'timestamptz'],
  ['b', 'bool'],
  ['tl', 'text_list'],
  ['ul', 'uint_list'],
  ['u', 'ubigint'],
]

const table = async () => {
  const conn = await (await DuckDBInstance.create(':memory:')).connect()
  await conn.run(`SET TimeZone = 'UTC'`)
  await conn.run(`CREATE TABLE x (t VARCHAR, i INTEGER, d DATE, ts TIMESTAMPTZ, b BOOLEAN, tl VARCHAR[],
    ul UINTEGER[], u UBIGINT)`)
  return conn
}

const text = async (conn: Awaited<ReturnType<typeof table>>) =>
  (
    await conn.runAndReadAll(`SELECT t, i, d::VARCHAR, ts::VARCHAR, b, tl::VARCHAR, ul::VARCHAR, u::VARCHAR
      FROM x ORDER BY i`)
  ).getRows()

describe('appendRows (data chunks)', () => {
  it('writes every column kind, nulls, the UTC offset of a timestamp and 64-bit values', async () => {
    const conn = await table()
    const app = await conn.createAppender('x')
    const rows: CellValue[][] = [
      [
        'Đại hội',
        1,
        '2025-02-28',
        '2025-03-01T08:30:00+07:00',
        true,
        ['a', 'b'],
        Uint32Array.of(7, 4294967295),
        2n ** 64n - 1n,
      ],
      [null, 2, null, null, null, [], new Uint32Array(0), null],
    ]
    expect(appendRows(app, SPEC, rows)).toBe(2)
    app.flushSync()
    app.closeSync()
    expect(await text(conn)).toEqual([
      [
        'Đại hội',
        1,
        '2025-02-28',
        '2025-03-01 01:30:00+00',
        true,
        '[a, b]',
        '[7, 4294967295]',
        '18446744073709551615',
      ],
      [null, 2, null, null, null, '[]', '[]', null],
    ])
  })

  it('splits more rows than one chunk holds without losing or repeating any', async () => {
    const conn = await table()
    const app = await conn.createAppender('x')
    const n = 5000
    const rows: CellValue[][] = Array.from({ length: n }, (_, i) => [
      `r${i}`,
      i,
      null,
      null,
      i % 2 === 0,
      null,
      null,
      BigInt(i),
    ])
    appendRows(app, SPEC, rows)
    app.flushSync()
    app.closeSync()
    const [[count, distinct, sum, evens]] = (
      await conn.runAndReadAll(
        `SELECT count(*)::INTEGER, count(DISTINCT t)::INTEGER, sum(u)::BIGINT, count(*) FILTER (WHERE b)::INTEGER FROM x WHERE t = 'r' || i`
      )
    ).getRows() as [[number, number, bigint, number]]
    expect([count, distinct, sum, evens]).toEqual([n, n, BigInt((n * (n - 1)) / 2), n / 2])
  })
})
