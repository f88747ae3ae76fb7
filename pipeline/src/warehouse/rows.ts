/**
 * Turns one parsed article and its extraction into warehouse rows (pure). Attribution, resolution keys,
 * MinHash signature and provenance (article, span, archive record, extractor version) are decided here.
 */
import type { ArticleRecord } from '../domain/article.ts'
import type { DocumentMention, Extraction } from '../domain/extraction.ts'
import {
  type Attribution,
  attributeArticle,
  completeCodes,
  findProvinceNames,
  type ProvinceCodes,
  type ProvinceIndex,
  type WeightedPlace,
} from './attribution.ts'
import { articleIdFor } from './ids.ts'
import { readableIssuer } from './issuer.ts'
import { type DocumentKey, documentKey, eventKey, sameArticleReferents } from './keys.ts'
import { bandBuckets } from './minhash.ts'
import { type ArticleDigest, articleDigest, headPlaces, isArticleDigest } from './rows-digest.ts'
import type { CellValue, LoadedTable } from './tables.ts'

export interface LoadItem {
  readonly article: ArticleRecord
  readonly extraction: Extraction
  readonly archive_record_id?: string | null
  /** Overrides the batch's extractor version for this item. */
  readonly extractor_version?: string | null
  /** The province decided by the run's Attributor stage; decided here (same rule) when absent. */
  readonly attribution?: Attribution
  /** Signature and topic words, made by the page worker (rows-digest.ts); made here when absent. */
  readonly digest?: ArticleDigest
}

export interface RowContext {
  readonly provinces: ProvinceIndex
  readonly sources: ReadonlyMap<string, ProvinceCodes>
  readonly extractorVersion: string
}

export type TableRows = { [T in LoadedTable]: CellValue[][] }

export const emptyRows = (): TableRows => ({
  articles: [],
  document_mentions: [],
  event_mentions: [],
  campaign_mentions: [],
  time_mentions: [],
  place_mentions: [],
  article_signatures: [],
  article_bands: [],
  relation_mentions: [],
})

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** A real calendar date as YYYY-MM-DD, or null ("2024-02-30", "2024-06" and garbage give null). */
export const validDate = (s: string | null | undefined): string | null => {
  if (!s) return null
  const m = ISO_DATE.exec(s.slice(0, 10))
  if (!m) return null
  // Calendar arithmetic instead of a Date round trip (called for every date of every mention).
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return null
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!) ? m[0] : null
}

/** ISO timestamp that JavaScript can place on the timeline (offset honoured), or null. */
export const validTimestamp = (s: string | null | undefined): string | null => {
  if (!s) return null
  if (ISO_DATE.test(s)) return validDate(s) ? `${s}T00:00:00+07:00` : null
  return Number.isNaN(Date.parse(s)) ? null : s
}

/** The calendar date in Việt Nam (UTC+7, no DST) of an ISO timestamp. */
export const vietnamDate = (ts: string | null): string | null => {
  if (!ts) return null
  const ms = Date.parse(ts)
  if (Number.isNaN(ms)) return null
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10)
}

const int = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isInteger(n) && Math.abs(n) < 2 ** 31 ? n : null

export class InvalidItemError extends Error {}

const checkItem = (item: LoadItem): void => {
  const a = item.article as Partial<ArticleRecord> | undefined
  if (!a || typeof a !== 'object') throw new InvalidItemError('item has no article')
  if (typeof a.url !== 'string' || a.url.trim() === '') throw new InvalidItemError('article.url is empty')
  if (typeof a.title !== 'string') throw new InvalidItemError(`article.title is not a string (${a.url})`)
  if (typeof a.body_text !== 'string')
    throw new InvalidItemError(`article.body_text is not a string (${a.url})`)
  const x = item.extraction as Partial<Extraction> | undefined
  if (
    !x ||
    !Array.isArray(x.documents) ||
    !Array.isArray(x.events) ||
    !Array.isArray(x.campaigns) ||
    !Array.isArray(x.times)
  )
    throw new InvalidItemError(`extraction is missing documents/events/campaigns/times (${a.url})`)
}

/** What every row of one article carries. */
interface ArticleRows {
  readonly ctx: RowContext
  readonly out: TableRows
  readonly id: string
  readonly rec: string | null
  readonly ver: string
  readonly attr: ProvinceCodes
  readonly pubDate: string | null
}

type PlaceHit = { surface: string; start: number; end: number } & ProvinceCodes & { by: string }

/** Province names in the body: the extractor's own (one matcher), or matched here when it gave none. */
const bodyPlaces = (a: ArticleRecord, x: Extraction): PlaceHit[] =>
  x.places
    ? x.places.map((p) => ({ ...p, by: 'extractor' }))
    : findProvinceNames(a.body_text).map((p) => ({ ...p, by: 'warehouse' }))

