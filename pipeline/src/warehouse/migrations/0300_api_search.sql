-- API helper for article search (area F). `search_articles(q)` (0003) builds a snippet for every hit
-- (~1.5 ms each); the API pages through hits, so it ranks with `search_article_scores` (the same BM25F
-- as search_articles, without snippets) and builds snippets for the page's rows only. Keep the scoring
-- in step with 0003_search.sql.

-- search_article_scores(q [, max_results]) -> (article_id, score), best first; BM25F as search_articles.
CREATE OR REPLACE MACRO search_article_scores(q, max_results := 100000) AS TABLE
WITH qt AS (SELECT list_distinct(thidua_tokens(q)) AS toks),
terms AS (SELECT unnest(toks) AS token FROM qt),
st AS (SELECT n_docs, avg_title_len, avg_body_len FROM search_stats LIMIT 1),
hits AS (
  SELECT p.article_id, df.df,
    2.5 * p.tf_title / (0.25 + 0.75 * d.title_len / greatest(st.avg_title_len, 1))
      + p.tf_body / (0.25 + 0.75 * d.body_len / greatest(st.avg_body_len, 1)) AS w,
    st.n_docs
  FROM search_terms p
  JOIN terms USING (token)
  JOIN search_df df USING (token)
  JOIN search_docs d USING (article_id)
  CROSS JOIN st
)
SELECT article_id, sum(ln(1 + (n_docs - df + 0.5) / (df + 0.5)) * w * 2.2 / (w + 1.2)) AS score
FROM hits GROUP BY article_id
ORDER BY score DESC, article_id
LIMIT max_results;
