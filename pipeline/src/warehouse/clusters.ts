/**
 * Near-duplicate clusters from the MinHash LSH bands. Each bucket links its members to the bucket's
 * smallest id (a star, not all pairs), a link is kept only if the full signatures agree enough, and the
 * connected components are the clusters; the representative is the earliest publication.
 *
 * Incremental form: only the components that can change are rebuilt. A bucket whose head moved changes
 * all its links, so every article in it, and every article sharing a cluster with one of them, is
 * recomputed (a bucket that only gained articles above its head keeps its old links); a link that reaches outside that set pulls the other
 * article's whole cluster in, until nothing does. Unaffected links join two articles of one cluster, so
 * the components inside the set are those a full rebuild finds.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryRows, queryValue, type Row } from './db.ts'
import { NUM_HASHES } from './minhash.ts'

/** Candidate pairs must agree on this share of MinHash positions (≈ Jaccard of 3-word shingles). */
export const DUPLICATE_THRESHOLD = 0.6

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

const IN_SCOPE = 'SELECT article_id FROM temp.fin_cluster_scope'

/**
 * Links of the buckets `bucketFilter` keeps (all buckets when empty); `scoped` keeps only links with an
 * end in temp.fin_cluster_scope (a link between two articles outside it joins no article inside).
 */
const linkPairs = (conn: DuckDBConnection, bucketFilter: string, scoped = false) =>
  queryRows(
    conn,
    `WITH heads AS (
       SELECT band, bucket, min(article_id) AS head FROM article_bands ${bucketFilter}
       GROUP BY band, bucket HAVING count(*) > 1
     ),
     cand AS (
       SELECT DISTINCT h.head AS a, b.article_id AS b
       FROM heads h JOIN article_bands b USING (band, bucket) WHERE b.article_id <> h.head
       ${scoped ? `AND (h.head IN (${IN_SCOPE}) OR b.article_id IN (${IN_SCOPE}))` : ''}
     )
     SELECT c.a, c.b FROM cand c
     JOIN article_signatures sa ON sa.article_id = c.a
     JOIN article_signatures sb ON sb.article_id = c.b
     WHERE list_sum(list_transform(range(1, ${NUM_HASHES + 1}), lambda i: CASE WHEN sa.minhash[i] = sb.minhash[i] THEN 1 ELSE 0 END))
       >= ${Math.ceil(DUPLICATE_THRESHOLD * NUM_HASHES)}`
  )

type Pair = Row

/**
 * temp.fin_cluster_scope holds the articles to recompute; grows it to a closed set and returns its links.
 */
const closeScope = async (conn: DuckDBConnection): Promise<Pair[]> => {
  for (;;) {
    const pairs = await linkPairs(
      conn,
      `SEMI JOIN (SELECT band, bucket FROM article_bands
         WHERE article_id IN (${IN_SCOPE})) sb USING (band, bucket)`,
      true
    )
    await conn.run('CREATE OR REPLACE TEMP TABLE fin_cluster_links (a VARCHAR, b VARCHAR)')
    const app = await conn.createAppender('fin_cluster_links', null, 'temp')
    for (const p of pairs) {
      app.appendVarchar(String(p.a))
      app.appendVarchar(String(p.b))
      app.endRow()
    }
    app.flushSync()
    app.closeSync()
    const outside = Number(
      await queryValue(
        conn,
        `SELECT count(*) FROM (SELECT a AS id FROM temp.fin_cluster_links UNION SELECT b FROM temp.fin_cluster_links)
         WHERE id NOT IN (SELECT article_id FROM temp.fin_cluster_scope)`
      )
    )
    if (outside === 0) return pairs
    await conn.run(`INSERT INTO temp.fin_cluster_scope
      WITH ids AS (SELECT a AS id FROM temp.fin_cluster_links UNION SELECT b FROM temp.fin_cluster_links),
      new_ids AS (SELECT id FROM ids WHERE id NOT IN (SELECT article_id FROM temp.fin_cluster_scope))
      SELECT id FROM new_ids
      UNION SELECT c.article_id FROM article_clusters c
        WHERE c.cluster_id IN (SELECT cluster_id FROM article_clusters WHERE article_id IN (SELECT id FROM new_ids))
        AND c.article_id NOT IN (SELECT article_id FROM temp.fin_cluster_scope)`)
  }
}

/**
 * The first scope: the changed articles, every member of a bucket whose head (smallest id) moved or that
 * a replaced article left (finalize_stale_bands has no ids, so its head may have gone), and their
 * clusters. A bucket that only gained articles above its head keeps its links between old members;
 * the new members' links to the head are found by closeScope.
 */
const seedScope = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_cluster_scope AS
    WITH stale AS (SELECT DISTINCT band, bucket FROM finalize_stale_bands),
    members AS (
      SELECT b.band, b.bucket, b.article_id, b.article_id IN (SELECT article_id FROM temp.fin_changed) AS changed
      FROM article_bands b SEMI JOIN (
        SELECT band, bucket FROM article_bands WHERE article_id IN (SELECT article_id FROM temp.fin_changed)
        UNION SELECT band, bucket FROM stale
      ) k USING (band, bucket)
    ),
    moved AS (
      SELECT band, bucket FROM members GROUP BY band, bucket
      HAVING min(article_id) IS DISTINCT FROM min(article_id) FILTER (WHERE NOT changed)
      UNION SELECT band, bucket FROM stale
    ),
    seed AS (
      SELECT article_id FROM temp.fin_changed
      UNION SELECT article_id FROM members SEMI JOIN moved USING (band, bucket)
    )
    SELECT article_id FROM seed
    UNION SELECT c.article_id FROM article_clusters c
      WHERE c.cluster_id IN (SELECT cluster_id FROM article_clusters WHERE article_id IN (SELECT article_id FROM seed))`)
}

/**
 * Rebuilds article_clusters and articles.cluster_id; `full` recomputes every article, otherwise only
 * the closed scope around temp.fin_changed. Leaves temp.fin_cluster_scope: the articles recomputed.
 */
export const buildClusters = async (conn: DuckDBConnection, full: boolean): Promise<void> => {
  let pairs: Pair[]
  if (full) {
    pairs = await linkPairs(conn, '')
    await conn.run('CREATE OR REPLACE TEMP TABLE fin_cluster_scope AS SELECT article_id FROM articles')
  } else {
    await seedScope(conn)
    pairs = await closeScope(conn)
  }
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
  const scoped = 'article_id IN (SELECT article_id FROM temp.fin_cluster_scope)'
  await conn.run(`DELETE FROM article_clusters WHERE ${scoped}`)
  // The representative is the earliest publication (the original), then the smallest id.
  await conn.run(`INSERT INTO article_clusters
    WITH comp AS (
      SELECT a.article_id, coalesce(s.root, a.article_id) AS root, a.published_at
      FROM articles a LEFT JOIN temp.stage_components s USING (article_id) WHERE a.${scoped}
    ),
    rep AS (
      SELECT root, first(article_id ORDER BY published_at NULLS LAST, article_id) AS rep, count(*) AS n
      FROM comp GROUP BY root
    )
    SELECT c.article_id, r.rep, c.article_id = r.rep, r.n FROM comp c JOIN rep r USING (root)`)
  await conn.run(`UPDATE articles SET cluster_id = c.cluster_id FROM article_clusters c
    WHERE articles.article_id = c.article_id AND articles.cluster_id IS DISTINCT FROM c.cluster_id
      AND c.${scoped}`)
}
