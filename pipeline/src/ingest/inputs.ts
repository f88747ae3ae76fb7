/**
 * What `thidua ingest` reads, as one stream of items: WARC files (response records, gzip per record or
 * plain, read with warcio as the crawler's own archive is), a directory of saved HTML pages, or JSONL
 * of articles (`{url, html}` or `{url, title, text, published}`). A bad line or record is an item
 * with its place and reason, so the rest of the input goes on.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { WARCParser } from 'warcio'
import { type ArticleRecord, textArticle } from '../domain/article.ts'
import { canonicalUrl } from '../page/canonical-url.ts'
import { decodeHtml } from '../page/decode.ts'
import { toVietnamIso } from '../parse/dates.ts'

export type IngestItem =
  | { readonly kind: 'page'; readonly url: string; readonly html: string; readonly now: string | null }
  | { readonly kind: 'record'; readonly article: ArticleRecord }
  | { readonly kind: 'bad'; readonly where: string; readonly reason: string }
  | { readonly kind: 'other' }

type InputKind = 'warc' | 'html-dir' | 'jsonl'

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The kind of one input path; a missing path or an unknown file type is one clear error line. */
export const inputKind = (p: string): InputKind => {
  if (!existsSync(p)) throw new Error(`ingest: no such file or directory: ${p}`)
  if (statSync(p).isDirectory()) return 'html-dir'
  if (/\.warc(\.gz)?$/i.test(p)) return 'warc'
  if (/\.(jsonl|ndjson)$/i.test(p)) return 'jsonl'
  throw new Error(`ingest: unknown input type: ${p} (expected .warc, .warc.gz, .jsonl or a directory)`)
}

/** A canonical http(s) URL, or the reason it is not one. */
const urlOf = (raw: unknown): string | { reason: string } => {
  if (typeof raw !== 'string' || raw.trim() === '') return { reason: 'no "url"' }
  try {
    return canonicalUrl(raw)
  } catch (e) {
    return { reason: message(e) }
  }
}

async function* readWarc(file: string): AsyncGenerator<IngestItem> {
  const parser = new WARCParser(createReadStream(file))
  let n = 0
  try {
    for await (const record of parser) {
      n++
      if (record.warcType !== 'response') {
        await record.skipFully()
        continue
      }
      const status = Number(record.httpHeaders?.statusCode ?? 0)
      const type = record.httpHeaders?.headers.get('content-type') ?? null
      if (status < 200 || status >= 300 || (type !== null && !/html/i.test(type))) {
        await record.skipFully()
        yield { kind: 'other' }
        continue
      }
      const url = urlOf(record.warcTargetURI)
      const body = await record.readFully(true)
      if (typeof url !== 'string') yield { kind: 'bad', where: `${file}#${n}`, reason: url.reason }
      else yield { kind: 'page', url, html: decodeHtml(body, type).text, now: record.warcDate ?? null }
    }
  } catch (e) {
    // A torn last record (a copy cut short) ends the file; everything before it was read.
    yield { kind: 'bad', where: `${file}#${n}`, reason: `unreadable WARC record: ${message(e)}` }
  }
}

