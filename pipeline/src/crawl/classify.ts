/**
 * URL shapes per platform (docs/design/portals.md). They decide what to fetch before a page is seen:
 * article candidates, pagination, links never worth fetching (assets, print views, forms). After the
 * fetch the parser's `isArticlePage` has the last word where it exists.
 */
import type { Platform } from '../domain/source.ts'
import { ARTICLE_URLS } from '../platforms/index.ts'

// Each platform's article URL shapes live in its folder (platforms/<name>/index.ts).
const ARTICLE_PATTERNS = ARTICLE_URLS

/** Never fetched as pages: files, print/save/mail variants, search, feeds of comments, login. */
const SKIP = [
  /\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp3|mp4|avi|mov|wmv|flv|css|js|woff2?|ttf|eot)(?:$|\?)/i,
  // print views stay fetchable: some sites expose an article only that way (NukeViet opens them by onclick)
  /\/(?:savefile|sendmail|search|tim-kiem|login|dang-nhap|user|users|comments\/feed)\b/i,
  /\/wp-(?:admin|login|json|includes|content)\b/i,
  /[?&](?:download|print|replytocom|s)=/i,
]

const PAGINATION = [
  /\/page-\d+\/?$/i,
  /\/page\/\d+\/?$/i,
  /\/trang-\d+(?:\.html?)?\/?$/i,
  /[?&](?:page|paged|pageindex|pagenum|trang|cur|start)=\d+/i,
  /_cur=\d+/i,
]

export const isSkippedUrl = (url: string): boolean => SKIP.some((re) => re.test(url))

/** `?p=N` pages lists on ASP.NET portals but is the post id on WordPress. */
export const isPaginationUrl = (url: string, platform?: Platform): boolean =>
  PAGINATION.some((re) => re.test(url)) || (platform !== 'wordpress' && /[?&]p=\d+/i.test(url))

/** Article candidate by URL shape; pagination URLs never are. */
export function isArticleUrl(url: string, platform: Platform): boolean {
  if (isSkippedUrl(url) || isPaginationUrl(url, platform)) return false
  const u = new URL(url)
  const pathAndQuery = `${u.pathname}${u.search}`
  if (pathAndQuery === '/' || pathAndQuery === '') return false
  // NukeViet's print view repeats its article; the article URL is the one to keep
  if (platform === 'nukeviet' && /\/print\//.test(pathAndQuery)) return false
  return (
    ARTICLE_PATTERNS[platform].some((re) => re.test(pathAndQuery)) ||
    (platform !== 'generic' && ARTICLE_PATTERNS.generic.some((re) => re.test(pathAndQuery)))
  )
}

export type ContentKind = 'html' | 'rss' | 'atom' | 'sitemapindex' | 'urlset' | 'other'

/** What a body is, from its first bytes and content type. */
export function sniffContent(text: string, contentType: string | null): ContentKind {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (/<rss[\s>]/i.test(head) || /<rdf:RDF[\s>]/i.test(head)) return 'rss'
  if (/<feed[\s>]/i.test(head)) return 'atom'
  if (/<sitemapindex[\s>]/i.test(head)) return 'sitemapindex'
  if (/<urlset[\s>]/i.test(head)) return 'urlset'
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head)) return 'html'
  const ct = (contentType ?? '').toLowerCase()
  if (ct.includes('html')) return 'html'
  return 'other'
}
