/**
 * Article or not. The run passes the parser's detector in (`CrawlOptions.isArticlePage`); without one the
 * URL shape and the page's own markup decide.
 */
import type { Platform } from '../domain/source.ts'
import { isArticleUrl, isPaginationUrl } from './classify.ts'
import type { PageRole } from './store-rows.ts'
import type { ArticleDetector } from './types.ts'

/** The parser's detector when the parse module is present; null otherwise. */
export async function loadParserDetector(): Promise<ArticleDetector | null> {
  const modulePath = new URL('../parse/parse-article.ts', import.meta.url).href
  try {
    const mod = (await import(modulePath)) as { isArticlePage?: unknown }
    return typeof mod.isArticlePage === 'function' ? (mod.isArticlePage as ArticleDetector) : null
  } catch {
    return null
  }
}

/** Markup that only article pages carry: og:type article, Article JSON-LD/microdata, publish time. */
const ARTICLE_MARKUP =
  /<meta[^>]+(?:property|name)=["'](?:og:type["'][^>]+content=["']article|article:published_time|thidua:origin)["']|"@type"\s*:\s*"(?:News|Blog)?(?:Article|Posting)"|itemtype=["'][^"']*schema\.org\/(?:News)?Article/i
export const declaresArticle = (html: string): boolean => ARTICLE_MARKUP.test(html.slice(0, 60_000))

/**
 * The detector decides; a page reached as a listing (home, entry point, pagination, category link) must
 * in addition have an article-shaped URL or say so in its markup, because listing pages with a few long
 * teasers look like articles to a text-based detector.
 */
export const detectArticle = (
  detector: ArticleDetector | null,
  page: { readonly html: string; readonly url: string; readonly platform: Platform; readonly role: PageRole }
): boolean => {
  const { html, url, platform, role } = page
  if (isPaginationUrl(url, platform)) return false
  const urlSaysArticle = isArticleUrl(url, platform)
  // Off the article role, a page neither shaped nor marked as an article is not one whatever the
  // detector says: skip its DOM parse (most listing pages).
  if (role !== 'article' && !urlSaysArticle && !declaresArticle(html)) return false
  let parserSays: boolean | null = null
  if (detector) {
    try {
      parserSays = detector(html, url)
    } catch {
      // a parser crash on one page must not stop the crawl; the URL shape decides instead
    }
  }
  if (parserSays === null) return urlSaysArticle || (role === 'article' && declaresArticle(html))
  return role === 'article' ? parserSays : parserSays && (urlSaysArticle || declaresArticle(html))
}