/** Places weighted for attribution: names in the title count most, then the lead, then the body. */
const weightedPlaces = (
  head: ArticleDigest['headPlaces'],
  body: ReadonlyArray<PlaceHit>
): WeightedPlace[] => {
  const weighted: WeightedPlace[] = []
  let order = 0
  for (const h of head) weighted.push({ ...h, order: order++ })
  for (const p of body)
    weighted.push({ code_2008: p.code_2008, code_2025: p.code_2025, weight: 1, order: order++ })
  return weighted
}

// Issuers and event places repeat across mentions and articles ("UBND tỉnh …"): the gazetteer match of
// each distinct string is made once. Bounded so a long run's memory stays flat.
const FIRST_PROVINCE_MEMO = 20_000
const firstProvinceMemo = new Map<string, ProvinceCodes | undefined>()
const firstProvinceName = (text: string): ProvinceCodes | undefined => {
  if (firstProvinceMemo.has(text)) return firstProvinceMemo.get(text)
  if (firstProvinceMemo.size >= FIRST_PROVINCE_MEMO) firstProvinceMemo.clear()
  const first = findProvinceNames(text)[0]
  const codes = first && { code_2008: first.code_2008, code_2025: first.code_2025 }
  firstProvinceMemo.set(text, codes)
  return codes
}

/** A document mention's key: its issuer's own province when the issuer names one ("UBND tỉnh Lạng Sơn"), else the article's. */
export const mentionDocumentKey = (
  m: DocumentMention,
  articleDate: string | null,
  provinces: ProvinceIndex,
  articleProvince: ProvinceCodes
): DocumentKey => {
  const named = m.issuer ? firstProvinceName(m.issuer) : undefined
  return documentKey(
    m,
    validDate(m.date),
    articleDate,
    named ? completeCodes(provinces, named) : articleProvince
  )
}

/** One document_mentions row in the table's column order (an attachment's own document has no span). */
export const documentMentionRow = (
  articleId: string,
  index: number,
  m: DocumentMention,
  k: DocumentKey,
  span: { readonly start: number; readonly end: number } | null,
  record: string | null,
  version: string
): Array<string | number | null> => [
  articleId,
  index,
  m.type,
  m.number ?? null,
  m.symbol ?? null,
  int(m.year_in_symbol),
  validDate(m.date),
  m.issuer ?? null,
  m.issuer_level ?? null,
  k.issuer_scope,
  k.issuer_province_2008,
  k.issuer_province_2025,
  k.key_year,
  k.key_year_basis,
  k.document_id,
  k.document_id,
  m.surface,
  int(span?.start),
  int(span?.end),
  record,
  version,
  readableIssuer(m.issuer ?? null, k.issuer_scope),
]

const pushDocuments = ({ ctx, out, id, rec, ver, attr, pubDate }: ArticleRows, x: Extraction) => {
  // Since extractor d-2026.1 (issue #11) an issuer known only from the symbol is in `symbol_issuer`, not
  // `issuer`; the warehouse keeps reading it as before (keys, the stored issuer and its display).
  const documents = x.documents.map((m) =>
    m.issuer === null && m.symbol_issuer ? { ...m, issuer: m.symbol_issuer } : m
  )
  const docKeys = documents.map((m) => mentionDocumentKey(m, pubDate, ctx.provinces, attr))
  const referents = sameArticleReferents(documents, docKeys)
  documents.forEach((m, i) => {
    // A bare "Chỉ thị 34" next to "Chỉ thị 34-CT/TW" in the same article is keyed as that document.
    const k = docKeys[referents[i]!]!
    out.document_mentions.push(documentMentionRow(id, i, m, k, { start: m.start, end: m.end }, rec, ver))
  })
}

const pushEvents = ({ ctx, out, id, rec, ver, attr, pubDate }: ArticleRows, x: Extraction) => {
  const pubYear = pubDate ? Number(pubDate.slice(0, 4)) : null
  x.events.forEach((e, i) => {
    let codes: ProvinceCodes = { code_2008: null, code_2025: null }
    if (e.scope !== 'national') {
      const named = e.place ? firstProvinceName(e.place) : undefined
      const given = {
        code_2008: e.province_code_2008 ?? named?.code_2008 ?? null,
        code_2025: e.province_code ?? named?.code_2025 ?? null,
      }
      if (given.code_2008 === null && given.code_2025 !== null && given.code_2025 === attr.code_2025)
        codes = { code_2008: attr.code_2008, code_2025: given.code_2025 }
      else if (given.code_2008 !== null || given.code_2025 !== null)
        codes = completeCodes(ctx.provinces, given)
      else codes = { code_2008: attr.code_2008, code_2025: attr.code_2025 }
    }
    const start = validDate(e.time_start ?? null)
    const end = validDate(e.time_end ?? null) ?? start
    out.event_mentions.push([
      id,
      i,
      e.kind,
      e.scope,
      e.place ?? null,
      codes.code_2008,
      codes.code_2025,
      int(e.ordinal),
      int(e.year),
      e.period ?? null,
      e.status,
      start,
      end,
      // A Party or mass-organisation congress keys apart from an emulation congress (issue #11).
      eventKey(
        e.organization ? { ...e, kind: `${e.kind}:${e.organization}` as typeof e.kind } : e,
        codes,
        int(e.year) ?? (start ? Number(start.slice(0, 4)) : pubYear)
      ),
      e.surface,
      int(e.start),
      int(e.end),
      rec,
      ver,
      e.organization ?? null,
    ])
  })
}

