-- search_articles (0003) and search_article_scores (0300) each carried their own copy of the BM25F
-- scoring. From here on search_articles ranks with search_article_scores, so the scoring lives in one
-- place; the snippet building is unchanged from 0003.

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
