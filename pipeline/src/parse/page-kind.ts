/**
 * Pages that are never articles whatever their text looks like (issue #12): a site's home page,
 * and a WordPress *page* (the "Sample Page", "Giới thiệu") as opposed to a post; and the one mark that
 * makes a page a post however short (WordPress's `single-post`).
 */
import type { Doc } from './doc.ts'

// Home page paths across the platforms we meet: "/", index files, language roots, Liferay's
// /web/guest, SharePoint's Pages/default.aspx, "trang-chu".
const HOME_PATH =
  /^\/(?:(?:index|default|home|trang-?chu)(?:\.(?:html?|php|aspx?|jsp))?|(?:vi|vn|en)(?:\/(?:home|trang-?chu))?|web\/guest(?:\/(?:home|trang-?chu))?|(?:portal\/)?(?:pages|trang)\/(?:default|home|trang-?chu)\.aspx)?\/?$/i

/** Is this URL a site's home page? */
export const isHomeUrl = (url: string): boolean => {
  try {
    const u = new URL(url)
    return HOME_PATH.test(u.pathname) && (u.search === '' || /^\?(lang|language)=\w+$/i.test(u.search))
  } catch {
    return false
  }
}

/** WordPress marks a single post (never a page or listing) with `single-post` on `<body>`. */
const SINGLE_POST_BODY = /<body[^>]*\sclass=["'][^"']*\bsingle-post\b/i

/** Does the CMS mark this page as one post? Read from the raw head so the crawl's detector parses nothing more. */
export const singlePostMarked = (html: string): boolean => SINGLE_POST_BODY.test(html.slice(0, 100_000))

/** A post so marked is kept with a one-paragraph body, shorter than an unmarked page may be. */
export const SHORT_POST_MIN = 40

const tokens = (cls: string | undefined): Set<string> => new Set((cls ?? '').split(/\s+/).filter(Boolean))

/** Why the page is not an article (home page, WordPress page), or null. */
export const notArticleReason = (doc: Doc, url: string): string | null => {
  if (isHomeUrl(url)) return 'home page, not an article'
  const body = tokens(doc.byTag('body')[0]?.attribs.class)
  // WordPress marks its front page "home" and a static page "page page-id-N"; a post is "single".
  if (body.has('home') && (body.has('blog') || body.has('page'))) return 'home page, not an article'
  const wpPage = [...body].some((t) => /^page-id-\d+$/.test(t)) || doc.first('article.type-page') !== null
  if (wpPage && !body.has('single') && !body.has('single-post'))
    return 'WordPress page (not a post), not an article'
  return null
}
