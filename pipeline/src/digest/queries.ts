/**
 * What a week's digest and the feeds list, read from a published (or working) warehouse. Dates are
 * Việt Nam calendar days; the week is [from, to).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryRows } from '../warehouse/db.ts'

export interface DigestData {
  readonly from: string
  readonly to: string
  readonly documents: ReadonlyArray<{
    document_id: string
    label: string
    issuer: string | null
    issued_on: string | null
    is_central: boolean
    first_cited: string
    article_id: string | null
  }>
  readonly congresses: ReadonlyArray<{
    event_id: string
    label: string
    province_name: string | null
    status: string
    day: string | null
    article_id: string | null
  }>
  readonly campaigns: ReadonlyArray<{
    campaign_id: string
    name: string
    articles: number
    provinces: number
  }>
  readonly alerts: ReadonlyArray<{
    alert_id: string
    rule_id: string
    subject: string
    fired_at: string
    evidence: string | null
  }>
}

const hasTable = async (conn: DuckDBConnection, name: string) =>
  (
    await queryRows(
      conn,
      `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $n`,
      { n: name }
    )
  ).length > 0

export async function digestData(conn: DuckDBConnection, from: string, to: string): Promise<DigestData> {
  const p = { from, to }
  // New documents: first cited this week (the first article naming them was published this week).
  const documents = await queryRows(
    conn,
    `SELECT document_id, label, issuer, CAST(issued_on AS VARCHAR) AS issued_on, coalesce(is_central, false) AS is_central,
       CAST(first_cited AS VARCHAR) AS first_cited, first_article_id AS article_id
     FROM documents WHERE first_cited >= CAST($from AS DATE) AND first_cited < CAST($to AS DATE)
     ORDER BY is_central DESC, first_cited, label`,
    p
  )
  // Congresses held or planned this week, and those first reported this week.
  const congresses = await queryRows(
    conn,
    `SELECT e.event_id, e.label, pr.name_vi AS province_name,
       CASE WHEN e.held_on IS NOT NULL THEN 'held' ELSE 'planned' END AS status,
       CAST(coalesce(e.held_on, e.planned_start) AS VARCHAR) AS day, e.first_article_id AS article_id
     FROM events e LEFT JOIN provinces pr ON pr.system = '2025' AND pr.code = e.province_code_2025
     WHERE (e.held_on >= CAST($from AS DATE) AND e.held_on < CAST($to AS DATE))
        OR (e.planned_start < CAST($to AS DATE) AND e.planned_end >= CAST($from AS DATE))
        OR e.first_article_id IN (SELECT article_id FROM articles WHERE published_date >= CAST($from AS DATE) AND published_date < CAST($to AS DATE))
     ORDER BY day NULLS LAST, e.label`,
    p
  )
  const campaigns = await queryRows(
    conn,
    `SELECT c.campaign_id, coalesce(k.name_vi, c.campaign_id) AS name, count(DISTINCT a.article_id) AS articles,
       count(DISTINCT a.province_code_2025) AS provinces
     FROM campaign_mentions c JOIN articles a USING (article_id) LEFT JOIN campaigns k USING (campaign_id)
     WHERE NOT c.is_candidate AND a.published_date >= CAST($from AS DATE) AND a.published_date < CAST($to AS DATE)
     GROUP BY ALL ORDER BY articles DESC, name`,
    p
  )
  const alerts = (await hasTable(conn, 'alerts'))
    ? await queryRows(
        conn,
        `SELECT alert_id, rule_id, subject, CAST(fired_at AS VARCHAR) AS fired_at, CAST(evidence AS VARCHAR) AS evidence
         FROM alerts WHERE CAST(timezone('Asia/Ho_Chi_Minh', fired_at) AS DATE) >= CAST($from AS DATE)
           AND CAST(timezone('Asia/Ho_Chi_Minh', fired_at) AS DATE) < CAST($to AS DATE)
         ORDER BY fired_at, alert_id`,
        p
      )
    : []
  return {
    from,
    to,
    documents: documents as never,
    congresses: congresses as never,
    campaigns: campaigns.map((c) => ({
      ...c,
      articles: Number(c.articles),
      provinces: Number(c.provinces),
    })) as never,
    alerts: alerts as never,
  }
}

/** The Monday-to-Monday week containing `day` (ISO date). */
export function weekOf(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: "${day}" (expected YYYY-MM-DD)`)
  const back = (d.getUTCDay() + 6) % 7
  const from = new Date(d.getTime() - back * 86_400_000)
  const to = new Date(from.getTime() + 7 * 86_400_000)
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }
}
