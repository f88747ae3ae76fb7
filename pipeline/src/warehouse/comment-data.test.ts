import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { readSharedComments, renderCommentFile, sharedCommentsFile } from './comment-data.ts'
import { queryRows } from './db.ts'
import { viewCommentsFile } from './comments.ts'
import { listMigrations, migrationsDir, runMigrations } from './migrate.ts'

const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-comments-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

const SHARED = '# shared\n@id\tmã | id\n'

describe('comments as data', () => {
  it('renders tables, columns, shared comments and the columns of a like view, escaping quotes', () => {
    const dir = folder({
      'shared-comments.tsv': SHARED,
      'c.tsv': [
        'TABLE\tt\tbảng | the table',
        'COLUMN\tt.id\t@id',
        "COLUMN\tt.note\tghi chú | the row's note",
        '',
        'VIEW\tv\txem | view',
        'COLUMNS_LIKE\tv\tt',
        'COLUMN\tv.extra\tthêm | extra',
      ].join('\n'),
    })
    const statements = renderCommentFile(path.join(dir, 'c.tsv'), readSharedComments(sharedCommentsFile(dir)))
    expect(statements).toEqual([
      "COMMENT ON TABLE t IS 'bảng | the table';",
      "COMMENT ON COLUMN t.id IS 'mã | id';",
      "COMMENT ON COLUMN t.note IS 'ghi chú | the row''s note';",
      "COMMENT ON VIEW v IS 'xem | view';",
      "COMMENT ON COLUMN v.id IS 'mã | id';",
      "COMMENT ON COLUMN v.note IS 'ghi chú | the row''s note';",
      "COMMENT ON COLUMN v.extra IS 'thêm | extra';",
    ])
  })

  it.each([
    ['COLUMN\tt.id\t@missing', 'c.tsv:1: unknown shared comment @missing'],
    ['COLUMN\tt.id', 'c.tsv:1: expected 3 tab-separated cells, got 2'],
    ['ROW\tt\tx | x', 'c.tsv:1: expected TABLE|VIEW name'],
    ['TABLE\tt.id\tx | x', 'c.tsv:1: expected TABLE|VIEW name'],
    ['COLUMN\tt;drop\tx | x', 'c.tsv:1: bad name "t;drop"'],
    ['COLUMNS_LIKE\tv\tt', 'c.tsv:1: no column comments of t above'],
  ])('refuses %j with one line naming the place', (line, message) => {
    const dir = folder({ 'c.tsv': `${line}\n` })
    expect(() =>
      renderCommentFile(path.join(dir, 'c.tsv'), readSharedComments(sharedCommentsFile(dir)))
    ).toThrow(message)
  })

  it('refuses a shared comment defined twice or without its @', () => {
    const twice = folder({ 'shared-comments.tsv': `${SHARED}@id\tx | x\n` })
    expect(() => readSharedComments(sharedCommentsFile(twice))).toThrow(
      'shared-comments.tsv:3: @id is defined twice'
    )
    const bare = folder({ 'shared-comments.tsv': 'id\tx | x\n' })
    expect(() => readSharedComments(sharedCommentsFile(bare))).toThrow('expected "@name<TAB>comment"')
  })

  it('runs a migration and then its comments, and refuses comments without their migration', async () => {
    const dir = folder({
      'shared-comments.tsv': SHARED,
      '0001_t.sql': 'CREATE TABLE t (id VARCHAR);',
      '0001_t.tsv': 'TABLE\tt\tbảng | table\nCOLUMN\tt.id\t@id\n',
      '0002_u.sql': 'CREATE TABLE u (x INTEGER);',
    })
    expect(listMigrations(dir).map((m) => [m.version, m.comments !== undefined])).toEqual([
      [1, true],
      [2, false],
    ])
    const instance = await DuckDBInstance.create(':memory:')
    const conn = await instance.connect()
    try {
      expect(await runMigrations(conn, dir)).toEqual([1, 2])
      const rows = await queryRows(conn, `SELECT comment FROM duckdb_columns() WHERE table_name = 't'`)
      expect(rows.map((r) => r.comment)).toEqual(['mã | id'])
    } finally {
      conn.closeSync()
      instance.closeSync()
    }
    writeFileSync(path.join(dir, '0003_v.tsv'), 'TABLE\tv\tx | x\n')
    expect(() => listMigrations(dir)).toThrow('migration comments without their migration: 0003_v.tsv')
  })

  it('names every shared comment of the warehouse somewhere (none left behind by an edit)', () => {
    const shared = readSharedComments(sharedCommentsFile(migrationsDir))
    const files = [...listMigrations().flatMap((m) => (m.comments ? [m.comments] : [])), viewCommentsFile]
    const named = new Set(files.flatMap((f) => readFileSync(f, 'utf8').match(/@[a-z0-9_]+/g) ?? []))
    expect(shared.size).toBeGreaterThan(40)
    expect([...shared.keys()].filter((name) => !named.has(name))).toEqual([])
  })
})
