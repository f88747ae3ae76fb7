/**
 * Generator throughput: articles/s for writing the compact corpus (the `thidua generate` path) and for
 * rendering full HTML pages from it (what the simulator does per request), measured in the same run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { GeneratedRoutes } from '../pipeline/src/simulator/generated-routes.ts'

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.THIDUA_BENCH_GENERATE_N ?? 100_000)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-gen-'))
  try {
    const g = await generateCorpus({ n, seed: 1, out: dir })
    const t0 = performance.now()
    const routes = new GeneratedRoutes(dir)
    const indexMs = performance.now() - t0
    const sample = Math.min(5000, n)
    const t1 = performance.now()
    let bytes = 0
    // Render pages through the simulator's own resolver, as a crawler request would.
    const lines = readFileSync(path.join(dir, 'truth-0000.jsonl'), 'utf8').split('\n', sample)
    for (const line of lines) {
      const u = new URL((JSON.parse(line) as { url: string }).url)
      bytes += routes.resolve(u.hostname, `${u.pathname}${u.search}`)?.body().length ?? 0
    }
    const renderMs = performance.now() - t1
    const genPerSec = n / (g.ms / 1000)
    const renderPerSec = lines.length / (renderMs / 1000)
    return {
      articles: n,
      generate_seconds: +(g.ms / 1000).toFixed(2),
      generate_articles_per_s: Math.round(genPerSec),
      under_a_minute_for_100k: 100_000 / genPerSec < 60,
      simulator_index_seconds: +(indexMs / 1000).toFixed(2),
      render_sample: lines.length,
      render_pages_per_s: Math.round(renderPerSec),
      render_avg_kb: +(bytes / lines.length / 1024).toFixed(1),
      render_vs_generate_ratio: +(renderPerSec / genPerSec).toFixed(3),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
