/**
 * Text folding for search and matching: lowercase, strip combining marks (NFD), đ → d. Mirrors the SQL
 * macros `thidua_fold` / `thidua_tokens` in migrations/0003_search.sql, so index and query agree.
 */
export const foldText = (s: string): string =>
  s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd').normalize('NFC')

export const tokenize = (s: string): string[] =>
  foldText(s)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
