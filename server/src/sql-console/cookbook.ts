/** Example queries shown in the SQL console; each one is run by the tests against the fixture. */
export interface CookbookEntry {
  readonly id: string
  readonly title_vi: string
  readonly title_en: string
  readonly sql: string
}

export const COOKBOOK: ReadonlyArray<CookbookEntry> = [
  {
    id: 'coverage-34',
    title_vi: 'Độ phủ phong trào theo 34 tỉnh',
    title_en: 'Campaign coverage on the 34 units',
    sql: `SELECT province_code, campaign_id, articles, round(share_of_output, 3) AS share
FROM v_campaign_coverage WHERE system = '2025'
ORDER BY articles DESC LIMIT 20`,
  },
  {
    id: 'adoption-lag',
    title_vi: 'Độ trễ hưởng ứng phong trào (ngày)',
    title_en: 'Adoption lag per campaign (days)',
    sql: `SELECT campaign_id, province_code, launched_on, first_mention, lag_days
FROM v_campaign_adoption WHERE system = '2008' AND lag_days IS NOT NULL
ORDER BY campaign_id, lag_days`,
  },
  {
    id: 'congress-delays',
    title_vi: 'Đại hội thi đua: kế hoạch và thực tế',
    title_en: 'Emulation congresses: planned vs held',
    sql: `SELECT province_code, label, planned_start, held_on, delay_days, status
FROM v_province_timeline WHERE system = '2025' AND item_kind = 'congress'
ORDER BY planned_start`,
  },
  {
    id: 'central-citations',
    title_vi: 'Tỉnh nào trích dẫn Chỉ thị 41-CT/TW',
    title_en: 'Which provinces cite Directive 41-CT/TW',
    sql: `SELECT v.province_code, v.citing_articles, v.first_cited
FROM v_document_citations v JOIN documents d USING (document_id)
WHERE d.number = '41' AND d.symbol = 'CT/TW' AND v.system = '2008'
ORDER BY v.first_cited`,
  },
  {
    id: 'search',
    title_vi: 'Tìm kiếm không dấu',
    title_en: 'Diacritics-insensitive search',
    sql: `SELECT s.article_id, a.title, round(s.score, 2) AS score
FROM search_articles('dai hoi thi dua') s JOIN articles a USING (article_id)
LIMIT 10`,
  },
  {
    id: 'gaps',
    title_vi: 'Nguồn có tháng bị hụt dữ liệu',
    title_en: 'Sources with gap months',
    sql: `SELECT source_id, count(*) AS gap_months, min(month) AS first_gap
FROM v_coverage_ledger WHERE gap_flag GROUP BY source_id ORDER BY gap_months DESC`,
  },
  {
    id: 'schema',
    title_vi: 'Danh sách bảng và view',
    title_en: 'Tables and views',
    sql: 'SHOW TABLES',
  },
]
