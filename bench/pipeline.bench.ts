/**
 * End to end on a generated corpus (BENCH_PIPELINE_N articles, default 10,000; the scale test runs
 * 20,000): generation articles/s, then `thidua run --generated` as a user runs it (a child process, so
 * its peak memory is its own), with per-stage figures: crawl pages/s, parse+extract+load articles/s,
 * resolve (finalize) and publish seconds, database, archive and published sizes, peak RSS.
 * Baselines measured in the same run: a bare HTTP fetch of the same article pages from the same
 * simulator (what the crawl costs over the HTTP it cannot avoid), and reading the raw archive alone
 * (what parse+extract+load costs over the I/O it cannot avoid).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { readArchive } from '../pipeline/src/crawl/archive.ts'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { repoRoot } from '../pipeline/src/paths.ts'
import type { RunSummary } from '../pipeline/src/run/run-pipeline.ts'
import { startSimulator } from '../pipeline/src/simulator/server.ts'
import { readCorpusTruth, scoreAgainstTruth } from '../test/long/scale-truth.ts'

const exec = promisify(execFile)
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d

const sizeOf = (p: string): number => {
  const st = statSync(p, { throwIfNoEntry: false })
  if (!st) return 0
  if (!st.isDirectory()) return st.size
  return readdirSync(p).reduce((a, f) => a + sizeOf(path.join(p, f)), 0)
}

/** Fetches every URL through the simulator with `concurrency` requests in flight, nothing else. */
const bareFetch = async (urls: ReadonlyArray<string>, concurrency: number, dir: string) => {
  const sim = await startSimulator({ root: null, generated: { dir } })
  try {
    let next = 0
    let bytes = 0
    const t0 = performance.now()
    const worker = async () => {
      while (next < urls.length) {
        const u = new URL(urls[next++]!)
        const res = await fetch(`${sim.hostMap[u.hostname]}${u.pathname}${u.search}`, {
          headers: { 'accept-encoding': 'gzip' },
        })
        bytes += (await res.arrayBuffer()).byteLength
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return { pages: urls.length, seconds: (performance.now() - t0) / 1000, bytes }
  } finally {
    await sim.close()
  }
}

/** `thidua run --generated` under /usr/bin/time: its JSON summary and peak RSS in KB. */
const runGenerated = async (corpus: string, db: string) => {
  const args = [
    '-f',
    'MAXRSS_KB=%M',
    'pnpm',
    '--silent',
    'thidua',
    'run',
    '--generated',
    corpus,
    '--db',
    db,
    '--json',
  ]
  const { stdout, stderr } = await exec('/usr/bin/time', args, {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
  })
  const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as RunSummary
  return { summary, maxRssKb: Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? Number.NaN) }
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_PIPELINE_N ?? 10_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-pipeline-'))
  const corpus = path.join(dir, 'corpus')
  const db = path.join(dir, 'bench.duckdb')
  try {
    const g = await generateCorpus({ n, seed: 3, out: corpus })

    const { summary, maxRssKb } = await runGenerated(corpus, db)
    const t = summary.timings
    const crawled = (summary.crawl?.totals.fetched ?? 0) + (summary.crawl?.totals.not_modified ?? 0)
    const crawlPerS = crawled / (t.crawl_ms / 1000)
    const processPerS = summary.process.articles / (t.process_ms / 1000)

    // Baseline 1: the same article pages, bare fetch, as many in flight as the crawler allows (2 per host).
    const truth = readCorpusTruth(corpus)
    const hosts = new Set(truth.map((a) => new URL(a.url).hostname)).size
    const bare = await bareFetch(
      truth.map((a) => a.url),
      2 * hosts,
      corpus
    )
    const barePerS = bare.pages / bare.seconds

    // Baseline 2: reading the raw archive the parse stage reads, and nothing more.
    const ta = performance.now()
    let archived = 0
    for await (const _ of readArchive(db)) archived++
    const archivePerS = archived / ((performance.now() - ta) / 1000)

    const report = await scoreAgainstTruth(db, truth)
    return {
      articles: n,
      generate_seconds: round(g.ms / 1000, 2),
      generate_articles_per_s: Math.round(n / (g.ms / 1000)),
      run_seconds: round(t.total_ms / 1000),
      run_peak_rss_mb: Math.round(maxRssKb / 1024),
      crawl: {
        seconds: round(t.crawl_ms / 1000),
        pages: crawled,
        pages_per_s: Math.round(crawlPerS),
        bare_fetch_pages_per_s: Math.round(barePerS),
        ratio_to_bare_fetch: round(crawlPerS / barePerS, 3),
      },
      parse_extract_load: {
        seconds: round(t.process_ms / 1000),
        articles: summary.process.articles,
        failures: summary.process.failures,
        articles_per_s: Math.round(processPerS),
        archive_read_pages_per_s: Math.round(archivePerS),
        ratio_to_archive_read: round(processPerS / archivePerS, 3),
      },
      finalize_seconds: round(t.resolve_ms / 1000, 2),
      publish_seconds: round(t.publish_ms / 1000, 2),
      db_mb: round(sizeOf(db) / 1048576),
      archive_mb: round(sizeOf(`${db}.archive`) / 1048576),
      published_mb: round(sizeOf(summary.published) / 1048576),
      stored_fraction: round(report.stored / n, 4),
      documents_recall: report.documents.recall,
      events_recall: report.events.recall,
      campaigns_recall: report.campaigns.recall,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