const pushOtherMentions = ({ out, id, rec, ver }: ArticleRows, x: Extraction) => {
  x.campaigns.forEach((c, i) => {
    out.campaign_mentions.push([
      id,
      i,
      c.id,
      c.id.startsWith('candidate:'),
      c.surface,
      int(c.start),
      int(c.end),
      rec,
      ver,
    ])
  })

  x.times.forEach((t, i) => {
    out.time_mentions.push([
      id,
      i,
      t.surface,
      validDate(t.start),
      validDate(t.end),
      t.granularity,
      int(t.span_start),
      int(t.span_end),
      rec,
      ver,
    ])
  })

  // Relations between this article's documents (issue #16); document_relations is resolved in finalize.
  ;(x.relations ?? []).forEach((r, i) => {
    if (int(r.from) === null || typeof r.relation !== 'string') return
    out.relation_mentions.push([
      id,
      i,
      r.relation,
      int(r.from),
      int(r.to),
      r.campaign ?? null,
      int(r.event),
      int(r.start),
      int(r.end),
      ver,
    ])
  })
}

/** What attribution reads from the warehouse: the lineage index and each configured source's province. */
export type AttributionContext = Pick<RowContext, 'provinces' | 'sources'>

/** The province an item counts for: the Attributor stage's rule, and buildRows' for items it left. */
export const attributeItem = (
  ctx: AttributionContext,
  item: LoadItem,
  body: ReadonlyArray<PlaceHit> = bodyPlaces(item.article, item.extraction)
): Attribution => {
  const a = item.article
  const pubDate = vietnamDate(validTimestamp(a.published_at))
  const source = a.source_id ? (ctx.sources.get(a.source_id) ?? null) : null
  const afterMerger = pubDate === null || pubDate >= '2025-07-01'
  const head = isArticleDigest(item.digest) ? item.digest.headPlaces : headPlaces(a)
  return attributeArticle(ctx.provinces, source, weightedPlaces(head, body), afterMerger)
}

/** Builds all rows of one item into `out`; throws InvalidItemError (and adds nothing) on bad input. */
export const buildRows = (ctx: RowContext, item: LoadItem, out: TableRows): string => {
  checkItem(item)
  const a = item.article
  const x = item.extraction
  const id = articleIdFor(a.url)
  const rec = item.archive_record_id ?? null
  const ver = item.extractor_version ?? ctx.extractorVersion
  const publishedAt = validTimestamp(a.published_at)
  const pubDate = vietnamDate(publishedAt)
  const hits = bodyPlaces(a, x)
  const attr = item.attribution ?? attributeItem(ctx, item, hits)

  const digest = isArticleDigest(item.digest) ? item.digest : articleDigest(a)
  const isThidua =
    digest.thiduaWords || x.events.length > 0 || x.campaigns.some((c) => !c.id.startsWith('candidate:'))

  out.articles.push([
    id,
    a.source_id ?? null,
    a.url,
    a.title,
    publishedAt,
    pubDate,
    attr.code_2008,
    attr.code_2025,
    attr.basis,
    a.body_text,
    a.origin ?? null,
    a.platform ?? null,
    a.lead ?? null,
    a.dateline ?? null,
    [...(a.authors ?? [])],
    validTimestamp(a.updated_at),
    a.category ?? null,
    [...(a.tags ?? [])],
    a.language ?? null,
    a.content_hash ?? null,
    a.body_text.length,
    rec,
    ver,
    isThidua,
    null,
  ])

  hits.forEach((h, i) => {
    out.place_mentions.push([id, i, h.surface, h.code_2008, h.code_2025, int(h.start), int(h.end), h.by, ver])
  })

  const rows: ArticleRows = { ctx, out, id, rec, ver, attr, pubDate }
  pushDocuments(rows, x)
  pushEvents(rows, x)
  pushOtherMentions(rows, x)
  const sig = digest.signature
  if (sig) {
    out.article_signatures.push([id, sig])
    bandBuckets(sig).forEach((bucket, band) => {
      out.article_bands.push([id, band, bucket])
    })
  }
  return id
}
