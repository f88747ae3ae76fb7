/** Báo Nghệ An's current CMS (design/portals.md §6.1): -<id>.html URLs, b-grid listings, "Tin mới" block. */
import { weekdayVi } from '../../snapshot/text.ts'
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'thoi-su', name: 'Thời sự' }
const listPath = (page: number): string => (page <= 1 ? `/${CAT.alias}/` : `/${CAT.alias}/?page=${page}`)

const shell = (
  site: Site,
  title: string,
  head: string,
  main: string,
  latest: string
): string => `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${e(title)}</title>
${head}
</head>
<body>
<div class="mask">mask</div>
<header class="header"><a class="logo" href="${m.abs(site, '/')}">Báo Nghệ An</a><nav class="menu"><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></nav></header>
<div class="container"><div class="col-main">${main}</div><aside class="col-side"><div class="box-news-latest"><h3 class="box-title">Tin mới</h3>${latest}</div></aside></div>
<footer class="footer">Báo Nghệ An - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Nghệ An</footer>
</body>
</html>
`

export const baongheanRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (_site, a) => `/${a.slug}-${a.id}.html`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const head = m.articleHead(a, m.canonical(a), m.description(a), m.ogMeta(site, a), m.jsonLd(site, a))
    const figure = (img: { src: string; caption: string; extraText?: ReadonlyArray<string> }) =>
      `<figure class="image">${m.imgTag(a, img.src, img.extraText?.[0] ?? img.caption)}<figcaption>${e(img.caption)}</figcaption></figure>`
    const withDateline = a.dateline && a.lead && !a.lead.startsWith('(') ? `${a.dateline} ${a.lead}` : a.lead
    const main = `<div class="breadcrumbs"><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></div>
<div class="article">
<h1 class="sc-longform-header-title block-sc-title">${e(a.title)}</h1>
<div class="sc-longform-header-date"><span class="author">${e(a.authors.join(', '))}</span> <time datetime="${a.published_at}">${weekdayVi(p.d)}, ${p.dmy} ${p.time}</time></div>
${withDateline ? `<div class="sc-longform-header-sapo block-sc-sapo">${e(withDateline)}</div>` : ''}
<div class="detail-content afcbc-body">
${m.bodyHtml(a, figure)}
</div>
<div class="tags"><span>Từ khóa:</span> <a href="${m.abs(site, '/tags/thi-dua-yeu-nuoc.html')}">thi đua yêu nước</a></div>
</div>`
    const latest = related
      .slice(0, 5)
      .map(
        (r) =>
          `<div class="b-grid"><h3 class="b-grid__title"><a href="${e(r.url)}">${e(r.title)}</a></h3></div>`
      )
      .join('')
    return shell(site, a.title, head, main, latest)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a, i, n) => {
        // Newest items show a relative time, as the live site does; older ones a date.
        const when = n === 1 && i === 0 ? '2 giờ trước' : m.pubParts(a).dmy
        return `<div class="b-grid"><div class="b-grid__img"><a href="${e(a.url)}">${m.imgTag(a, `https://bna.1cdn.vn/${a.published_at.slice(0, 10).replaceAll('-', '/')}/${a.id}.jpg`, a.title)}</a></div><div class="b-grid__content"><h3 class="b-grid__title"><a href="${e(a.url)}">${e(a.title)}</a></h3><span class="b-grid__time">${when}</span><div class="b-grid__desc">${e(a.lead ?? '')}</div></div></div>`
      },
      (list, n, pages) => {
        const pager =
          pages.length > 1
            ? `<div class="pagination">${pages.map((_, j) => (j + 1 === n ? `<span class="current">${j + 1}</span>` : `<a href="${m.abs(site, listPath(j + 1))}">${j + 1}</a>`)).join('')}${n < pages.length ? `<a class="next" href="${m.abs(site, listPath(n + 1))}">›</a>` : ''}</div>`
            : ''
        return shell(
          site,
          `${CAT.name} - Báo Nghệ An`,
          `<link rel="canonical" href="${m.abs(site, listPath(n))}">`,
          `<h1 class="cate-title">${e(CAT.name)}</h1>${list}${pager}`,
          ''
        )
      }
    ),

  renderHome(site, items) {
    return shell(
      site,
      'Báo Nghệ An',
      '',
      items
        .slice(0, 6)
        .map(
          (a) =>
            `<div class="b-grid"><h3 class="b-grid__title"><a href="${e(a.url)}">${e(a.title)}</a></h3></div>`
        )
        .join(''),
      `<a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a>`
    )
  },

  renderFeed: (site, items) => ({
    path: '/rss/thoi-su.rss',
    xml: m.atomFeed(site, '/rss/thoi-su.rss', items),
  }),
  renderSitemaps: (_site, items) => [
    { path: '/sitemap.xml', xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at }))) },
  ],
  robots: (site) =>
    m.robotsTxt(site, ['/video/', '/short-video/', '/podcast/', '/tim-kiem'], ['/sitemap.xml']),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, '/rss/thoi-su.rss'), m.abs(site, '/sitemap.xml')],
}
