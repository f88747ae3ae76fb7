/**
 * Per-province timeline items (documents, conferences, congresses) and the national milestones. Each
 * item says how many articles report it (`reports`), which drill down through `event_id`/`document_id`;
 * in the 34-unit system an item from a province merged into this one names it (`origin_name`).
 */
const TIMELINE_ITEMS = (provinceFilter: string, extra = '') => `
SELECT ${extra}t.province_code, p.name_vi AS province_name, CAST(t.item_date AS VARCHAR) AS item_date, t.item_kind, t.label,
  t.status, CAST(t.planned_start AS VARCHAR) AS planned_start, CAST(t.planned_end AS VARCHAR) AS planned_end,
  CAST(t.held_on AS VARCHAR) AS held_on, t.delay_days, t.article_id, t.event_id, t.document_id,
  coalesce(e.mention_count, d.article_count) AS reports, coalesce(e.has_conflict, false) AS has_conflict,
  t.organization, t.origin_code_2008, t.origin_name, t.from_merged_province
FROM v_province_timeline_labelled t
LEFT JOIN provinces p ON p.code = t.province_code AND p.system = t.system
LEFT JOIN events e ON e.event_id = t.event_id
LEFT JOIN documents d ON d.document_id = t.document_id
WHERE t.system = $system AND ${provinceFilter}
  AND ($from IS NULL OR t.item_date >= CAST($from AS DATE)) AND ($to IS NULL OR t.item_date <= CAST($to AS DATE))
  AND (CAST($kind AS VARCHAR) IS NULL OR t.item_kind = $kind)`

export const TIMELINE_SQL = (provinceFilter: string) =>
  `${TIMELINE_ITEMS(provinceFilter)}\nORDER BY t.province_code, t.item_date NULLS LAST, t.label`

/** One page of TIMELINE_SQL, in its order, with the number of items as `total`. */
export const TIMELINE_PAGE_SQL = (provinceFilter: string) => `
WITH i AS (${TIMELINE_ITEMS(provinceFilter, 't.item_date AS sort_date, ')})
SELECT * EXCLUDE (sort_date), count(*) OVER () AS total FROM i
ORDER BY province_code, sort_date NULLS LAST, label LIMIT $limit OFFSET $offset`

export const MILESTONES_SQL = `
SELECT id, CAST(date AS VARCHAR) AS date, event_vi, document FROM milestones
WHERE ($from IS NULL OR date >= CAST($from AS DATE)) AND ($to IS NULL OR date <= CAST($to AS DATE))
ORDER BY date`
