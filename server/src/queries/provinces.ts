/** Provinces of one unit system with their article counts; lineage for the 63 → 34 merger. */
export const PROVINCES_SQL = (system: '2008' | '2025') => `
SELECT p.code, p.name_vi, p.system,
  (SELECT count(*) FROM articles a WHERE a.province_code_${system} = p.code) AS articles,
  (SELECT count(DISTINCT a.source_id) FROM articles a WHERE a.province_code_${system} = p.code) AS sources
FROM provinces p WHERE p.system = $system ORDER BY p.code`

export const LINEAGE_SQL = `
SELECT l.old_code, o.name_vi AS old_name, l.new_code, n.name_vi AS new_name, CAST(l.effective_on AS VARCHAR) AS effective_on
FROM province_lineage l
LEFT JOIN provinces o ON o.code = l.old_code AND o.system = '2008'
LEFT JOIN provinces n ON n.code = l.new_code AND n.system = '2025'
ORDER BY l.new_code, l.old_code`
