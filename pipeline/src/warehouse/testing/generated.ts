/**
 * Load items from a small generated corpus (`thidua generate`): each page rendered by the simulator,
 * parsed and extracted as a run does, so warehouse tests see realistic documents, events, campaigns and
 * near-duplicates without a crawl.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { SourceConfig } from '../../domain/source.ts'
import { extract } from '../../extract/extract.ts'
import { type CorpusMeta, type GeneratedArticle, generateCorpus } from '../../generator/generate.ts'
import { parseArticle } from '../../parse/parse-article.ts'
import { GeneratedRoutes } from '../../simulator/generated-routes.ts'
import type { LoadItem } from '../rows.ts'
import { contentHash } from '../../domain/article.ts'

export interface GeneratedItems {
  readonly sources: SourceConfig[]
  readonly items: LoadItem[]
}

export const generatedItems = async (n: number, seed: number): Promise<GeneratedItems> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-gen-items-'))
  try {
    await generateCorpus({ n, seed, out: dir })
    const meta = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as CorpusMeta
    const truth = meta.shards.flatMap((s) =>
      readFileSync(path.join(dir, s), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as GeneratedArticle)
    )
    const sources = meta.sites.map((s) => s.source)
    const byId = new Map(sources.map((s) => [s.id, s]))
    const routes = new GeneratedRoutes(dir)
    const items: LoadItem[] = []
    for (const t of truth) {
      const u = new URL(t.url)
      const html = new TextDecoder().decode(routes.resolve(u.hostname, `${u.pathname}${u.search}`)?.body())
      const source = byId.get(t.source_id)
      const parsed = parseArticle(html, t.url, source ? { source } : {})
      if (!parsed.ok) continue
      const a = parsed.article
      const extraction = extract(a.body_text, { id: a.url, published: a.published_at?.slice(0, 10) ?? null })
      items.push({ article: a, extraction, archive_record_id: `urn:uuid:gen-${t.n}` })
    }
    return { sources, items }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `target` reparsed with the text (and facts) of `from`: a near-duplicate of it from now on. */
export const reparsedAs = (target: LoadItem, from: LoadItem): LoadItem => ({
  article: {
    ...target.article,
    title: from.article.title,
    body_text: from.article.body_text,
    content_hash: contentHash(from.article.body_text),
  },
  extraction: { ...from.extraction, id: target.article.url },
  archive_record_id: target.archive_record_id ?? null,
})

/** A copy of `item` under another URL, published `daysEarlier` days before it. */
export const copiedTo = (item: LoadItem, url: string, daysEarlier: number): LoadItem => {
  const at = item.article.published_at
  return {
    article: {
      ...item.article,
      url,
      published_at: at && new Date(Date.parse(at) - daysEarlier * 86_400_000).toISOString(),
    },
    extraction: { ...item.extraction, id: url },
    archive_record_id: null,
  }
}
