/**
 * Event resolution: cycle-keyed congress mentions join the one ordinal congress of their cycle, then one
 * events row (planned window, held date, label) and the conflicting values per event.
 *
 * Joining never leaves a partition (place × level × kind), so the incremental form redoes the partitions
 * the changed articles touch (their mentions now, and the events their old rows named) and rebuilds the
 * events whose mentions changed (the changed articles' events before and after, and those a joined
 * mention left or joined).
 */
import type { DuckDBConnection } from '@duckdb/node-api'

/** The partition of an event mention (`em`): place, level and kind, as joinCyclesToOrdinals matches them. */
export const EVENT_PART = `concat_ws('|', coalesce(em.province_code_2008, 'n' || em.province_code_2025),
  CASE WHEN em.scope IN ('province', 'unknown') THEN 'province'
    WHEN em.scope = 'national' THEN 'national' ELSE em.scope || ':' || lower(coalesce(em.place, '')) END, em.kind)`

const seedScope = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_event_parts AS
    SELECT DISTINCT ${EVENT_PART} AS part FROM event_mentions em
    WHERE em.event_id IS NOT NULL AND (em.article_id IN (SELECT article_id FROM temp.fin_changed)
      OR em.event_id IN (SELECT id FROM finalize_stale_ids WHERE kind = 'event'))
    UNION SELECT id FROM finalize_stale_ids WHERE kind = 'event_part'`)
  // An events row is made of its mentions only: the changed articles' events, their old rows' events,
  // and (changedMentionEvents) those a mention was re-pointed from or to are redone.
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_events AS
    SELECT event_id FROM event_mentions WHERE event_id IS NOT NULL AND article_id IN (SELECT article_id FROM temp.fin_changed)
    UNION SELECT id FROM finalize_stale_ids WHERE kind = 'event'`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_event_before AS
    SELECT article_id, mention_index, event_id FROM event_mentions em
    WHERE event_id IS NOT NULL AND ${EVENT_PART} IN (SELECT part FROM temp.fin_event_parts)`)
}

const changedMentionEvents = (conn: DuckDBConnection) =>
  conn.run(`INSERT INTO temp.fin_events
    SELECT DISTINCT unnest([b.event_id, m.event_id]) FROM temp.fin_event_before b
    JOIN event_mentions m USING (article_id, mention_index) WHERE m.event_id IS DISTINCT FROM b.event_id
    EXCEPT SELECT event_id FROM temp.fin_events`)

/**
 * A congress named without its ordinal ("Đại hội thi đua yêu nước (2020-2025)") is keyed by the year its
 * cycle closes; when exactly one congress of the same province, level, kind and organisation carries an
 * ordinal in that cycle ("lần thứ VI", held 2025), the two are one real congress: the cycle-keyed
 * mentions join the ordinal one. Idempotent: a re-pointed mention already carries the target id.
 */
const joinCyclesToOrdinals = async (conn: DuckDBConnection, inScope: string) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_event_cycles AS
    SELECT em.event_id, bool_or(em.ordinal IS NOT NULL) AS has_ordinal,
      coalesce(em.province_code_2008, 'n' || em.province_code_2025) AS place,
      CASE WHEN em.scope IN ('province', 'unknown') THEN 'province'
        WHEN em.scope = 'national' THEN 'national' ELSE em.scope || ':' || lower(coalesce(em.place, '')) END AS scope,
      em.kind,
      coalesce(em.organization, '') AS organization,
      mode(coalesce(TRY_CAST(regexp_extract(em.period, '(\\d{4})\\s*$', 1) AS INTEGER), em.year, year(em.time_start))) AS cycle
    FROM event_mentions em WHERE em.event_id IS NOT NULL AND ${inScope}
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

/**
 * Resolves every event (`full`) or the partitions around temp.fin_changed. Leaves temp.fin_events, the
 * events rebuilt (incremental only).
 */
export const resolveEvents = async (conn: DuckDBConnection, full: boolean): Promise<void> => {
  if (!full) await seedScope(conn)
  await joinCyclesToOrdinals(conn, full ? 'true' : `${EVENT_PART} IN (SELECT part FROM temp.fin_event_parts)`)
  if (!full) await changedMentionEvents(conn)
  const evScope = full ? 'true' : 'event_id IN (SELECT event_id FROM temp.fin_events)'
  await conn.run(`DELETE FROM events WHERE ${evScope}`)
  await conn.run(`DELETE FROM event_conflicts WHERE ${evScope}`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_event_values AS
    WITH m AS (
      SELECT em.*, a.published_date FROM event_mentions em JOIN articles a USING (article_id)
      WHERE em.event_id IS NOT NULL ${full ? '' : 'AND em.event_id IN (SELECT event_id FROM temp.fin_events)'}
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
      WHERE em.event_id IS NOT NULL ${full ? '' : 'AND em.event_id IN (SELECT event_id FROM temp.fin_events)'}
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
