/** Drupal provincial sub-site (Lạng Sơn style): /vi/node/<nid>, 0-based ?page=, /rss.xml, skip link. */
import { weekday } from '../../snapshot/text.ts'
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'tin-tuc', name: 'Tin tức - Sự kiện' }
const listPath = (page: number): string =>
  page <= 1 ? `/vi/${CAT.alias}` : `/vi/${CAT.alias}?page=${page - 1}`
const DAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']

const shell = (site: Site, title: string, head: string, main: string): string => `<!DOCTYPE html>
<html lang="vi" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)">
<title>${e(title)} | ${e(site.source.name)}</title>
<link rel="alternate" type="application/atom+xml" title="${e(site.source.name)}" href="${m.abs(site, '/rss.xml')}">
${head}
</head>
<body class="path-node">
<a href="#main-content" class="visually-hidden focusable skip-link">Nhảy đến nội dung</a>
<div class="dialog-off-canvas-main-canvas"><header role="banner"><a href="${m.abs(site, '/vi')}" rel="home">${e(site.source.name)}</a></header>
<main role="main"><a id="main-content" tabindex="-1"></a>${main}</main>
<footer role="contentinfo">${e(site.source.name)}</footer></div>
</body>
</html>
`

export const drupalRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (_site, a) => `/vi/node/${a.id}`,

  renderArticle(site, a) {
    const p = m.pubParts(a)
    const head = m.articleHead(
      a,
      m.canonical(a),
      `<link rel="shortlink" href="${e(a.url)}">`,
      m.description(a)
    )
    const main = `<article role="article" about="${e(new URL(a.url).pathname)}" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">${e(a.title)}</span></h1>
<div class="node__meta"><span class="field--name-uid">Gửi bởi ${e(a.authors[0] ?? 'bantdkt')}</span> vào <span class="field--name-created"><time datetime="${a.published_at}">${DAYS[weekday(p.d)]}, ${p.dmy} - ${p.time}</time></span></div>
<div class="node__content">
${a.lead ? `<div class="field field--name-field-tom-tat"><p><strong>${e(a.lead)}</strong></p></div>` : ''}
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
${m.bodyHtml(a, (img) => `<div class="align-center">${m.imgTag(a, img.src, img.caption)}<p><em>${e(img.caption)}</em></p></div>`)}
${a.authors.length > 0 ? `<p style="text-align:right"><strong>${e(a.authors.join(' - '))} (BTĐKT)</strong></p>` : ''}
</div></div></article>`
    return shell(site, a.title, head, main)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a) =>
        `<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="${e(new URL(a.url).pathname)}" hreflang="vi">${e(a.title)}</a></span></div><div class="views-field views-field-created"><span class="field-content">${m.pubParts(a).dmy}</span></div></div>`,
      (rows, n, pages) => {
        const pager =
          pages.length > 1
            ? `<nav class="pager" role="navigation"><ul class="pager__items js-pager__items">${pages
                .map((_, j) =>
                  j + 1 === n
                    ? `<li class="pager__item is-active"><a href="?page=${j}" title="Trang hiện tại">${j + 1}</a></li>`
                    : `<li class="pager__item"><a href="?page=${j}" title="Đến trang ${j + 1}">${j + 1}</a></li>`
                )
                .join(
                  ''
                )}${n < pages.length ? `<li class="pager__item pager__item--next"><a href="?page=${n}" rel="next">Trang sau ›</a></li>` : ''}</ul></nav>`
            : ''
        return shell(
          site,
          CAT.name,
          '',
          `<h1 class="page-title">${e(CAT.name)}</h1><div class="view view-tin-tuc"><div class="view-content">${rows}</div>${pager}</div>`
        )
      }
    ),

  renderHome: (site, items) =>
    shell(
      site,
      'Trang chủ',
      '',
      m.categoryBlock(site, listPath(1), CAT.name, items.slice(0, 5), 'block-views')
    ),

  renderFeed: (site, items) => ({ path: '/rss.xml', xml: m.atomFeed(site, '/rss.xml', items) }),
  renderSitemaps: (_site, items) => [
    { path: '/sitemap.xml', xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at }))) },
  ],
  robots: (site) =>
    m.robotsTxt(site, ['/core/', '/admin/', '/user/login', '/search/', '/node/add/'], ['/sitemap.xml']),
  entryPoints: (site) => [m.abs(site, '/vi'), m.abs(site, '/rss.xml'), m.abs(site, '/sitemap.xml')],
}
