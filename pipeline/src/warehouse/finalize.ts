/**
 * After a run's batches are loaded: near-duplicate clusters, document and event resolution, the search
 * index and the source-health view. Everything here is rebuilt from the loaded rows, so finalizing
 * twice (or after a reload) gives the same tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { inTransaction, queryRows, type Warehouse } from './db.ts'
import { buildPublishedAggregates } from './aggregates.ts'
import { reapplyComments } from './comments.ts'
import { NUM_HASHES } from './minhash.ts'
import { resolveRelations } from './relations.ts'

/** Candidate pairs must agree on this share of MinHash positions (≈ Jaccard of 3-word shingles). */
export const DUPLICATE_THRESHOLD = 0.6

export interface FinalizeSummary {
  readonly articles: number
  readonly clusters: number
  readonly duplicates: number
  readonly documents: number
  readonly events: number
  readonly event_conflicts: number
  readonly search_terms: number
}

class UnionFind {
  private readonly parent = new Map<string, string>()
  find(x: string): string {
    let p = this.parent.get(x) ?? x
    if (p === x) return x
    p = this.find(p)
    this.parent.set(x, p)
    return p
  }
  union(a: string, b: string) {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return
    // The smaller id is the root, so components do not depend on pair order.
    if (ra < rb) this.parent.set(rb, ra)
    else this.parent.set(ra, rb)
  }
  entries(): Array<[string, string]> {
    return [...this.parent.keys()].map((k) => [k, this.find(k)])
  }
}

const buildClusters = async (conn: DuckDBConnection) => {
  // Each LSH bucket links its members to the bucket's smallest id (a star, not all pairs), then the
  // pair is kept only if the full signatures agree enough.
  const pairs = await queryRows(
    conn,
    `WITH heads AS (
       SELECT band, bucket, min(article_id) AS head FROM article_bands GROUP BY band, bucket HAVING count(*) > 1
     ),
     cand AS (
       SELECT DISTINCT h.head AS a, b.article_id AS b
       FROM heads h JOIN article_bands b USING (band, bucket) WHERE b.article_id <> h.head
     )
     SELECT c.a, c.b FROM cand c
     JOIN article_signatures sa ON sa.article_id = c.a
     JOIN article_signatures sb ON sb.article_id = c.b
     WHERE list_sum(list_transform(range(1, ${NUM_HASHES + 1}), lambda i: CASE WHEN sa.minhash[i] = sb.minhash[i] THEN 1 ELSE 0 END))
       >= ${Math.ceil(DUPLICATE_THRESHOLD * NUM_HASHES)}`
  )
  const uf = new UnionFind()
  for (const p of pairs) uf.union(String(p.a), String(p.b))
  await conn.run('CREATE OR REPLACE TEMP TABLE stage_components (article_id VARCHAR, root VARCHAR)')
  const app = await conn.createAppender('stage_components', null, 'temp')
  for (const [id, root] of uf.entries()) {
    app.appendVarchar(id)
    app.appendVarchar(root)
    app.endRow()
  }
  app.flushSync()
  app.closeSync()
  await conn.run('DELETE FROM article_clusters')
  // The representative is the earliest publication (the original), then the smallest id.
  await conn.run(`INSERT INTO article_clusters
    WITH comp AS (
      SELECT a.article_id, coalesce(s.root, a.article_id) AS root, a.published_at
      FROM articles a LEFT JOIN temp.stage_components s USING (article_id)
    ),
    rep AS (
      SELECT root, first(article_id ORDER BY published_at NULLS LAST, article_id) AS rep, count(*) AS n
      FROM comp GROUP BY root
    )
    SELECT c.article_id, r.rep, c.article_id = r.rep, r.n FROM comp c JOIN rep r USING (root)`)
  await conn.run(`UPDATE articles SET cluster_id = c.cluster_id FROM article_clusters c
    WHERE articles.article_id = c.article_id AND articles.cluster_id IS DISTINCT FROM c.cluster_id`)
}

