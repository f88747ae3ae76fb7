-- Full-text search without the fts extension: a token index in plain tables (rebuilt by finalizeRun)
-- and a table macro scoring BM25F (title boosted) over diacritics- and case-folded tokens.
CREATE TABLE IF NOT EXISTS search_terms (
  token VARCHAR NOT NULL,
  article_id VARCHAR NOT NULL,
  tf_title INTEGER NOT NULL,
  tf_body INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_docs (
  article_id VARCHAR NOT NULL,
  title_len INTEGER NOT NULL,
  body_len INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_df (
  token VARCHAR NOT NULL,
  df INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_stats (
  n_docs BIGINT NOT NULL,
  avg_title_len DOUBLE NOT NULL,
  avg_body_len DOUBLE NOT NULL
);

-- Folding: lowercase, strip combining marks, đ -> d ("Thi Đua" -> "thi dua"). Mirrored by fold.ts.
CREATE OR REPLACE MACRO thidua_fold(s) AS replace(strip_accents(lower(s)), 'đ', 'd');
CREATE OR REPLACE MACRO thidua_tokens(s) AS
  list_filter(regexp_split_to_array(thidua_fold(s), '[^a-z0-9]+'), lambda t: t <> '');
CREATE OR REPLACE MACRO thidua_html_escape(s) AS
  replace(replace(replace(s, '&', '&amp;'), '<', '&lt;'), '>', '&gt;');
-- Wraps every word of txt whose folded tokens meet the query tokens qt in <mark>…</mark>.
CREATE OR REPLACE MACRO thidua_mark(txt, qt) AS
  array_to_string(list_transform(string_split(txt, ' '), lambda w:
    CASE WHEN len(list_intersect(thidua_tokens(w), qt)) > 0
      THEN regexp_replace(w, '^([^\pL\pN]*)(.*?)([^\pL\pN]*)$', '\1<mark>\2</mark>\3')
      ELSE w END), ' ');

-- BM25F: k1 = 1.2, b = 0.75, title weight 2.5; idf = ln(1 + (N - df + 0.5) / (df + 0.5)).
-- The API pages through hits with search_article_scores (no snippets: ~1.5 ms each) and builds
-- snippets only for the rows of a page; search_articles adds them to every hit.
-- search_article_scores(q [, max_results]) -> (article_id, score), best first.
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

-- search_articles(q [, max_results]) -> (article_id, score, snippet), best first.
CREATE OR REPLACE MACRO search_articles(q, max_results := 1000) AS TABLE
WITH qt AS (SELECT list_distinct(thidua_tokens(q)) AS toks),
scored AS (SELECT article_id, score FROM search_article_scores(q, max_results := max_results)),
located AS (
  SELECT s.article_id, s.score, a.title, regexp_replace(a.body_text, '\s+', ' ', 'g') AS body, qt.toks
  FROM scored s JOIN articles a USING (article_id) CROSS JOIN qt
),
positioned AS (
  SELECT *, list_min(list_filter(list_transform(toks, lambda t: strpos(thidua_fold(body), t)), lambda x: x > 0)) AS pos
  FROM located
)
SELECT article_id, score,
  CASE WHEN pos IS NULL THEN thidua_mark(thidua_html_escape(title), toks)
  ELSE
    (CASE WHEN pos > 60 THEN '… ' ELSE '' END)
    || thidua_mark(thidua_html_escape(trim(regexp_replace(regexp_replace(
         substring(body, greatest(1, pos - 60), 220),
         CASE WHEN pos > 60 THEN '^\S*\s' ELSE '^' END, ''),
         CASE WHEN pos - 60 + 220 <= length(body) THEN '\s\S*$' ELSE '$' END, ''))), toks)
    || (CASE WHEN greatest(1, pos - 60) + 220 <= length(body) THEN ' …' ELSE '' END)
  END AS snippet
FROM positioned
ORDER BY score DESC, article_id;
