/**
 * The analyst's ten usual questions as ready-to-run queries. Each one returns rows on the embedded
 * database (checked by test/browser/sql-console.test.ts) and puts a label column first and numbers
 * after it, so the result chart has something to draw.
 */
export interface CannedQuery {
  readonly id: string
  readonly title_vi: string
  readonly title_en: string
  readonly sql: string
}

export const CANNED_QUERIES: ReadonlyArray<CannedQuery> = [
  {
    id: 'campaign-provinces',
    title_vi: 'Tỉnh nào hưởng ứng phong trào "Xóa nhà tạm, nhà dột nát" (34 đơn vị)',
    title_en: 'Which provinces carry the "Remove temporary houses" campaign (34 units)',
    sql: `SELECT p.name_vi AS province, c.articles, c.first_mention, c.last_mention
FROM v_campaign_coverage c
JOIN provinces p ON p.code = c.province_code AND p.system = c.system
WHERE c.system = '2025' AND c.campaign_id = 'xoa_nha_tam'
ORDER BY c.articles DESC, province`,
  },
  {
    id: 'campaign-reach',
    title_vi: 'Số tỉnh hưởng ứng mỗi phong trào',
    title_en: 'How many provinces carry each campaign',
    sql: `SELECT c.campaign_id, count(DISTINCT c.province_code) AS provinces, sum(c.articles) AS articles
FROM v_campaign_coverage c
WHERE c.system = '2025'
GROUP BY c.campaign_id
ORDER BY provinces DESC, articles DESC`,
  },
  {
    id: 'congress-planned-held',
    title_vi: 'Đại hội thi đua: dự kiến và đã tổ chức',
    title_en: 'Emulation congresses: planned vs held',
    sql: `SELECT p.name_vi AS province, t.label, t.planned_start, t.held_on, t.delay_days, t.status
FROM v_province_timeline t
JOIN provinces p ON p.code = t.province_code AND p.system = t.system
WHERE t.system = '2025' AND t.item_kind = 'congress'
ORDER BY coalesce(t.held_on, t.planned_start) DESC NULLS LAST`,
  },
  {
    id: 'congress-status',
    title_vi: 'Số đại hội dự kiến và đã tổ chức theo tỉnh',
    title_en: 'Congresses planned and held per province',
    sql: `SELECT p.name_vi AS province,
  count(*) FILTER (WHERE t.status = 'held') AS held,
  count(*) FILTER (WHERE t.status = 'planned') AS planned
FROM v_province_timeline t
JOIN provinces p ON p.code = t.province_code AND p.system = t.system
WHERE t.system = '2025' AND t.item_kind = 'congress'
GROUP BY p.name_vi
ORDER BY held + planned DESC, province`,
  },
  {
    id: 'citing-41-ct-tw',
    title_vi: 'Bài viết trích dẫn Chỉ thị 41-CT/TW',
    title_en: 'Articles citing Directive 41-CT/TW',
    sql: `SELECT a.published_date, a.title, s.name AS source, m.surface
FROM document_mentions m
JOIN documents d USING (document_id)
JOIN articles a USING (article_id)
JOIN sources s ON s.source_id = a.source_id
WHERE d.display_symbol = '41-CT/TW'
ORDER BY a.published_date`,
  },
  {
    id: 'central-documents',
    title_vi: 'Văn bản trung ương được trích dẫn nhiều nhất',
    title_en: 'Most cited central documents',
    sql: `SELECT d.display_symbol, d.article_count, d.mention_count, d.first_cited, d.label
FROM documents d
WHERE d.is_central
ORDER BY d.article_count DESC, d.mention_count DESC, d.display_symbol
LIMIT 20`,
  },
  {
    id: 'silent-sources',
    title_vi: 'Nguồn im lặng hơn một năm (so với bài mới nhất)',
    title_en: 'Sources silent for over a year (before the newest article)',
    sql: `SELECT h.source_id, date_diff('day', h.last_published, latest.d) AS silent_days, h.articles, h.last_published
FROM v_source_health h, (SELECT max(published_date) AS d FROM articles) latest
WHERE h.last_published IS NULL OR h.last_published < latest.d - INTERVAL 365 DAY
ORDER BY silent_days DESC NULLS FIRST`,
  },
  {
    id: 'adoption-lag',
    title_vi: 'Độ trễ hưởng ứng trung vị theo phong trào (ngày)',
    title_en: 'Median adoption lag per campaign (days)',
    sql: `SELECT campaign_id, median(lag_days) AS median_lag_days, count(*) AS provinces
FROM v_campaign_adoption
WHERE system = '2025' AND lag_days IS NOT NULL
GROUP BY campaign_id
ORDER BY median_lag_days`,
  },
  {
    id: 'monthly-trend',
    title_vi: 'Số bài thi đua theo tháng (từ 2020)',
    title_en: 'Emulation articles per month (since 2020)',
    sql: `SELECT strftime(month, '%Y-%m') AS month, sum(articles) AS articles
FROM v_monthly_trends
WHERE system = '2025' AND month >= DATE '2020-01-01'
GROUP BY month
ORDER BY month`,
  },
  {
    id: 'province-output',
    title_vi: 'Số bài theo tỉnh (34 đơn vị)',
    title_en: 'Articles per province (34 units)',
    sql: `SELECT p.name_vi AS province, count(*) AS articles, count(*) FILTER (WHERE u.is_thidua) AS thidua_articles
FROM v_article_units u
JOIN provinces p ON p.code = u.province_code AND p.system = u.system
WHERE u.system = '2025'
GROUP BY p.name_vi
ORDER BY articles DESC, province`,
  },
]