const resolveDocuments = async (conn: DuckDBConnection) => {
  await conn.run(
    'UPDATE document_mentions SET document_id = key_document_id WHERE document_id <> key_document_id'
  )
  // An undated ("Kế hoạch 138/KH-UBND" in a 2025 article) or symbol-less ("Chỉ thị số 01") mention joins
  // the one dated document with the same issuer, type and number: the latest of the five years up to
  // the article's year, or the same year. Ambiguous matches stay apart. A Party document named without
  // its symbol ("Chỉ thị 34 của Bộ Chính trị") is cited for decades: with no match in those five years
  // it joins the one earlier Party document (…/TW) of that type and number, if there is exactly one.
  // A mention already keyed to a dated document (by its own article, see sameArticleReferents) stays.
  await conn.run(`UPDATE document_mentions SET document_id = pick.document_id FROM (
    WITH strong AS (
      SELECT key_document_id AS document_id, issuer_scope, issuer_province_2008 AS p8,
        issuer_province_2025 AS p25, type, thidua_key_number(number) AS n, thidua_key_symbol(symbol) AS s, key_year,
        regexp_matches(thidua_key_symbol(symbol), '/TW($|-)') AS party,
        coalesce(bool_or(contains(issuer, 'Chính trị')), false) AS politburo,
        coalesce(bool_or(contains(issuer, 'Bí thư')), false) AS secretariat
      FROM document_mentions
      WHERE key_year_basis IN ('issued_on', 'symbol') AND symbol IS NOT NULL AND number IS NOT NULL
      GROUP BY ALL
    ),
    weak AS (
      SELECT article_id, mention_index, issuer_scope, issuer_province_2008 AS p8, issuer_province_2025 AS p25, type,
        thidua_key_number(number) AS n, thidua_key_symbol(symbol) AS s, key_year, key_year_basis,
        -- All mentions with one key share the issuer any of them names ("Chỉ thị 05" beside "Chỉ thị số 05
        -- của Bộ Chính trị" in the same article).
        coalesce(bool_or(issuer_level = 'party_central') OVER (PARTITION BY key_document_id), false) AS party,
        coalesce(bool_or(issuer_level IN ('government', 'prime_minister')) OVER (PARTITION BY key_document_id), false) AS government,
        coalesce(bool_or(contains(issuer, 'Chính trị')) OVER (PARTITION BY key_document_id), false) AS politburo,
        coalesce(bool_or(contains(issuer, 'Bí thư')) OVER (PARTITION BY key_document_id), false) AS secretariat
      FROM document_mentions
      WHERE number IS NOT NULL AND key_year IS NOT NULL AND (key_year_basis = 'article' OR symbol IS NULL)
        AND key_document_id NOT IN (SELECT document_id FROM strong)
    ),
    cand AS (
      SELECT w.article_id, w.mention_index, st.document_id, st.key_year,
        w.key_year_basis <> 'article' OR st.key_year >= w.key_year - 5 AS recent
      FROM weak w JOIN strong st ON st.type = w.type AND st.n = w.n
        AND (w.s IS NULL OR w.s = st.s)
        AND (NOT w.party OR st.party) AND (NOT w.government OR NOT st.party)
        -- Party numbering restarts each term: the Politburo's 05 is not the Secretariat's 05.
        AND NOT (w.politburo AND NOT w.secretariat AND st.secretariat AND NOT st.politburo)
        AND NOT (w.secretariat AND NOT w.politburo AND st.politburo AND NOT st.secretariat)
        AND ((w.issuer_scope = 'central' AND st.issuer_scope = 'central')
          OR (w.issuer_scope <> 'central' AND st.issuer_scope <> 'central' AND w.p25 = st.p25
              AND (w.p8 IS NULL OR st.p8 IS NULL OR w.p8 = st.p8)))
        AND CASE WHEN w.key_year_basis = 'article'
                 THEN st.key_year BETWEEN w.key_year - 5 AND w.key_year
                   OR (w.party AND st.party AND w.issuer_scope = 'central' AND st.key_year < w.key_year - 5)
                 ELSE st.key_year = w.key_year END
    ),
    ranked AS (
      SELECT *, bool_or(recent) OVER m AS any_recent, max(CASE WHEN recent THEN key_year END) OVER m AS best_year
      FROM cand WINDOW m AS (PARTITION BY article_id, mention_index)
    )
    SELECT article_id, mention_index, any_value(document_id) AS document_id
    FROM ranked WHERE (recent AND key_year = best_year) OR NOT any_recent
    GROUP BY article_id, mention_index HAVING count(DISTINCT document_id) = 1
  ) pick
  WHERE document_mentions.article_id = pick.article_id AND document_mentions.mention_index = pick.mention_index`)
  await conn.run('DELETE FROM documents')
  // A document's own attachment (migration 0420) is its best source: its date and issuer outrank news.
  await conn.run(`INSERT INTO documents BY NAME
    WITH m AS (
      SELECT dm.*, a.published_date, t.attachment_id IS NOT NULL AS own
      FROM document_mentions dm JOIN articles a USING (article_id)
      LEFT JOIN attachments t ON t.article_id = dm.article_id AND t.mention_index = dm.mention_index
    ),
    dates AS (
      SELECT document_id, issued_on, count(*) AS c, bool_or(own) AS own FROM m WHERE issued_on IS NOT NULL GROUP BY document_id, issued_on
    ),
    issuers AS (
      SELECT document_id, issuer_display, count(*) AS c, bool_or(own) AS own FROM m WHERE issuer_display IS NOT NULL GROUP BY document_id, issuer_display
    ),
    -- The issuer most mentions give, completed with the province ("UBND tỉnh Lạng Sơn"); an issuer read
    -- off the symbol alone ("UBND", "TW") only when the text never names one.
    best_issuer AS (
      SELECT document_id,
        first(issuer_display ORDER BY own DESC, regexp_matches(issuer_display, '^[A-ZĐƯ&]+[0-9]*$'), c DESC, issuer_display) AS issuer
      FROM issuers GROUP BY document_id
    ),
    best_date AS (
      SELECT document_id, first(issued_on ORDER BY own DESC, c DESC, issued_on) AS issued_on, count(*) > 1 AS conflict
      FROM dates GROUP BY document_id
    ),
    -- mode(x ORDER BY x): a tie goes to the smallest value; a bare mode() picks by thread timing, so a
    -- rerun over the same mentions could resolve differently (found by test/long/scale.test.ts).
    agg AS (
      SELECT document_id,
        any_value(type ORDER BY type) AS type,
        mode(number ORDER BY number) AS number,
        mode(symbol ORDER BY symbol) AS symbol,
        max(key_year) FILTER (WHERE key_document_id = document_id) AS key_year,
        max(key_year) AS any_year,
        mode(year_in_symbol ORDER BY year_in_symbol) AS year_in_symbol,
        mode(issuer ORDER BY issuer) AS issuer_written,
        any_value(issuer_scope ORDER BY issuer_scope) FILTER (WHERE key_document_id = document_id) AS own_scope,
        any_value(issuer_scope ORDER BY issuer_scope) AS issuer_scope,
        mode(issuer_province_2008 ORDER BY issuer_province_2008) AS province_code_2008,
        mode(issuer_province_2025 ORDER BY issuer_province_2025) AS province_code_2025,
        count(*) AS mention_count,
        count(DISTINCT article_id) AS article_count,
        min(published_date) AS first_cited,
        max(published_date) AS last_cited,
        first(article_id ORDER BY published_date NULLS LAST, article_id) AS first_article_id
      FROM m GROUP BY document_id
    )
    SELECT g.document_id, g.type, g.number, g.symbol,
      coalesce(g.key_year, g.any_year) AS year,
      d.issued_on, coalesce(i.issuer, g.issuer_written) AS issuer,
      coalesce(g.own_scope, g.issuer_scope) AS issuer_scope,
      coalesce(g.own_scope, g.issuer_scope) = 'central' AS is_central,
      g.year_in_symbol,
      thidua_display_symbol(g.number, g.symbol, g.year_in_symbol) AS display_symbol,
      thidua_document_type_vi(g.type) || coalesce(' ' || thidua_display_symbol(g.number, g.symbol, g.year_in_symbol), '') AS label,
      g.first_article_id,
      g.province_code_2008, g.province_code_2025,
      g.mention_count, g.article_count,
      coalesce(d.conflict, false) AS issued_on_conflict,
      g.first_cited, g.last_cited
    FROM agg g LEFT JOIN best_date d USING (document_id) LEFT JOIN best_issuer i USING (document_id)`)
}

