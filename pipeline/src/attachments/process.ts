/**
 * The attachment stage of a run: every archived PDF/DOC/DOCX gets its text (cached by SHA-256 across
 * runs, so a scan is OCRed once), its own document read from its header, and a row in `attachments`
 * (migration 0420). The document becomes a mention of the article that links to it, which resolution
 * ranks above what news articles say. Rebuilt whole after each run's articles are loaded.
 */
import { createHash } from 'node:crypto'
import type { DuckDBValue } from '@duckdb/node-api'
import type { ArchivedResponse } from '../crawl/archive.ts'
import { inTransaction, queryRows, type Warehouse } from '../warehouse/db.ts'
import { keyId } from '../warehouse/ids.ts'
import { provinceIndexFor } from '../warehouse/load.ts'
import { documentMentionRow, mentionDocumentKey } from '../warehouse/rows.ts'
import { type OwnDocument, ownDocument } from './own-document.ts'
import { mediaTypeOf, sniffAttachment } from './policy.ts'
import { type AttachmentText, attachmentText } from './text.ts'

/** Mention indexes of attachments' own documents start here, far above any article's own mentions. */
export const ATTACHMENT_MENTION_BASE = 1_000_000

export interface AttachmentSummary {
  readonly attachments: number
  readonly linked: number
  readonly with_document: number
  readonly by_method: Readonly<Record<string, number>>
  readonly errors: number
  /** The first reason OCR could not run, for the run's one-line report. */
  readonly ocr_unavailable: string | null
}

interface Pending extends AttachmentText {
  readonly url: string
  readonly source_id: string
  readonly media_type: string | null
  readonly bytes: number
  readonly sha256: string
  readonly record_id: string
  readonly own: OwnDocument | null
}

const ATT_COLUMNS = [
  'attachment_id',
  'article_id',
  'source_id',
  'url',
  'media_type',
  'bytes',
  'sha256',
  'text_chars',
  'method',
  'ocr_language',
  'extracted_text',
  'error',
  'archive_record_id',
  'document_id',
  'mention_index',
  'signer',
] as const
const DM_COLUMNS = [
  'article_id',
  'mention_index',
  'type',
  'number',
  'symbol',
  'year_in_symbol',
  'issued_on',
  'issuer',
  'issuer_level',
  'issuer_scope',
  'issuer_province_2008',
  'issuer_province_2025',
  'key_year',
  'key_year_basis',
  'key_document_id',
  'document_id',
  'surface',
  'span_start',
  'span_end',
  'archive_record_id',
  'extractor_version',
  'issuer_display',
] as const

