/**
 * Crawl against a bare fetch of the same pages (issue #17: goal ≥ 0.8), offline, politeness off, on a
 * generated corpus (BENCH_CRAWL_N articles, default 3,000) served by the simulator in this process.
 * The bare fetch asks for exactly the pages the crawl asked for, with as many requests in flight as the
 * crawl allows (2 per host), with gzip negotiated and inflated as the crawler does, reads every body and
 * does nothing with it. Order: crawl (warm-up, gives the URL list), bare, crawl, bare; the ratio is the
 * second crawl's rate over the mean of the two bare rates.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCrawl } from '../pipeline/src/crawl/crawl.ts'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { type Simulator, startSimulator } from '../pipeline/src/simulator/server.ts'

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6

const bareFetch = async (sim: Simulator, pages: ReadonlyArray<string>, concurrency: number) => {
  let next = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const worker = async () => {
    while (next < pages.length) {
      const res = await fetch(`${sim.origin}/_h/${pages[next++]}`, { headers: { 'accept-encoding': 'gzip' } })
      await res.arrayBuffer()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  return {
    pages: pages.length,
    seconds: round(seconds, 2),
    pages_per_s: round(pages.length / seconds),
    cpu_s: round(cpuSeconds(process.cpuUsage(cpu0)), 2),
  }
}

const crawlOnce = async (sim: Simulator, sources: SourceConfig[], dir: string, runId: string) => {
  const from = sim.requestLog.length
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await runCrawl({
    dbFile: path.join(dir, `${runId}.duckdb`),
    sources,
    hostMap: sim.hostMap,
    runId,
    live: false,
    minDelayMs: 0,
    maxPerHost: 2,
  })
  const seconds = (performance.now() - t0) / 1000
  const pages = sim.requestLog.slice(from).map((r) => `${r.host}${r.path}`)
  return {
    pages,
    figures: {
      pages: pages.length,
      seconds: round(seconds, 2),
      pages_per_s: round(pages.length / seconds),
      cpu_s: round(cpuSeconds(process.cpuUsage(cpu0)), 2),
    },
  }
}

export async function crawlVersusFetch(n = Number(process.env.BENCH_CRAWL_N ?? 3000)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-crawl-vs-fetch-'))
  const corpus = path.join(dir, 'corpus')
  await generateCorpus({ n, seed: 3, out: corpus })
  const sources = JSON.parse(readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as SourceConfig[]
  const sim = await startSimulator({ root: null, generated: { dir: corpus } })
  try {
    const warm = await crawlOnce(sim, sources, dir, 'warm-up')
    const concurrency = 2 * new Set(warm.pages.map((p) => p.split('/')[0])).size
    const bare1 = await bareFetch(sim, warm.pages, concurrency)
    const crawl = await crawlOnce(sim, sources, dir, 'measured')
    const bare2 = await bareFetch(sim, crawl.pages, concurrency)
    const bareRate = (bare1.pages_per_s + bare2.pages_per_s) / 2
    return {
      articles: n,
      concurrency,
      crawl_warm_up: warm.figures,
      crawl: crawl.figures,
      bare_fetch: [bare1, bare2],
      crawl_over_bare: round(crawl.figures.pages_per_s / bareRate, 3),
    }
  } finally {
    await sim.close()
  }
}