/**
 * A congress named without its ordinal ("Đại hội thi đua yêu nước (2020-2025)") is keyed by the year its
 * cycle closes; when exactly one congress of the same province, level, kind and organisation carries an
 * ordinal in that cycle ("lần thứ VI", held 2025), the two are one real congress: the cycle-keyed
 * mentions join the ordinal one. Idempotent: a re-pointed mention already carries the target id.
 */
const joinCyclesToOrdinals = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_event_cycles AS
    SELECT em.event_id, bool_or(em.ordinal IS NOT NULL) AS has_ordinal,
      coalesce(em.province_code_2008, 'n' || em.province_code_2025) AS place,
      CASE WHEN em.scope IN ('province', 'unknown') THEN 'province'
        WHEN em.scope = 'national' THEN 'national' ELSE em.scope || ':' || lower(coalesce(em.place, '')) END AS scope,
      em.kind,
      coalesce(em.organization, '') AS organization,
      mode(coalesce(TRY_CAST(regexp_extract(em.period, '(\\d{4})\\s*$', 1) AS INTEGER), em.year, year(em.time_start))) AS cycle
    FROM event_mentions em WHERE em.event_id IS NOT NULL
    GROUP BY ALL`)
  await conn.run(`UPDATE event_mentions em SET event_id = t.target
    FROM (
      SELECT c.event_id AS source, any_value(o.event_id) AS target
      FROM temp.stage_event_cycles c JOIN temp.stage_event_cycles o
        ON o.has_ordinal AND NOT c.has_ordinal AND o.place = c.place AND o.scope = c.scope
        AND o.kind = c.kind AND o.organization = c.organization AND o.cycle = c.cycle
      GROUP BY c.event_id HAVING count(DISTINCT o.event_id) = 1
    ) t
    WHERE em.event_id = t.source`)
}

const resolveEvents = async (conn: DuckDBConnection) => {
  await joinCyclesToOrdinals(conn)
  await conn.run('DELETE FROM events')
  await conn.run('DELETE FROM event_conflicts')
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_event_values AS
    WITH m AS (
      SELECT em.*, a.published_date FROM event_mentions em JOIN articles a USING (article_id)
      WHERE em.event_id IS NOT NULL
    )
    SELECT event_id, 'planned' AS field, time_start AS value_start, time_end AS value_end,
      count(*) AS c, max(published_date) AS last_pub, list(DISTINCT article_id ORDER BY article_id) AS article_ids
    FROM m WHERE status = 'planned' AND time_start IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT event_id, 'held', time_start, time_start, count(*), max(published_date), list(DISTINCT article_id ORDER BY article_id)
    FROM m WHERE status = 'held' AND time_start IS NOT NULL GROUP BY ALL`)
  // A planned window of a month or more that contains another one of the same event ("năm 2025" around
  // "tháng 8/2025") is the same plan told less precisely: neither the planned time nor a conflict. A
  // shorter one ("7 - 14/9") against a day inside it stays a conflict to look at.
  await conn.run(`DELETE FROM temp.stage_event_values v WHERE v.field = 'planned'
    AND v.value_end - v.value_start >= 27 AND EXISTS (
    SELECT 1 FROM temp.stage_event_values o
    WHERE o.event_id = v.event_id AND o.field = 'planned' AND o.value_start >= v.value_start
      AND o.value_end <= v.value_end AND (o.value_start, o.value_end) <> (v.value_start, v.value_end))`)
  // Planned: the window most mentions give, newest plan first on ties (plans get revised). Held: the date
  // most reports give, earliest on ties; with no date in any report, the first report's publication date,
  // unless the event's year is earlier than that report (a look back at "Đại hội ... lần thứ VII (năm 2015)").
  await conn.run(`INSERT INTO events BY NAME
    WITH m AS (
      SELECT em.*, a.published_date FROM event_mentions em JOIN articles a USING (article_id)
      WHERE em.event_id IS NOT NULL
    ),
    planned AS (
      SELECT event_id, first(value_start ORDER BY c DESC, last_pub DESC, value_start) AS planned_start,
        first(value_end ORDER BY c DESC, last_pub DESC, value_start) AS planned_end, count(*) AS n
      FROM temp.stage_event_values WHERE field = 'planned' GROUP BY event_id
    ),
    held AS (
      SELECT event_id, first(value_start ORDER BY c DESC, value_start) AS held_on, count(*) AS n
      FROM temp.stage_event_values WHERE field = 'held' GROUP BY event_id
    ),
    agg AS (
      SELECT event_id, any_value(kind ORDER BY kind) AS kind, mode(scope ORDER BY scope) AS scope, mode(place ORDER BY place) AS place,
        mode(province_code_2008 ORDER BY province_code_2008) AS province_code_2008, mode(province_code_2025 ORDER BY province_code_2025) AS province_code_2025,
        max(ordinal) AS ordinal, mode(period ORDER BY period) AS period,
        coalesce(mode(year ORDER BY year), year(min(time_start))) AS year,
        min(published_date) FILTER (WHERE status = 'held') AS first_report,
        mode(organization ORDER BY organization) AS organization,
        count(*) AS mention_count,
        first(article_id ORDER BY published_date NULLS LAST, article_id) AS first_article_id
      FROM m GROUP BY event_id
    )
    SELECT g.event_id, g.kind, g.scope, g.province_code_2008, g.province_code_2025, g.ordinal, g.period, g.year,
      p.planned_start, p.planned_end,
      coalesce(h.held_on, CASE WHEN g.year IS NULL OR g.year >= year(g.first_report) THEN g.first_report END) AS held_on,
      CASE WHEN h.held_on IS NOT NULL THEN 'text'
           WHEN g.first_report IS NOT NULL AND (g.year IS NULL OR g.year >= year(g.first_report)) THEN 'published'
      END AS held_on_basis,
      -- a Party or mass-organisation congress is named by its holder, not as a generic "event"
      CASE WHEN g.kind = 'other' AND g.organization IS NOT NULL THEN thidua_org_congress_vi(g.organization, g.scope)
        ELSE thidua_event_kind_vi(g.kind) END
        || CASE WHEN g.scope = 'national' AND NOT (g.kind = 'other' AND g.organization IS NOT NULL) THEN ' toàn quốc'
                WHEN g.scope IN ('city', 'district', 'commune', 'sector') AND g.place IS NOT NULL THEN ' ' || g.place
                ELSE '' END
        || coalesce(' lần thứ ' || thidua_roman(g.ordinal), '')
        || coalesce(' (' || g.period || ')', '') AS label,
      g.first_article_id, g.mention_count,
      coalesce(p.n, 0) > 1 OR coalesce(h.n, 0) > 1 AS has_conflict
    FROM agg g LEFT JOIN planned p USING (event_id) LEFT JOIN held h USING (event_id)`)
  await conn.run(`INSERT INTO event_conflicts
    SELECT v.event_id, v.field, v.value_start, v.value_end, v.article_ids, v.c
    FROM temp.stage_event_values v
    JOIN (SELECT event_id, field FROM temp.stage_event_values GROUP BY ALL HAVING count(*) > 1) x USING (event_id, field)`)
}

