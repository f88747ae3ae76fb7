/**
 * document_relations (issue #16): the relations each article states between its document mentions,
 * resolved to documents, campaigns and events once resolution has run. Rebuilt from relation_mentions
 * at finalize, like the other resolved tables: in full, or (incremental) for the changed articles and
 * every article citing a document or event that resolution rebuilt (temp.fin_docs, temp.fin_events).
 */
import type { DuckDBConnection } from '@duckdb/node-api'

export const resolveRelations = async (conn: DuckDBConnection, full = true): Promise<void> => {
  if (!full)
    await conn.run(`CREATE OR REPLACE TEMP TABLE fin_rel_articles AS
      SELECT article_id FROM temp.fin_changed
      UNION SELECT article_id FROM document_mentions WHERE document_id IN (SELECT document_id FROM temp.fin_docs)
      UNION SELECT article_id FROM event_mentions WHERE event_id IN (SELECT event_id FROM temp.fin_events)`)
  const scope = full ? 'true' : 'article_id IN (SELECT article_id FROM temp.fin_rel_articles)'
  await conn.run(`DELETE FROM document_relations WHERE ${scope}`)
  // A relation between two mentions that resolved to one document says nothing; drop it.
  await conn.run(`INSERT INTO document_relations
    SELECT DISTINCT f.document_id, r.relation, t.document_id,
      CASE WHEN r.relation = 'launches' THEN r.campaign_id END,
      e.event_id, r.article_id, r.span_start, r.span_end
    FROM relation_mentions r
    JOIN document_mentions f ON f.article_id = r.article_id AND f.mention_index = r.from_mention
    LEFT JOIN document_mentions t ON t.article_id = r.article_id AND t.mention_index = r.to_mention
    LEFT JOIN event_mentions e ON e.article_id = r.article_id AND e.mention_index = r.event_mention
    WHERE (r.to_mention IS NULL OR t.document_id IS NOT NULL)
      AND f.document_id IS DISTINCT FROM t.document_id
      AND (r.relation <> 'organizes' OR e.event_id IS NOT NULL)
      AND (r.relation <> 'launches' OR r.campaign_id IS NOT NULL)
      AND r.${full ? 'article_id IS NOT NULL' : scope}
    ORDER BY 1, 2, 3, 6, 7`)
}
