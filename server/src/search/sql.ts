/**
 * A parsed search as SQL over the warehouse's token postings (`search_terms`, migration 0003): each
 * term is an intersection of postings, checked against the text when it is a phrase or carries
 * diacritics; clauses intersect, NOT terms are removed; BM25F (`search_article_scores`) ranks, after
 * the articles that cite a document number written in the query and those holding the query as a phrase.
 * Every value travels as a bound parameter.
 */
import type { Params } from '../queries/sql-fragments.ts'
import type { SearchQuery, Term } from './query.ts'

const FOLDED_TEXT = `(' ' || array_to_string(thidua_tokens(a.title || ' ' || coalesce(a.body_text, '')), ' ') || ' ')`
const LOWER_TEXT = `lower(a.title || ' ' || coalesce(a.body_text, ''))`

/** A word with diacritics as a whole word of the lowercased text (RE2 classes for letters and digits). */
const wordRegex = (w: string) => `(^|[^\\pL\\pN])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\pL\\pN]|$)`

const termSql = (t: Term, name: string, params: Params): string => {
  const postings = t.tokens
    .map((tok, i) => {
      params[`${name}_${i}`] = tok
      return `SELECT article_id FROM search_terms WHERE token = $${name}_${i}`
    })
    .join(' INTERSECT ')
  const checks: string[] = []
  if (t.tokens.length > 1) {
    params[`${name}_ph`] = ` ${t.tokens.join(' ')} `
    checks.push(`strpos(${FOLDED_TEXT}, $${name}_ph) > 0`)
  }
  t.accented.forEach((w, i) => {
    params[`${name}_acc${i}`] = wordRegex(w)
    checks.push(`regexp_matches(${LOWER_TEXT}, $${name}_acc${i})`)
  })
  if (checks.length === 0) return postings
  return `SELECT p.article_id FROM (${postings}) p JOIN articles a USING (article_id) WHERE ${checks.join(' AND ')}`
}

const displayKey = (col: string) => `thidua_fold(replace(${col}, ' ', ''))`

/** Articles citing one of the given document numbers ("138/KH-UBND", "41-CT/TW"). */
const citesNumbers = (numbers: ReadonlyArray<string>, params: Params, prefix: string): string => {
  const names = numbers.map((n, i) => {
    params[`${prefix}${i}`] = n.replace(/\s+/g, '')
    return `thidua_fold($${prefix}${i})`
  })
  return `EXISTS (SELECT 1 FROM document_mentions dm JOIN documents d USING (document_id)
    WHERE dm.article_id = a.article_id AND ${displayKey('d.display_symbol')} IN (${names.join(', ')}))`
}

const provinceMatch = (values: ReadonlyArray<string>, params: Params): string =>
  values
    .map((v, i) => {
      params[`sprov${i}`] = v
      return /^\d{2}$/.test(v)
        ? `(a.province_code_2008 = $sprov${i} OR a.province_code_2025 = $sprov${i})`
        : `EXISTS (SELECT 1 FROM provinces pp WHERE thidua_fold(pp.name_vi) = thidua_fold($sprov${i})
            AND ((pp.system = '2008' AND pp.code = a.province_code_2008) OR (pp.system = '2025' AND pp.code = a.province_code_2025)))`
    })
    .join(' OR ')

export interface SearchSql {
  /** CTEs ending in `hits(article_id, score)`, to put after WITH. */
  readonly ctes: string
  /**
   * Adjacent-pair boosts as an expression over `ft.tt` / `ft.bt` (the folded title and body of a
   * row), or null. They need the texts, so they are applied to the best RERANK_DEPTH rows only.
   */
  readonly pairBoost: string | null
}

/**
 * How many of the best-scored rows (after the route's filters) get the pair boosts. The boosts add at
 * most 3 per word pair, so they reorder near neighbours; tokenizing every candidate's body for them
 * cost seconds on a query that matches most of a 100k-article warehouse.
 */
export const RERANK_DEPTH = 500

export const searchSql = (s: SearchQuery, params: Params): SearchSql => {
  const ctes: string[] = []
  const clauseNames = s.clauses.map((clause, c) => {
    const terms = clause.map((t, k) => {
      ctes.push(`st${c}_${k} AS (${termSql(t, `st${c}_${k}`, params)})`)
      return `SELECT article_id FROM st${c}_${k}`
    })
    ctes.push(`sc${c} AS (${terms.join(' UNION ')})`)
    return `sc${c}`
  })
  const notNames = s.not.map((t, k) => {
    ctes.push(`sn${k} AS (${termSql(t, `sn${k}`, params)})`)
    return `sn${k}`
  })
  const base = clauseNames.length
    ? clauseNames.map((n) => `SELECT article_id FROM ${n}`).join(' INTERSECT ')
    : 'SELECT article_id FROM articles'
  const without = notNames.map((n) => ` EXCEPT SELECT article_id FROM ${n}`).join('')
  ctes.push(`cand AS (${base}${without})`)

  const where: string[] = []
  if (s.provinces.length) where.push(`(${provinceMatch(s.provinces, params)})`)
  if (s.types.length) {
    const names = s.types.map((t, i) => {
      params[`stype${i}`] = t
      return `$stype${i}`
    })
    where.push(
      `EXISTS (SELECT 1 FROM document_mentions dm WHERE dm.article_id = a.article_id AND dm.type IN (${names.join(', ')}))`
    )
  }
  if (s.years.length) where.push(`year(a.published_date) IN (${s.years.join(', ')})`)
  if (s.numbers.length) where.push(citesNumbers(s.numbers, params, 'sfnum'))
  const boosts: string[] = []
  // exact document numbers first: an article citing the very document outranks any text match
  if (s.citedNumbers.length)
    boosts.push(`CASE WHEN ${citesNumbers(s.citedNumbers, params, 'snum')} THEN 100 ELSE 0 END`)
  // Words that stand together in the query rank higher where they stand together in the text (each
  // adjacent pair found in the body, more in the title): "dai hoi thi dua lang son" prefers "Đại hội thi
  // đua … Lạng Sơn" to the same words scattered.
  const words = s.clauses.map((c) => (c.length === 1 && c[0]?.tokens.length === 1 ? c[0].tokens[0] : null))
  const pairs: string[] = []
  for (let i = 1; i < words.length; i++)
    if (words[i - 1] && words[i]) pairs.push(` ${words[i - 1]} ${words[i]} `)
  const pairBoosts = pairs.map((pair, i) => {
    params[`spair${i}`] = pair
    return `(CASE WHEN strpos(ft.tt, $spair${i}) > 0 THEN 2 ELSE 0 END + CASE WHEN strpos(ft.bt, $spair${i}) > 0 THEN 1 ELSE 0 END)`
  })
  let scoreJoin = ''
  if (s.scoreText) {
    params.sscore = s.scoreText
    ctes.push('bm AS (SELECT article_id, score FROM search_article_scores($sscore))')
    scoreJoin = 'LEFT JOIN bm USING (article_id)'
  }
  const score = [s.scoreText ? 'coalesce(bm.score, 0)' : '0', ...boosts].join(' + ')
  ctes.push(`hits AS (
    SELECT cand.article_id, ${score} AS score
    FROM cand JOIN articles a USING (article_id) ${scoreJoin}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`)
  return { ctes: ctes.join(',\n'), pairBoost: pairBoosts.length ? pairBoosts.join(' + ') : null }
}