const buildSearchIndex = async (conn: DuckDBConnection) => {
  for (const t of ['search_terms', 'search_docs', 'search_df', 'search_stats'])
    await conn.run(`DELETE FROM ${t}`)
  // Sorted by token so DuckDB's zone maps skip most row groups when a query looks tokens up.
  await conn.run(`INSERT INTO search_terms
    SELECT token, article_id, count(*) FILTER (WHERE f = 't')::INTEGER, count(*) FILTER (WHERE f = 'b')::INTEGER
    FROM (
      SELECT article_id, 't' AS f, unnest(thidua_tokens(title)) AS token FROM articles
      UNION ALL
      SELECT article_id, 'b' AS f, unnest(thidua_tokens(body_text)) AS token FROM articles
    )
    GROUP BY token, article_id ORDER BY token, article_id`)
  await conn.run(`INSERT INTO search_docs
    SELECT article_id, sum(tf_title)::INTEGER, sum(tf_body)::INTEGER FROM search_terms GROUP BY article_id ORDER BY article_id`)
  await conn.run(
    'INSERT INTO search_df SELECT token, count(*)::INTEGER FROM search_terms GROUP BY token ORDER BY token'
  )
  await conn.run(`INSERT INTO search_stats
    SELECT (SELECT count(*) FROM articles), coalesce(avg(title_len), 0), coalesce(avg(body_len), 0) FROM search_docs`)
}

