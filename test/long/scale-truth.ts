/**
 * Scores a warehouse built from a generated corpus (`thidua generate`) against the corpus's ground
 * truth (truth-NNNN.jsonl): which planted articles were stored or failed with a reason, and the recall and
 * precision of the planted documents, events and campaigns, per article, plus how many resolved rows
 * the warehouse made of them. Used by the scale test and the pipeline benchmark.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { canonicalUrl } from '../../pipeline/src/page/canonical-url.ts'
import type { CorpusMeta, GeneratedArticle } from '../../pipeline/src/generator/generate.ts'

export const readCorpusTruth = (dir: string): GeneratedArticle[] => {
  const meta = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as CorpusMeta
  return meta.shards.flatMap((name) =>
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as GeneratedArticle)
  )
}

export interface Score {
  readonly truth: number
  readonly found: number
  readonly extracted: number
  readonly recall: number
  readonly precision: number
}

export interface ScaleReport {
  readonly generated: number
  /** Article pages the crawler fetched with a 200 (the simulator served them). */
  readonly served: number
  readonly stored: number
  readonly parse_failed: number
  readonly crawl_failed: number
  /** Generated articles neither stored nor failed with a reason: must be 0. */
  readonly unaccounted: ReadonlyArray<string>
  /** Stored articles that the generator never planted: must be 0. */
  readonly extraneous: ReadonlyArray<string>
  readonly parse_failure_reasons: Readonly<Record<string, number>>
  readonly parse_failures_by_platform: Readonly<Record<string, number>>
  readonly title_accuracy: number
  /** Publication day (Asia/Ho_Chi_Minh) as planted. */
  readonly published_day_accuracy: number
  readonly province_2008_accuracy: number
  readonly province_2025_accuracy: number
  readonly documents: Score & { readonly issued_on_accuracy: number }
  readonly events: Score & { readonly status_accuracy: number }
  readonly campaigns: Score
  /** Distinct planted documents/events vs the warehouse's resolved rows (1.0 = one row per real entity). */
  readonly resolved_documents: { readonly truth: number; readonly rows: number; readonly ratio: number }
  readonly resolved_events: { readonly truth: number; readonly rows: number; readonly ratio: number }
}

type Row = Record<string, unknown>

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000)

const score = (truth: number, found: number, extracted: number, extractedFound: number): Score => ({
  truth,
  found,
  extracted,
  recall: ratio(found, truth),
  precision: ratio(extractedFound, extracted),
})

/** "4606/CT-UBND" or "05-CT/TU" with number "4606"/"05" → the symbol part the extractor keeps ("CT-UBND"). */
const symbolPart = (number: string, symbol: string): string =>
  (symbol.startsWith(number) ? symbol.slice(number.length).replace(/^[/-]/, '') : symbol)
    .replace(/\s+/g, '')
    .toUpperCase()

const docKey = (number: string | null, symbol: string | null) =>
  `${Number(number ?? Number.NaN)}|${symbolPart(number ?? '', symbol ?? '')}`

/** The generator plants three kinds; the contract knows congresses and conferences (EventKind). */
const eventClass = (kind: string) => (kind === 'dai_hoi_thi_dua' ? 'congress' : 'conference')

const groupBy = <T>(rows: ReadonlyArray<T>, key: (r: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = m.get(k)
    if (list) list.push(r)
    else m.set(k, [r])
  }
  return m
}

const platformOf = (url: string) => new URL(url).hostname.split('.')[1] ?? 'unknown'

