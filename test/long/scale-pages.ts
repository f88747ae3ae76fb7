/**
 * A generated corpus (`thidua generate`) as saved pages: every page rendered as the simulator serves it
 * (the same renderers, so it matches the truth file) into one JSONL of {url, html}, the input
 * `thidua ingest` reads. Used by the ingest scale test and `pnpm bench scale`.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { GeneratedRoutes } from '../../pipeline/src/simulator/generated-routes.ts'
import { readCorpusTruth } from './scale-truth.ts'

export interface SavedPage {
  readonly url: string
  readonly html: string
}

/**
 * Renders the corpus's pages into `out` (or only the first `keep` when `out` is null) and returns the
 * first `keep` pages, for measurements on a sample.
 */
export async function renderCorpusPages(
  corpus: string,
  out: string | null,
  keep = 0
): Promise<{ sample: SavedPage[]; seconds: number }> {
  const started = performance.now()
  const routes = new GeneratedRoutes(corpus)
  const decoder = new TextDecoder()
  const sample: SavedPage[] = []
  const file = out ? createWriteStream(out) : null
  for (const t of readCorpusTruth(corpus)) {
    if (!file && sample.length >= keep) break
    const u = new URL(t.url)
    const html = decoder.decode(routes.resolve(u.hostname, `${u.pathname}${u.search}`)?.body())
    if (sample.length < keep) sample.push({ url: t.url, html })
    if (file && !file.write(`${JSON.stringify({ url: t.url, html })}\n`)) await once(file, 'drain')
  }
  if (file) {
    file.end()
    await once(file, 'finish')
  }
  return { sample, seconds: (performance.now() - started) / 1000 }
}
