/**
 * What changed since the last finalize (migration 0620), as temp.fin_changed, and whether the run must
 * rebuild in full: asked to, never finalized, finalize logic changed (FINALIZE_VERSION), a changed
 * article carries another extractor version (its mentions follow other rules than the rest), or more
 * than half of the articles changed (a full build is then cheaper).
 * Attachments are rewritten by their own stage, not by loadBatch: the rows finalize saw last time are
 * compared with today's, and an article whose attachment rows differ counts as changed.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryRows } from './db.ts'

/** Bump when the finalize SQL changes meaning: the next finalize then rebuilds everything. */
export const FINALIZE_VERSION = 1

export interface ChangeSet {
  readonly full: boolean
  /** Why the run is full (empty when incremental). */
  readonly reason: string
  /** Changed articles (all articles when full). */
  readonly changed: number
}

// Attachment rows and attachment-document mentions (mention_index >= 1,000,000, written by attachments/).
const ATTACHMENT_ROWS = `
  SELECT article_id, hash(attachment_id, mention_index, document_id, sha256, text_chars, error) AS row_hash,
    NULL::VARCHAR AS document_id
  FROM attachments WHERE article_id IS NOT NULL
  UNION ALL
  SELECT article_id, hash(mention_index, type, number, symbol, issued_on, issuer, issuer_scope, key_year,
    key_document_id, document_id, issuer_display), document_id
  FROM document_mentions WHERE mention_index >= 1000000`

const attachmentChanges = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_att_diff AS
    WITH now AS (${ATTACHMENT_ROWS})
    (SELECT article_id, row_hash, document_id FROM now EXCEPT SELECT article_id, row_hash, document_id FROM finalize_attachments_seen)
    UNION ALL
    (SELECT article_id, row_hash, document_id FROM finalize_attachments_seen EXCEPT SELECT article_id, row_hash, document_id FROM now)`)
  await conn.run(`INSERT INTO finalize_stale_ids
    SELECT DISTINCT 'document', document_id FROM temp.fin_att_diff WHERE document_id IS NOT NULL`)
}

const fullReason = async (conn: DuckDBConnection, asked: boolean): Promise<string> => {
  if (asked) return 'asked (--full)'
  const [state] = await queryRows(conn, 'SELECT finalize_version, extractor_version FROM finalize_state')
  if (!state) return 'first finalize of this warehouse'
  if (Number(state.finalize_version) !== FINALIZE_VERSION) return 'finalize logic changed'
  const [other] = await queryRows(
    conn,
    `SELECT extractor_version FROM articles WHERE article_id IN (SELECT article_id FROM temp.fin_changed)
     AND extractor_version IS DISTINCT FROM $1 LIMIT 1`,
    [(state.extractor_version as string | null) ?? null]
  )
  if (other) return `extractor version changed (${String(other.extractor_version)})`
  // A reparse of everything: the full build is the cheaper road to the same tables.
  const [share] = await queryRows(
    conn,
    `SELECT (SELECT count(*) FROM temp.fin_changed) AS changed, (SELECT count(*) FROM articles) AS total`
  )
  return Number(share?.changed) * 2 > Number(share?.total) ? 'more than half of the articles changed' : ''
}

/** Fills temp.fin_changed (all articles when full) and decides full vs incremental. */
export const prepareChanges = async (conn: DuckDBConnection, askedFull: boolean): Promise<ChangeSet> => {
  await attachmentChanges(conn)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_changed AS
    SELECT DISTINCT article_id FROM finalize_pending
    UNION SELECT article_id FROM temp.fin_att_diff`)
  const reason = await fullReason(conn, askedFull)
  if (reason !== '')
    await conn.run('CREATE OR REPLACE TEMP TABLE fin_changed AS SELECT article_id FROM articles')
  const [n] = await queryRows(conn, 'SELECT count(*) AS n FROM temp.fin_changed')
  return { full: reason !== '', reason, changed: Number(n?.n ?? 0) }
}

/** After a finalize: empty the queues and remember what it saw. */
export const recordFinalized = async (conn: DuckDBConnection, changes: ChangeSet): Promise<void> => {
  for (const t of ['finalize_pending', 'finalize_stale_ids', 'finalize_stale_bands', 'finalize_stale_cells'])
    await conn.run(`DELETE FROM ${t}`)
  await conn.run('DELETE FROM finalize_attachments_seen')
  await conn.run(`INSERT INTO finalize_attachments_seen ${ATTACHMENT_ROWS}`)
  await conn.run('DELETE FROM finalize_state')
  await conn.run(
    `INSERT INTO finalize_state
     SELECT $1, (SELECT max(extractor_version) FROM articles), $2, $3, now()`,
    [FINALIZE_VERSION, changes.full ? 'full' : 'incremental', changes.changed]
  )
}
