-- API helpers for article search (area F). `search_articles(q)` (0003) scores every hit and builds a
-- snippet for each; the API pages through hits, so it ranks with `search_article_scores` (the same
-- BM25F as search_articles) and builds snippets only for the rows of the page with `search_snippet`
-- (the same snippet expression). Keep both in step with 0003_search.sql.

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

-- search_snippet(title, body_text, q): ~220 characters of the body around the first query token, words
-- meeting the query wrapped in <mark> (HTML-escaped otherwise); the title when no token is in the body.
CREATE OR REPLACE MACRO search_snippet_at(title, body, toks, pos) AS
  CASE WHEN pos IS NULL THEN thidua_mark(thidua_html_escape(title), toks)
  ELSE
    (CASE WHEN pos > 60 THEN '… ' ELSE '' END)
    || thidua_mark(thidua_html_escape(trim(regexp_replace(regexp_replace(
         substring(body, greatest(1, pos - 60), 220),
         CASE WHEN pos > 60 THEN '^\S*\s' ELSE '^' END, ''),
         CASE WHEN pos - 60 + 220 <= length(body) THEN '\s\S*$' ELSE '$' END, ''))), toks)
    || (CASE WHEN greatest(1, pos - 60) + 220 <= length(body) THEN ' …' ELSE '' END)
  END;

CREATE OR REPLACE MACRO search_snippet_in(title, body, toks) AS
  search_snippet_at(title, body, toks,
    list_min(list_filter(list_transform(toks, lambda t: strpos(thidua_fold(body), t)), lambda x: x > 0)));

CREATE OR REPLACE MACRO search_snippet(title, body_text, q) AS
  search_snippet_in(title, regexp_replace(body_text, '\s+', ' ', 'g'), list_distinct(thidua_tokens(q)));
