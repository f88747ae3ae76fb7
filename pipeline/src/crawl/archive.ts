/**
 * Raw archive: every stored response (status line, headers, body bytes) as a gzipped WARC/1.1
 * `response` record, written with warcio under `<dbFile>.archive/`. Each crawl process appends to its
 * own file, one gzip member per record, and the record is on disk before the page is committed in
 * DuckDB, so a killed crawl leaves at worst a torn last record (skipped by the reader) and the page is
 * fetched again. `readArchive` gives the latest successful fetch of every URL, so `thidua reparse`
 * re-runs parsing and extraction without the network.
 */
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  closeSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio'

/**
 * The record's uncompressed bytes, exactly as warcio writes them, with its block digest taken by
 * node:crypto first: warcio would hash with a fresh WASM instance per record, the crawl's largest
 * per-page cost after parsing.
 */
export const recordBytes = async (record: WARCRecord, body: Uint8Array): Promise<Uint8Array> => {
  const sha256 = (...parts: Array<string | Uint8Array>) => {
    const h = createHash('sha256')
    for (const p of parts) h.update(p)
    return `sha256:${h.digest('hex')}`
  }
  const http = record.httpHeaders ? `${record.httpHeaders.toString()}\r\n` : ''
  const headers = record.warcHeaders.headers
  if (!record.warcPayloadDigest) headers.set('WARC-Payload-Digest', sha256(body))
  headers.set('WARC-Block-Digest', sha256(http, body))
  return WARCSerializer.serialize(record, { gzip: false })
}

export interface ArchivedResponse {
  readonly url: string
  readonly source_id: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
  /** ISO time of the fetch. */
  readonly fetched_at: string
  /** WARC-Record-ID, e.g. "<urn:uuid:...>"; crawl_page_state.record_id points here. */
  readonly record_id: string
  /** How the crawler classified the page (optional extra over contract #4). */
  readonly is_article?: boolean
}

export const archiveDirFor = (dbFile: string): string => `${dbFile}.archive`

const SOURCE_HEADER = 'Thidua-Source-Id'
const ARTICLE_HEADER = 'Thidua-Is-Article'

const statusText = (status: number): string =>
  ({ 200: 'OK', 203: 'Non-Authoritative Information', 206: 'Partial Content' })[status] ?? 'OK'

export class ArchiveWriter {
  private fd: number | null = null
  readonly file: string

  constructor(dbFile: string, runId: string) {
    const dir = archiveDirFor(dbFile)
    mkdirSync(dir, { recursive: true })
    const safeRun = runId.replace(/[^\w.-]+/g, '_')
    this.file = path.join(dir, `${Date.now()}-${safeRun}-${process.pid}.warc.gz`)
  }

  /** Append one response; returns its WARC-Record-ID once the bytes are written. */
  async append(
    r: Omit<ArchivedResponse, 'record_id'> & { readonly payloadSha256?: string | null }
  ): Promise<string> {
    const headers: Array<[string, string]> = Object.entries(r.headers).filter(
      ([k]) => k.toLowerCase() !== 'transfer-encoding' && k.toLowerCase() !== 'content-encoding'
    )
    const record = WARCRecord.create(
      {
        url: r.url,
        date: r.fetched_at,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${r.status} ${statusText(r.status)}`,
        httpHeaders: headers,
        warcHeaders: {
          // The crawler hashed the body already.
          ...(r.payloadSha256 ? { 'WARC-Payload-Digest': `sha256:${r.payloadSha256}` } : {}),
          [SOURCE_HEADER]: r.source_id,
          ...(r.is_article === undefined ? {} : { [ARTICLE_HEADER]: String(r.is_article) }),
        },
      },
      [r.body]
    )
    // One gzip member per record, synchronously: zlib's async path cost more CPU per record than its work.
    const bytes = gzipSync(await recordBytes(record, r.body))
    const id = record.warcHeader('WARC-Record-ID')
    if (!id) throw new Error('warcio produced a record without WARC-Record-ID')
    if (this.fd === null) this.fd = openSync(this.file, 'a')
    writeSync(this.fd, bytes)
    return id
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

interface IndexEntry {
  file: string
  offset: number
  length: number
  date: string
}

const archiveFiles = (dbFile: string): string[] => {
  const dir = archiveDirFor(dbFile)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.warc.gz') || f.endsWith('.warc'))
    .sort()
    .map((f) => path.join(dir, f))
}

/** First pass: where the latest successful record of every URL lives. Torn tails end a file early. */
async function indexArchive(dbFile: string): Promise<Map<string, IndexEntry>> {
  const latest = new Map<string, IndexEntry>()
  for (const file of archiveFiles(dbFile)) {
    const parser = new WARCParser(createReadStream(file))
    try {
      for await (const record of parser) {
        await record.skipFully()
        const url = record.warcTargetURI
        const status = Number(record.httpHeaders?.statusCode ?? 0)
        if (record.warcType !== 'response' || !url || status < 200 || status >= 300) continue
        const date = record.warcDate ?? ''
        const prior = latest.get(url)
        if (!prior || prior.date <= date) {
          latest.set(url, { file, offset: parser.offset, length: parser.recordLength, date })
        }
      }
    } catch {
      // A crawl killed mid-write leaves a torn final record; everything before it is intact.
    }
  }
  return latest
}

const readSlice = (file: string, offset: number, length: number): Uint8Array => {
  const size = statSync(file).size
  const n = Math.min(length, size - offset)
  const buf = Buffer.alloc(n)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, n, offset)
  } finally {
    closeSync(fd)
  }
  return buf
}

const headersOf = (record: WARCRecord): Record<string, string> => {
  const out: Record<string, string> = {}
  const h = record.httpHeaders?.headers
  if (h) for (const [k, v] of h as Iterable<[string, string]>) out[k.toLowerCase()] = v
  return out
}

/** Latest successful fetch of every archived URL, oldest file first within the archive. */
export async function* readArchive(dbFile: string): AsyncGenerator<ArchivedResponse> {
  const index = await indexArchive(dbFile)
  const entries = [...index.entries()].sort(([, a], [, b]) =>
    a.file === b.file ? a.offset - b.offset : a.file < b.file ? -1 : 1
  )
  for (const [url, entry] of entries) {
    const record = await WARCParser.parse([readSlice(entry.file, entry.offset, entry.length)])
    if (!record) continue
    const body = await record.readFully(true)
    const article = record.warcHeader(ARTICLE_HEADER)
    yield {
      url,
      source_id: record.warcHeader(SOURCE_HEADER) ?? '',
      status: Number(record.httpHeaders?.statusCode ?? 0),
      headers: headersOf(record),
      body,
      fetched_at: record.warcDate ?? entry.date,
      record_id: record.warcHeader('WARC-Record-ID') ?? '',
      ...(article === null || article === undefined ? {} : { is_article: article === 'true' }),
    }
  }
}