const CANONICAL =
  /<link\b[^>]*rel=["']?canonical["']?[^>]*href=["']([^"']+)["']|<link\b[^>]*href=["']([^"']+)["'][^>]*rel=["']?canonical/i
const OG_URL =
  /<meta\b[^>]*property=["']og:url["'][^>]*content=["']([^"']+)["']|<meta\b[^>]*content=["']([^"']+)["'][^>]*property=["']og:url["']/i

/** A saved page's own URL: its canonical link or og:url, else `baseUrl` + its path in the folder. */
const savedPageUrl = (html: string, relPath: string, baseUrl: string | null): string | null => {
  const head = html.slice(0, 50_000)
  const m = CANONICAL.exec(head) ?? OG_URL.exec(head)
  const named = m?.[1] ?? m?.[2]
  if (named) return named.replace(/&amp;/g, '&')
  return baseUrl ? new URL(relPath.split(path.sep).join('/'), baseUrl).toString() : null
}

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = path.join(dir, e.name)
      return e.isDirectory() ? htmlFiles(p) : /\.html?$/i.test(e.name) ? [p] : []
    })

async function* readHtmlDir(dir: string, baseUrl: string | null): AsyncGenerator<IngestItem> {
  for (const file of htmlFiles(dir)) {
    const html = decodeHtml(readFileSync(file), null).text
    const raw = savedPageUrl(html, path.relative(dir, file), baseUrl)
    const url =
      raw === null ? { reason: 'the page names no canonical URL or og:url (give --base-url)' } : urlOf(raw)
    if (typeof url !== 'string') yield { kind: 'bad', where: file, reason: url.reason }
    else yield { kind: 'page', url, html, now: statSync(file).mtime.toISOString() }
  }
}

/** "2024-03-05" or any ISO instant → ISO with +07:00; null when absent; a reason when unreadable. */
const publishedOf = (raw: unknown): string | null | { reason: string } => {
  if (raw === undefined || raw === null || raw === '') return null
  if (typeof raw !== 'string') return { reason: '"published" is not a string' }
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const d = new Date(`${raw}T00:00:00+07:00`)
    return Number.isNaN(d.getTime()) || toVietnamIso(d).slice(0, 10) !== raw
      ? { reason: `"published" is not a date: ${raw}` }
      : toVietnamIso(d)
  }
  const t = Date.parse(raw)
  return Number.isNaN(t) ? { reason: `"published" is not a date: ${raw}` } : toVietnamIso(new Date(t))
}

/** An article given as text: the record the parser would give, built from the line's fields. */
const articleOf = (url: string, o: Record<string, unknown>): ArticleRecord | { reason: string } => {
  if (typeof o.text !== 'string' || o.text.trim() === '') return { reason: 'no "html" and no "text"' }
  if (o.title !== undefined && typeof o.title !== 'string') return { reason: '"title" is not a string' }
  const published = publishedOf(o.published)
  if (published !== null && typeof published !== 'string') return published
  const body = o.text.normalize('NFC').trim()
  return textArticle({
    url,
    source_id: null,
    platform: 'ingest',
    title: (o.title ?? '').normalize('NFC').trim(),
    published_at: published,
    body_text: body,
    origin: 'unknown',
  })
}

/** One JSONL line as an item. */
const jsonlItem = (line: string, where: string): IngestItem => {
  let o: unknown
  try {
    o = JSON.parse(line)
  } catch (e) {
    return { kind: 'bad', where, reason: `not JSON (${message(e)})` }
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    return { kind: 'bad', where, reason: 'not a JSON object' }
  const rec = o as Record<string, unknown>
  const url = urlOf(rec.url)
  if (typeof url !== 'string') return { kind: 'bad', where, reason: url.reason }
  if (typeof rec.html === 'string') return { kind: 'page', url, html: rec.html, now: null }
  const article = articleOf(url, rec)
  return 'reason' in article ? { kind: 'bad', where, reason: article.reason } : { kind: 'record', article }
}

async function* readJsonl(file: string): AsyncGenerator<IngestItem> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let n = 0
  for await (const line of lines) {
    n++
    if (line.trim() !== '') yield jsonlItem(line, `${file}:${n}`)
  }
}

/** Every item of every input, in the order given (a directory in name order). */
export async function* readInputs(
  paths: ReadonlyArray<string>,
  opts: { readonly baseUrl?: string | null; readonly onInput?: (p: string) => void } = {}
): AsyncGenerator<IngestItem> {
  const kinds = paths.map((p) => [p, inputKind(p)] as const)
  for (const [p, kind] of kinds) {
    opts.onInput?.(p)
    if (kind === 'warc') yield* readWarc(p)
    else if (kind === 'jsonl') yield* readJsonl(p)
    else yield* readHtmlDir(p, opts.baseUrl ?? null)
  }
}
