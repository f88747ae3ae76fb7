/** Provinces of one unit system with their article counts (one per cluster); lineage for 63 → 34. */
export const PROVINCES_SQL = `
SELECT p.code, p.name_vi, p.system, count(u.article_id) AS articles, count(DISTINCT u.source_id) AS sources
FROM provinces p LEFT JOIN v_article_units u ON u.system = p.system AND u.province_code = p.code
WHERE p.system = $system
GROUP BY ALL ORDER BY p.code`

export const LINEAGE_SQL = `
SELECT l.old_code, o.name_vi AS old_name, l.new_code, n.name_vi AS new_name, CAST(l.effective_on AS VARCHAR) AS effective_on
FROM province_lineage l
LEFT JOIN provinces o ON o.code = l.old_code AND o.system = '2008'
LEFT JOIN provinces n ON n.code = l.new_code AND n.system = '2025'
ORDER BY l.new_code, l.old_code`