export async function scoreAgainstTruth(dbFile: string, truth: ReadonlyArray<GeneratedArticle>) {
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' })
  const conn = await instance.connect()
  const rows = async (sql: string): Promise<Row[]> =>
    (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as Row[]
  try {
    const articles = await rows(
      `SELECT article_id, url, title, published_date::VARCHAR AS published_date,
              province_code_2008, province_code_2025 FROM articles`
    )
    const pages = await rows(
      `SELECT url, state, http_status, last_error FROM crawl_page_state WHERE role = 'article' OR is_article`
    )
    const parseFailures = await rows('SELECT url, reason FROM parse_failures')
    const docMentions = await rows(
      'SELECT article_id, number, symbol, issued_on::VARCHAR AS issued_on FROM document_mentions'
    )
    // The generator plants emulation congresses and conferences only; Party and mass-organisation
    // congresses (kind 'other', extractor d-2026.1) that its prose names in passing are not in its truth.
    const eventMentions = await rows(
      "SELECT article_id, kind, ordinal, status FROM event_mentions WHERE kind <> 'other'"
    )
    const campaignMentions = await rows(
      'SELECT article_id, campaign_id FROM campaign_mentions WHERE NOT coalesce(is_candidate, false)'
    )
    const documentRows = Number((await rows('SELECT count(*)::INT AS n FROM documents'))[0]?.n)
    const eventRows = Number(
      (await rows("SELECT count(*)::INT AS n FROM events WHERE kind <> 'other'"))[0]?.n
    )

    const articleByUrl = new Map(articles.map((a) => [String(a.url), a]))
    const pageByUrl = new Map(pages.map((p) => [String(p.url), p]))
    const failureByUrl = new Map(parseFailures.map((f) => [String(f.url), String(f.reason ?? '')]))
    const docsByArticle = groupBy(docMentions, (r) => String(r.article_id))
    const eventsByArticle = groupBy(eventMentions, (r) => String(r.article_id))
    const campaignsByArticle = groupBy(campaignMentions, (r) => String(r.article_id))

    const truthUrls = new Set<string>()
    const unaccounted: string[] = []
    const reasons: Record<string, number> = {}
    const failuresByPlatform: Record<string, number> = {}
    let served = 0
    let stored = 0
    let parseFailed = 0
    let crawlFailed = 0
    let titles = 0
    let published = 0
    let p2008 = 0
    let p2025 = 0
    const docs = { truth: 0, found: 0, extracted: 0, extractedFound: 0, dated: 0 }
    const events = { truth: 0, found: 0, extracted: 0, extractedFound: 0, status: 0 }
    const camps = { truth: 0, found: 0, extracted: 0, extractedFound: 0 }
    const truthDocuments = new Set<string>()
    const truthEvents = new Set<string>()

    for (const t of truth) {
      for (const d of t.documents)
        truthDocuments.add(
          `${t.province_code_2008}|${d.type}|${docKey(d.number, d.symbol)}|${d.date?.slice(0, 4)}`
        )
      for (const e of t.events) truthEvents.add(`${t.province_code_2008}|${eventClass(e.kind)}|${e.ordinal}`)

      const url = canonicalUrl(t.url)
      truthUrls.add(url)
      const page = pageByUrl.get(url)
      if (page?.state === 'stored' && Number(page.http_status ?? 200) === 200) served++
      const a = articleByUrl.get(url)
      if (!a) {
        const reason = failureByUrl.get(url)
        if (reason) {
          parseFailed++
          const short = reason.replace(/\d+/g, 'N')
          reasons[short] = (reasons[short] ?? 0) + 1
          failuresByPlatform[platformOf(url)] = (failuresByPlatform[platformOf(url)] ?? 0) + 1
        } else if (page?.state === 'failed' && page.last_error) crawlFailed++
        else unaccounted.push(url)
        continue
      }
      stored++
      if (a.title === t.title) titles++
      // The day, in Vietnam's time: some platforms print the date without the time of day.
      if (a.published_date === t.published_at.slice(0, 10)) published++
      if (a.province_code_2008 === t.province_code_2008) p2008++
      if (a.province_code_2025 === t.province_code_2025) p2025++
      const id = String(a.article_id)

      // Per article, as sets: a document cited twice in one text is one citation.
      const truthDocs = new Map(t.documents.map((d) => [docKey(d.number, d.symbol), d]))
      const gotDocs = new Map(
        (docsByArticle.get(id) ?? []).map((m) => [docKey(String(m.number), String(m.symbol)), m])
      )
      docs.truth += truthDocs.size
      docs.extracted += gotDocs.size
      for (const [k, d] of truthDocs) {
        const m = gotDocs.get(k)
        if (!m) continue
        docs.found++
        if (m.issued_on === d.date) docs.dated++
      }
      for (const k of gotDocs.keys()) if (truthDocs.has(k)) docs.extractedFound++

      const evKey = (kind: string, ordinal: unknown) => `${eventClass(kind)}|${ordinal}`
      const truthEv = new Map(t.events.map((e) => [evKey(e.kind, e.ordinal), e]))
      const gotEv = new Map((eventsByArticle.get(id) ?? []).map((m) => [evKey(String(m.kind), m.ordinal), m]))
      events.truth += truthEv.size
      events.extracted += gotEv.size
      for (const [k, e] of truthEv) {
        const m = gotEv.get(k)
        if (!m) continue
        events.found++
        if (m.status === e.status) events.status++
      }
      for (const k of gotEv.keys()) if (truthEv.has(k)) events.extractedFound++

      const truthCamps = new Set(t.campaigns)
      const gotCamps = new Set((campaignsByArticle.get(id) ?? []).map((m) => String(m.campaign_id)))
      camps.truth += truthCamps.size
      camps.extracted += gotCamps.size
      for (const c of truthCamps) if (gotCamps.has(c)) camps.found++
      for (const c of gotCamps) if (truthCamps.has(c)) camps.extractedFound++
    }

    const report: ScaleReport = {
      generated: truth.length,
      served,
      stored,
      parse_failed: parseFailed,
      crawl_failed: crawlFailed,
      unaccounted,
      extraneous: articles.map((a) => String(a.url)).filter((u) => !truthUrls.has(u)),
      parse_failure_reasons: reasons,
      parse_failures_by_platform: failuresByPlatform,
      title_accuracy: ratio(titles, stored),
      published_day_accuracy: ratio(published, stored),
      province_2008_accuracy: ratio(p2008, stored),
      province_2025_accuracy: ratio(p2025, stored),
      documents: {
        ...score(docs.truth, docs.found, docs.extracted, docs.extractedFound),
        issued_on_accuracy: ratio(docs.dated, docs.found),
      },
      events: {
        ...score(events.truth, events.found, events.extracted, events.extractedFound),
        status_accuracy: ratio(events.status, events.found),
      },
      campaigns: score(camps.truth, camps.found, camps.extracted, camps.extractedFound),
      resolved_documents: {
        truth: truthDocuments.size,
        rows: documentRows,
        ratio: ratio(documentRows, truthDocuments.size),
      },
      resolved_events: {
        truth: truthEvents.size,
        rows: eventRows,
        ratio: ratio(eventRows, truthEvents.size),
      },
    }
    return report
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** Order-independent fingerprint of every data table (count + xor of row hashes), for convergence checks. */
export const DATA_TABLES = [
  'articles',
  'document_mentions',
  'event_mentions',
  'campaign_mentions',
  'time_mentions',
  'place_mentions',
  'article_clusters',
  'documents',
  'events',
  'event_conflicts',
  'search_terms',
  'search_df',
] as const

export async function tableFingerprints(dbFile: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' })
  const conn = await instance.connect()
  try {
    const out: Record<string, string> = {}
    for (const t of DATA_TABLES) {
      const r = (
        await conn.runAndReadAll(`SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) AS h FROM ${t} x`)
      ).getRowObjectsJson()
      out[t] = String(r[0]?.h)
    }
    return out
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}
