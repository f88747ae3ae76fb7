/**
 * One SQL query per rule kind. Each answers rows (key, subject, evidence): `key` names the event the
 * alert is about (a document, a province × document, a congress, a source's silence or failure streak),
 * so the alert id derived from it is the same on every run and an event fires once. `$now` is the date
 * the rules are evaluated at (injected, so tests and catch-up runs are reproducible).
 */
import type { AlertRule } from './config.ts'

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`

const NEW_CENTRAL = `
SELECT document_id AS key,
  'Văn bản trung ương mới: ' || label || coalesce(' của ' || issuer, '') || coalesce(' (' || CAST(issued_on AS VARCHAR) || ')', '') AS subject,
  CAST(json_object('document_id', document_id, 'label', label, 'issuer', issuer, 'issued_on', issued_on,
    'first_cited', first_cited, 'article_id', first_article_id, 'articles', article_count) AS VARCHAR) AS evidence
FROM documents
WHERE is_central AND coalesce(issued_on, first_cited) <= CAST($now AS DATE)
  AND ($max_age IS NULL OR coalesce(issued_on, first_cited) >= CAST($now AS DATE) - CAST($max_age AS INTEGER))`

const notAnswered = (docs: ReadonlyArray<string> | 'all_central') => `
SELECT c.document_id || '|' || p.system || ':' || p.code AS key,
  p.name_vi || ' chưa có văn bản thực hiện ' || c.label || ' sau ' || date_diff('day', c.issued_on, CAST($now AS DATE)) || ' ngày' AS subject,
  CAST(json_object('document_id', c.document_id, 'label', c.label, 'issued_on', c.issued_on, 'system', p.system,
    'province_code', p.code, 'province_name', p.name_vi, 'days', date_diff('day', c.issued_on, CAST($now AS DATE)),
    'after_days', $after) AS VARCHAR) AS evidence
FROM documents c
JOIN provinces p ON p.system = $system AND (p.system = '2025' OR c.issued_on < coalesce(p.valid_to, DATE '9999-12-31'))
WHERE c.is_central AND c.issued_on IS NOT NULL
  ${docs === 'all_central' ? '' : `AND c.display_symbol IN (${docs.map(quote).join(', ')})`}
  AND date_diff('day', c.issued_on, CAST($now AS DATE)) > $after
  AND NOT EXISTS (
    SELECT 1 FROM v_implementation i WHERE i.central_document_id = c.document_id AND i.system = p.system
      AND (CASE p.system WHEN '2008' THEN i.province_code_2008 ELSE i.province_code_2025 END) = p.code
      AND (i.issued_on IS NULL OR i.issued_on <= CAST($now AS DATE)))`

const CONGRESS_OVERDUE = `
SELECT e.event_id AS key,
  e.label || coalesce(' – ' || p.name_vi, '') || ': quá hạn dự kiến (' || CAST(e.planned_start AS VARCHAR) || ' – ' || CAST(e.planned_end AS VARCHAR) || '), chưa có tin đã tổ chức' AS subject,
  CAST(json_object('event_id', e.event_id, 'label', e.label, 'province_code', e.province_code_2025, 'province_name', p.name_vi,
    'planned_start', e.planned_start, 'planned_end', e.planned_end, 'article_id', e.first_article_id,
    'days_overdue', date_diff('day', e.planned_end, CAST($now AS DATE))) AS VARCHAR) AS evidence
FROM events e LEFT JOIN provinces p ON p.system = '2025' AND p.code = e.province_code_2025
WHERE e.kind = 'dai_hoi_thi_dua' AND e.planned_end IS NOT NULL AND e.held_on IS NULL
  AND date_diff('day', e.planned_end, CAST($now AS DATE)) > $grace`

const SOURCE_SILENT = `
WITH d AS (
  SELECT DISTINCT source_id, published_date FROM articles
  WHERE source_id IS NOT NULL AND published_date IS NOT NULL AND published_date <= CAST($now AS DATE)
),
g AS (
  SELECT source_id, published_date,
    date_diff('day', lag(published_date) OVER (PARTITION BY source_id ORDER BY published_date), published_date) AS gap
  FROM d
),
s AS (SELECT source_id, max(published_date) AS last, median(gap) AS usual, count(*) AS days FROM g GROUP BY source_id)
SELECT s.source_id || '|' || CAST(s.last AS VARCHAR) AS key,
  'Nguồn ' || coalesce(src.name, s.source_id) || ' im lặng ' || date_diff('day', s.last, CAST($now AS DATE)) || ' ngày (thường ' || CAST(round(s.usual) AS INTEGER) || ' ngày một bài)' AS subject,
  CAST(json_object('source_id', s.source_id, 'name', src.name, 'last_published', s.last, 'usual_gap_days', s.usual,
    'silent_days', date_diff('day', s.last, CAST($now AS DATE))) AS VARCHAR) AS evidence
FROM s LEFT JOIN sources src USING (source_id)
WHERE s.days >= 3 AND date_diff('day', s.last, CAST($now AS DATE)) > greatest($min_days, $factor * s.usual)`

const SOURCE_FAILING = `
WITH f AS (
  SELECT source_id, fetched_at, url, status, error,
    (not_modified OR (status BETWEEN 200 AND 399 AND error IS NULL)) AS ok,
    row_number() OVER (PARTITION BY source_id ORDER BY fetched_at DESC, url) AS k
  FROM crawl_fetches WHERE source_id IS NOT NULL AND fetched_at <= CAST($now AS TIMESTAMPTZ) + INTERVAL 1 DAY
),
last_ok AS (SELECT source_id, max(fetched_at) FILTER (WHERE ok) AS at FROM f GROUP BY source_id),
recent AS (
  SELECT source_id, count(*) AS n, bool_and(NOT ok) AS all_failed,
    first(coalesce(error, 'HTTP ' || status) ORDER BY fetched_at DESC) AS last_error, first(url ORDER BY fetched_at DESC) AS url
  FROM f WHERE k <= $min GROUP BY source_id
)
SELECT r.source_id || '|' || coalesce(CAST(l.at AS VARCHAR), 'never') AS key,
  'Nguồn ' || coalesce(src.name, r.source_id) || ' lỗi liên tiếp: ' || r.last_error AS subject,
  CAST(json_object('source_id', r.source_id, 'name', src.name, 'last_success', l.at, 'last_error', r.last_error,
    'url', r.url, 'failures', r.n) AS VARCHAR) AS evidence
FROM recent r JOIN last_ok l USING (source_id) LEFT JOIN sources src USING (source_id)
WHERE r.n >= $min AND r.all_failed`

/** The query and parameters of one rule. */
export function ruleQuery(
  rule: AlertRule,
  now: string
): { sql: string; params: Record<string, string | number | null> } {
  switch (rule.kind) {
    case 'new_central_document':
      return { sql: NEW_CENTRAL, params: { now, max_age: rule.max_age_days ?? null } }
    case 'not_answered':
      return {
        sql: notAnswered(rule.documents),
        params: { now, after: rule.after_days, system: rule.system ?? '2025' },
      }
    case 'congress_overdue':
      return { sql: CONGRESS_OVERDUE, params: { now, grace: rule.grace_days } }
    case 'source_silent':
      return { sql: SOURCE_SILENT, params: { now, min_days: rule.min_days, factor: rule.factor } }
    case 'source_failing':
      return { sql: SOURCE_FAILING, params: { now, min: rule.min_failures } }
  }
}