const insert = (table: string, cols: ReadonlyArray<string>) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`

/** The article that links each attachment (its earliest), with its date and provinces. */
const linkingArticles = async (conn: Warehouse['conn']): Promise<Map<string, Record<string, unknown>>> => {
  const links = await queryRows(
    conn,
    `SELECT l.to_url AS url, first(a.article_id ORDER BY a.published_at NULLS LAST, a.article_id) AS article_id,
       first(a.published_date::VARCHAR ORDER BY a.published_at NULLS LAST, a.article_id) AS published_date,
       first(a.province_code_2008 ORDER BY a.published_at NULLS LAST, a.article_id) AS p8,
       first(a.province_code_2025 ORDER BY a.published_at NULLS LAST, a.article_id) AS p25
     FROM crawl_link_log l JOIN articles a ON a.url = l.from_url
     WHERE l.rel = 'attachment' GROUP BY l.to_url`
  )
  return new Map(links.map((l) => [String(l.url), l]))
}

/** The document_mentions row of an attachment's own document, keyed like an article's mention. */
const ownMentionRow = (
  p: Pending,
  own: OwnDocument,
  link: Record<string, unknown>,
  provinces: Awaited<ReturnType<typeof provinceIndexFor>>,
  at: { readonly articleId: string; readonly mentionIndex: number; readonly extractorVersion: string }
): { row: DuckDBValue[]; documentId: string } => {
  const article = {
    code_2008: (link.p8 as string | null) ?? null,
    code_2025: (link.p25 as string | null) ?? null,
  }
  const published = (link.published_date as string | null) ?? null
  const k = mentionDocumentKey(own.mention, published, provinces, article)
  const row = documentMentionRow(
    at.articleId,
    at.mentionIndex,
    own.mention,
    k,
    null,
    p.record_id,
    at.extractorVersion
  )
  return { row, documentId: k.document_id }
}

const attachmentRow = (
  p: Pending,
  articleId: string | null,
  own: { readonly documentId: string; readonly mentionIndex: number } | null
): DuckDBValue[] => [
  keyId('t_', [p.url]),
  articleId,
  p.source_id,
  p.url,
  p.media_type,
  p.bytes,
  p.sha256,
  p.text.length,
  p.method,
  p.ocr_language,
  p.text,
  p.error,
  p.record_id,
  own?.documentId ?? null,
  own?.mentionIndex ?? null,
  p.own?.signer ?? null,
]

export class AttachmentPass {
  private readonly pending: Pending[] = []
  private cache: Map<string, AttachmentText> | null = null

  constructor(private readonly wh: Warehouse) {}

  /** Text extracted by earlier runs, reused when it succeeded (a failed OCR is tried again). */
  private async cached(): Promise<Map<string, AttachmentText>> {
    if (this.cache) return this.cache
    const rows = await queryRows(
      this.wh.conn,
      'SELECT sha256, extracted_text, method, ocr_language FROM attachments WHERE error IS NULL'
    )
    this.cache = new Map(
      rows.map((r) => [
        String(r.sha256),
        {
          text: String(r.extracted_text ?? ''),
          method: (r.method as AttachmentText['method']) ?? null,
          ocr_language: (r.ocr_language as string | null) ?? null,
          error: null,
        },
      ])
    )
    return this.cache
  }

  async add(r: ArchivedResponse): Promise<void> {
    const kind = sniffAttachment(r.body)
    const sha256 = createHash('sha256').update(r.body).digest('hex')
    const text: AttachmentText =
      (await this.cached()).get(sha256) ??
      (kind
        ? await attachmentText(r.body, kind)
        : { text: '', method: null, ocr_language: null, error: 'not a PDF, DOC or DOCX file' })
    this.pending.push({
      ...text,
      url: r.url,
      source_id: r.source_id,
      media_type: kind ? mediaTypeOf(kind) : null,
      bytes: r.body.length,
      sha256,
      record_id: r.record_id,
      own: text.text ? ownDocument(text.text) : null,
    })
  }

  /** Writes every attachment and its own document mention; call after the run's articles are loaded. */
  async finish(extractorVersion: string): Promise<AttachmentSummary> {
    const conn = this.wh.conn
    const byUrl = await linkingArticles(conn)
    const provinces = await provinceIndexFor(conn)
    const sum = { linked: 0, withDocument: 0, errors: 0, byMethod: {} as Record<string, number> }
    let ocrUnavailable: string | null = null
    const nextIndex = new Map<string, number>()
    await inTransaction(conn, async () => {
      await conn.run(`DELETE FROM document_mentions WHERE mention_index >= ${ATTACHMENT_MENTION_BASE}`)
      await conn.run('DELETE FROM attachments')
      for (const p of this.pending) {
        const link = byUrl.get(p.url)
        const articleId = link ? String(link.article_id) : null
        if (articleId) sum.linked++
        if (p.method) sum.byMethod[p.method] = (sum.byMethod[p.method] ?? 0) + 1
        if (p.error) sum.errors++
        if (p.error?.includes('OCR unavailable')) ocrUnavailable ??= p.error
        let own: { documentId: string; mentionIndex: number } | null = null
        if (articleId && link && p.own) {
          const mentionIndex = nextIndex.get(articleId) ?? ATTACHMENT_MENTION_BASE
          nextIndex.set(articleId, mentionIndex + 1)
          const { row, documentId } = ownMentionRow(p, p.own, link, provinces, {
            articleId,
            mentionIndex,
            extractorVersion,
          })
          own = { documentId, mentionIndex }
          sum.withDocument++
          await conn.run(insert('document_mentions', DM_COLUMNS), row)
        }
        await conn.run(insert('attachments', ATT_COLUMNS), attachmentRow(p, articleId, own))
      }
    })
    return {
      attachments: this.pending.length,
      linked: sum.linked,
      with_document: sum.withDocument,
      by_method: sum.byMethod,
      errors: sum.errors,
      ocr_unavailable: ocrUnavailable,
    }
  }
}