const pickColumn = (have: ReadonlySet<string>, names: ReadonlyArray<string>): string | null =>
  names.find((n) => have.has(n)) ?? null

/**
 * v_source_health adapts to the crawler's `fetches` columns (owned by the crawl migrations), so the
 * view exists with or without a crawl.
 */
export const createSourceHealthView = async (conn: DuckDBConnection): Promise<void> => {
  const cols = new Set(
    (
      await queryRows(
        conn,
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'fetches'`
      )
    ).map((r) => String(r.column_name))
  )
  const src = pickColumn(cols, ['source_id', 'source'])
  const at = pickColumn(cols, ['fetched_at', 'finished_at', 'completed_at', 'started_at', 'at', 'ts'])
  const status = pickColumn(cols, ['status', 'http_status', 'status_code'])
  const err = pickColumn(cols, ['error', 'error_message', 'reason'])
  const ok = [status ? `f.${status} BETWEEN 200 AND 399` : 'true', err ? `f.${err} IS NULL` : 'true'].join(
    ' AND '
  )
  const fetchAgg = src
    ? `SELECT f.${src} AS source_id,
         max(${at ? `f.${at}` : 'NULL::TIMESTAMPTZ'}) FILTER (WHERE ${ok}) AS last_success,
         count(*) AS fetched,
         count(*) FILTER (WHERE NOT (${ok})) AS failed,
         ${err ? `last(f.${err} ORDER BY ${at ? `f.${at}` : `f.${err}`}) FILTER (WHERE f.${err} IS NOT NULL)` : 'NULL::VARCHAR'} AS last_error
       FROM fetches f GROUP BY f.${src}`
    : 'SELECT NULL::VARCHAR AS source_id, NULL::TIMESTAMPTZ AS last_success, 0 AS fetched, 0 AS failed, NULL::VARCHAR AS last_error WHERE false'
  await conn.run(`CREATE OR REPLACE VIEW v_source_health AS
    WITH fx AS (${fetchAgg}),
    ax AS (SELECT source_id, count(*) AS articles, max(published_date) AS last_published FROM articles GROUP BY source_id),
    px AS (SELECT source_id, count(*) AS parse_failures FROM parse_failures GROUP BY source_id),
    ids AS (SELECT source_id FROM sources UNION SELECT source_id FROM fx UNION SELECT source_id FROM ax WHERE source_id IS NOT NULL)
    SELECT ids.source_id, s.name, s.kind, fx.last_success, coalesce(fx.fetched, 0) AS fetched,
      coalesce(fx.failed, 0) AS failed, fx.last_error,
      coalesce(ax.articles, 0) AS articles, ax.last_published, coalesce(px.parse_failures, 0) AS parse_failures
    FROM ids LEFT JOIN sources s USING (source_id) LEFT JOIN fx USING (source_id)
      LEFT JOIN ax USING (source_id) LEFT JOIN px USING (source_id)`)
  // CREATE OR REPLACE VIEW drops the view's comments (view-comments.sql).
  await reapplyComments(conn, ['v_source_health'])
}

export const finalizeRun = async (wh: Warehouse, _runId: string): Promise<FinalizeSummary> => {
  const conn = wh.conn
  await inTransaction(conn, async () => {
    await buildClusters(conn)
    await resolveDocuments(conn)
    await resolveEvents(conn)
    await resolveRelations(conn)
    await buildSearchIndex(conn)
    await createSourceHealthView(conn)
    // after clusters and resolution: the dashboard's precomputed counts (issue #17)
    await buildPublishedAggregates(conn)
  })
  const [r] = await queryRows(
    conn,
    `SELECT (SELECT count(*) FROM articles) AS articles,
      (SELECT count(DISTINCT cluster_id) FROM article_clusters) AS clusters,
      (SELECT count(*) FROM article_clusters WHERE NOT is_representative) AS duplicates,
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM event_conflicts) AS event_conflicts,
      (SELECT count(*) FROM search_terms) AS search_terms`
  )
  const n = (k: string) => Number(r?.[k] ?? 0)
  return {
    articles: n('articles'),
    clusters: n('clusters'),
    duplicates: n('duplicates'),
    documents: n('documents'),
    events: n('events'),
    event_conflicts: n('event_conflicts'),
    search_terms: n('search_terms'),
  }
}
