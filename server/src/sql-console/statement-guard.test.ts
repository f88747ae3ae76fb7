import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error.ts'
import { scrubJsonText, scrubPaths } from './scrub.ts'
import { scanSql } from './sql-lexer.ts'
import { MAX_NESTING, prepareReadOnly } from './statement-guard.ts'

let inst: DuckDBInstance
let conn: DuckDBConnection

beforeAll(async () => {
  inst = await DuckDBInstance.create(':memory:')
  conn = await inst.connect()
  await conn.run("CREATE TABLE articles AS SELECT range AS id, 'bài ' || range AS title FROM range(3)")
  await conn.run('CREATE MACRO find_articles(q) AS TABLE SELECT * FROM articles WHERE title LIKE q')
})
afterAll(() => {
  conn.closeSync()
  inst.closeSync()
})

const verdict = async (sql: string): Promise<string> => {
  try {
    ;(await prepareReadOnly(conn, sql)).destroySync()
    return 'ok'
  } catch (e) {
    if (e instanceof ApiError) return e.code
    throw e
  }
}

describe('the console guard lets analysts read', () => {
  it.each([
    'SELECT 1',
    'select * from articles;',
    'WITH a AS (SELECT * FROM articles) SELECT count(*) FROM a',
    'FROM articles SELECT title',
    'VALUES (1), (2)',
    'TABLE articles',
    'DESCRIBE articles',
    'SHOW TABLES',
    'SUMMARIZE articles',
    'EXPLAIN SELECT * FROM articles',
    'EXPLAIN (FORMAT json) SELECT 1',
    "SELECT * FROM find_articles('bài%')",
    "SELECT * FROM pragma_table_info('articles')",
    'SELECT table_name, comment FROM duckdb_tables()',
    'SELECT * FROM range(3), generate_series(1, 2), unnest([1, 2])',
    `SELECT ${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`,
    "SELECT 'a -- not a comment', $$ ; $$, E'\\' ; ' /* x */ FROM articles -- ; DROP",
  ])('%s', async (sql) => {
    expect(await verdict(sql)).toBe('ok')
  })
})

describe('the console guard refuses', () => {
  it.each([
    ['EXPLAIN ANALYZE SELECT 1', 'sql_not_read_only'],
    ['EXPLAIN /* SELECT */ DELETE FROM articles', 'sql_not_read_only'],
    ['PRAGMA table_info(articles)', 'sql_not_read_only'],
    ['CALL pragma_version()', 'sql_not_read_only'],
    ['CREATE TEMP TABLE t AS SELECT 1', 'sql_not_read_only'],
    ["COPY articles TO 'x.csv'", 'sql_forbidden'],
    ["SELECT * FROM read_csv('x.csv')", 'sql_forbidden'],
    ["SELECT * FROM 'x.csv'", 'sql_forbidden'],
    ["SELECT current_setting('temp_directory')", 'sql_forbidden'],
    ['SELECT * FROM duckdb_databases', 'sql_forbidden'],
    ["SELECT * FROM query('SELECT 1')", 'sql_forbidden'],
    ['SELECT 1; SELECT 2', 'sql_multiple_statements'],
    [`SELECT ${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`, 'sql_too_deep'],
    [`SELECT '${'x'.repeat(20_001)}'`, 'sql_too_long'],
    ["SELECT 'open", 'sql_syntax'],
    ['/* /* nested */ SELECT 1 */ DELETE FROM articles', 'sql_not_read_only'],
    ['SELECT * FROM secrets', 'sql_invalid'],
  ])('%s', async (sql, code) => {
    expect(await verdict(sql)).toBe(code)
  })
})

describe('scanner and scrubbing', () => {
  it('skips strings, quoted names, dollar quotes and nested comments', () => {
    const s = scanSql(`SELECT "a(" , 'b(', $t$ ( $t$ /* ( /* ( */ ( */ FROM x -- (\n WHERE (y)`)
    expect(s.words.map((w) => w.word)).toEqual(['SELECT', 'FROM', 'X', 'WHERE', 'Y'])
    expect(s.maxDepth).toBe(1)
    expect(scanSql("SELECT 'x").unterminated).toBe('string')
  })

  it('removes paths from messages and known paths from results', () => {
    expect(scrubPaths('Cannot open file "/srv/data/x.duckdb": denied')).toBe(
      'Cannot open file "<path>": denied'
    )
    expect(scrubJsonText('[{"p":"/srv/db/x.duckdb"}]', ['/srv/db/x.duckdb'])).toBe('[{"p":"<path>"}]')
  })
})
