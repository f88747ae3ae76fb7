/**
 * Monthly counts per province: `articles` are the emulation-related ones (is_thidua), `all_articles`
 * the province's whole output that month, `share_of_output` their ratio (so a chart can sum months
 * into years and still give a true share).
 */
export const TRENDS_SQL = (provinceFilter: string) => `
SELECT t.province_code, p.name_vi AS province_name, strftime(t.month, '%Y-%m') AS month, t.articles,
  round(t.share_of_output, 6) AS share_of_output, t.all_articles
FROM v_monthly_trends t
LEFT JOIN provinces p ON p.code = t.province_code AND p.system = t.system
WHERE t.system = $system AND ${provinceFilter}
  AND ($from IS NULL OR t.month >= CAST($from AS DATE)) AND ($to IS NULL OR t.month <= CAST($to AS DATE))
ORDER BY t.month, t.province_code`
