import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../paths.ts'
import type { Warehouse } from './db.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse, tempDbFile } from './testing/build.ts'

const script = path.join(repoRoot, 'docs', 'examples', 'cookbook.py')
const python = (args: string[]) => spawnSync('python3', args, { encoding: 'utf8', timeout: 120_000 })
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

// docs/python.md: the example runs where the `duckdb` Python package is installed; elsewhere this
// says so and checks that the documented script at least compiles.
const hasDuckdb = python(['-c', 'import duckdb']).status === 0

describe('docs/examples/cookbook.py', () => {
  const db = tempDbFile()
  // Closed before Python opens it: DuckDB allows a read-only opener only without a writer.
  beforeAll(async () => {
    const wh: Warehouse = await buildFixtureWarehouse(db)
    closeWarehouseSync(wh)
  })

  it('asks questions that are in docs/sql-cookbook.md, word for word', () => {
    const cookbook = squash(readFileSync(path.join(repoRoot, 'docs', 'sql-cookbook.md'), 'utf8'))
    const sqls = [...readFileSync(script, 'utf8').matchAll(/"""\n(SELECT[\s\S]*?)"""/g)].map(
      (m) => m[1] ?? ''
    )
    expect(sqls).toHaveLength(3)
    for (const sql of sqls) expect(cookbook).toContain(squash(sql))
  })

  it(
    hasDuckdb
      ? 'answers three cookbook questions with rows, read-only, with the duckdb Python package'
      : 'compiles (Python duckdb package absent here, so the script is not run)',
    () => {
      if (!hasDuckdb) {
        // py_compile with the bytecode sent to a temp folder, not into docs/examples/__pycache__.
        const r = python([
          '-c',
          'import os, py_compile, sys, tempfile; py_compile.compile(sys.argv[1], cfile=os.path.join(tempfile.mkdtemp(), "c.pyc"), doraise=True)',
          script,
        ])
        expect(r.status, r.stderr).toBe(0)
        return
      }
      const r = python([script, db])
      expect(r.status, r.stderr).toBe(0)
      const counts = [...r.stdout.matchAll(/^## .+ \((\d+) rows\)$/gm)].map((m) => Number(m[1]))
      expect(counts).toHaveLength(3)
      for (const n of counts) expect(n).toBeGreaterThan(0)
    }
  )
})
