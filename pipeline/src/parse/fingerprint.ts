/**
 * Which adapter reads a page: fingerprints from design/portals.md §0 — generator meta, URL shape,
 * class families — checked from the most specific to the least. Cheap string tests on the raw HTML
 * run before any DOM is built.
 */
import type { Platform } from '../domain/source.ts'

export const detectPlatform = (html: string, url: string): Platform => {
  const head = html.slice(0, 200_000)
  let host = ''
  let path = ''
  try {
    const u = new URL(url)
    host = u.hostname.toLowerCase()
    path = u.pathname + u.search
  } catch {
    // A bad URL only loses the URL-shape signals.
  }
  if (
    /<meta[^>]+name=["']generator["'][^>]+content=["']NukeViet/i.test(head) ||
    /id=["']news-bodyhtml["']/.test(head)
  )
    return 'nukeviet'
  if (/baonghean\.vn$/.test(host) || /sc-longform-header|b-grid__title|bna\.1cdn\.vn/.test(head))
    return 'baonghean'
  if (/article__title|cms-title|cms-body|article__body/.test(head) || /-post\d+\.(html|tpo|vnp)$/.test(path))
    return 'newspaper-post'
  if (/\/wp-content\/|api\.w\.org|<meta[^>]+content=["']WordPress/i.test(head)) return 'wordpress'
  if (/<meta[^>]+content=["']Drupal|data-drupal-|\/sites\/default\/files\/|node--type-/i.test(head))
    return 'drupal'
  if (
    /\/-\/|p_p_id=|\/web\/guest\//.test(path) ||
    /Liferay\.|the-article-body|wd-boxs|journal-content-article|\/o\/[\w-]+-theme\//.test(head)
  )
    return 'liferay'
  if (
    /\/(Trang|Pages)\/[^?]*\.aspx/i.test(path) ||
    /RichHtmlField|divArticleDescription|__VIEWSTATE|Microsoft SharePoint|pnNguontin/.test(head)
  )
    return 'gov-portal'
  if (/index\.php\?language=|\/uploads\/news\/\d{4}_\d{2}\//.test(head) || /\/news\/.+-\d+\.html$/.test(path))
    return 'nukeviet'
  return 'generic'
}
