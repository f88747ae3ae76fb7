/**
 * Resume after a crash (issue #17): `thidua ingest` of a JSONL of 1,300 articles (texts and pages) is
 * SIGKILLed once its first batch is committed, then rerun; the warehouse must end with exactly the rows
 * of one clean run (articles, their mentions and failures), and the rerun must skip what was in.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { repoRoot } from '@thidua/pipeline/paths'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-ingest-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sentence = (i: number) =>
  `Ngày ${(i % 27) + 1}/${(i % 12) + 1}/2024, Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch số ${1000 + i}/KH-UBND về phong trào thi đua yêu nước, phát động các đơn vị thi đua hoàn thành nhiệm vụ năm 2024.`

const line = (i: number): string =>
  i % 50 === 0
    ? JSON.stringify({
        url: `https://nghean.gov.vn/tin-tuc/trang-${i}.html`,
        html: `<!doctype html><html><head><title>Tin ${i}</title></head><body><article><h1>Thi đua đợt ${i}</h1><p>${sentence(i)}</p><p>${sentence(i + 1)}</p></article></body></html>`,
      })
    : JSON.stringify({
        url: `https://nghean.gov.vn/tin-tuc/bai-${i}.html`,
        title: `Phát động thi đua đợt ${i}`,
        text: `${sentence(i)}\n\n${sentence(i + 7)}`,
        published: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
      })

const input = path.join(dir, 'articles.jsonl')
writeFileSync(input, Array.from({ length: 1300 }, (_, i) => line(i)).join('\n'))

const args = (db: string) => [
  '--import',
  'tsx',
  path.join(repoRoot, 'pipeline/src/cli/main.ts'),
  'ingest',
  input,
  '--db',
  db,
  '--no-publish',
  '--json',
]

/** Runs ingest; with `killAt`, SIGKILLs it once a progress line reports that many articles loaded. */
const ingest = (db: string, killAt?: number) =>
  new Promise<{ killed: boolean; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args(db), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += String(d)
    })
    child.stderr.on('data', (d) => {
      stderr += String(d)
      const loaded = [...stderr.matchAll(/(\d+) articles loaded/g)].map((m) => Number(m[1]))
      if (killAt !== undefined && loaded.some((n) => n >= killAt)) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, stdout })
      else if (code === 0) resolve({ killed: false, stdout })
      else reject(new Error(`ingest exited ${code}: ${stderr}`))
    })
  })

async function query(db: string, sql: string): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson()
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

/** What was loaded, without run ids or clocks. */
const content = async (db: string) => ({
  articles: await query(
    db,
    `SELECT url, title, content_hash, epoch(published_at) AS published, province_code_2008, province_code_2025
     FROM articles ORDER BY url`
  ),
  documents: await query(
    db,
    `SELECT a.url, count(d.article_id) AS n FROM articles a LEFT JOIN document_mentions d USING (article_id)
     GROUP BY a.url ORDER BY a.url`
  ),
  failures: await query(db, 'SELECT url, reason, attempts FROM parse_failures ORDER BY url'),
})

describe('thidua ingest after SIGKILL', () => {
  it('resumes to the rows of one clean run', async () => {
    const clean = path.join(dir, 'clean.duckdb')
    await ingest(clean)
    const cut = path.join(dir, 'cut.duckdb')
    const first = await ingest(cut, 500)
    expect(first.killed).toBe(true)
    const rerun = await ingest(cut)
    const summary = JSON.parse(rerun.stdout) as { already_ingested: number; articles: number }
    expect(summary.already_ingested).toBeGreaterThanOrEqual(500)
    const want = await content(clean)
    expect(want.articles.length).toBeGreaterThan(1200)
    expect(await content(cut)).toEqual(want)
  }, 600_000)
})
