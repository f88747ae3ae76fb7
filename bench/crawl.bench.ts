/**
 * Crawler benchmark (issue #4), against the portal simulator on loopback serving the embedded snapshot.
 *
 * 1. Throughput with politeness delays off: pages/s and CPU seconds for a full crawl of every snapshot
 *    source (the simulator runs in this process, so its CPU is included). Run twice on fresh databases;
 *    the first run also pays module loading.
 * 2. Politeness: every host limited to one request start per second (2 in flight). For each host the
 *    achieved rate while it had work, (requests − 1) / (last start − first start), as a fraction of the
 *    configured 1/s, averaged over hosts weighted by their requests. 1.0 means the crawler used the whole
 *    allowance and never exceeded it; the maximum over hosts must not exceed 1.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCrawl } from '../pipeline/src/crawl/crawl.ts'
import { sourceHosts } from '../pipeline/src/crawl/sources.ts'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { defaultSourcesFile } from '../pipeline/src/paths.ts'
import { startSimulator } from '../pipeline/src/simulator/server.ts'
import { crawlVersusFetch } from './crawl-vs-fetch.ts'

const tempDb = (name: string) =>
  path.join(mkdtempSync(path.join(tmpdir(), 'thidua-crawl-bench-')), `${name}.duckdb`)

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6

async function throughput(sources: SourceConfig[], hostMap: Record<string, string>, runId: string) {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const summary = await runCrawl({
    dbFile: tempDb(runId),
    sources,
    hostMap,
    runId,
    live: false,
    minDelayMs: 0,
  })
  const seconds = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(process.cpuUsage(cpu0))
  const pages = summary.totals.fetched + summary.totals.not_modified + summary.totals.failed
  return {
    pages,
    articles: summary.totals.articles,
    seconds: Number(seconds.toFixed(2)),
    pages_per_s: Number((pages / seconds).toFixed(1)),
    cpu_s: Number(cpu.toFixed(2)),
    cpu_ms_per_page: Number(((cpu * 1000) / pages).toFixed(2)),
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const all = JSON.parse(readFileSync(defaultSourcesFile, 'utf8')) as SourceConfig[]
  const sim = await startSimulator()
  try {
    const sources = all.filter((s) => sourceHosts(s).some((h) => h in sim.hostMap))
    const cold = await throughput(sources, sim.hostMap, 'bench-cold')
    const warm = await throughput(sources, sim.hostMap, 'bench-warm')

    const delayMs = 1000
    const logStart = sim.requestLog.length
    const t0 = performance.now()
    await runCrawl({
      dbFile: tempDb('bench-polite'),
      sources,
      hostMap: sim.hostMap,
      runId: 'bench-polite',
      live: false,
      minDelayMs: delayMs,
      maxPerHost: 2,
    })
    const politeSeconds = (performance.now() - t0) / 1000
    const byHost = new Map<string, number[]>()
    for (const r of sim.requestLog.slice(logStart)) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.at])
    let intervals = 0
    let span = 0
    let worst = 0
    const gaps: number[] = []
    for (const times of byHost.values()) {
      if (times.length < 2) continue
      const sorted = [...times].sort((a, b) => a - b)
      const hostSpan = ((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)) / 1000
      intervals += sorted.length - 1
      span += hostSpan
      worst = Math.max(worst, (sorted.length - 1) / hostSpan)
      for (let i = 1; i < sorted.length; i++) gaps.push((sorted[i] ?? 0) - (sorted[i - 1] ?? 0))
    }
    const limit = 1000 / delayMs
    const versusBare = await crawlVersusFetch()
    return {
      sources: sources.length,
      versus_bare_fetch: versusBare,
      no_delay_cold: cold,
      no_delay_warm: warm,
      polite: {
        hosts: byHost.size,
        configured_per_host_rate: limit,
        requests: intervals + byHost.size,
        seconds: Number(politeSeconds.toFixed(1)),
        achieved_fraction_of_limit: Number((intervals / span / limit).toFixed(3)),
        max_host_fraction_of_limit: Number((worst / limit).toFixed(3)),
        gap_ms_p1: [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.01)] ?? null,
        gap_ms_median: [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? null,
        note:
          'gaps are taken when the in-process simulator answers, so a response delayed by a busy event loop ' +
          'shortens the next gap; the crawler schedules request starts at least delay_ms apart',
      },
    }
  } finally {
    await sim.close()
  }
}
