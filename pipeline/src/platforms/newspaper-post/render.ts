/**
 * The "-post<id>" newspaper CMS family (design/portals.md §6.2-6.3): Báo Lào Cai, Nhân Dân, Tiền Phong
 * (.tpo), VietnamPlus (.vnp), SGGP... cms-title / cms-desc / cms-body classes, table.picture captions,
 * related blocks that print each title twice, social labels "fb yt zl tw".
 */
import { weekdayVi } from '../../snapshot/text.ts'
import type { PageArticle, PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'thoi-su', name: 'Thời sự' }
const ext = (site: Site): string =>
  site.host === 'tienphong.vn' ? 'tpo' : site.host.endsWith('vietnamplus.vn') ? 'vnp' : 'html'
const listPath = (page: number): string => (page <= 1 ? `/${CAT.alias}/` : `/${CAT.alias}/trang-${page}.html`)

const shell = (site: Site, title: string, head: string, main: string): string => `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${e(title)} | ${e(site.source.name)}</title>
${head}
</head>
<body>
<header class="site-header"><a class="logo" href="${m.abs(site, '/')}">${e(site.source.name)}</a><nav><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></nav></header>
<main class="main">${main}</main>
<footer class="site-footer"><div class="social"><a href="#">fb</a> <a href="#">yt</a> <a href="#">zl</a> <a href="#">tw</a></div><p>Theo dõi ${e(site.source.name)} trên Google News</p></footer>
</body>
</html>
`

const storyBox = (title: string, items: ReadonlyArray<PageArticle>): string =>
  items.length === 0
    ? ''
    : `<section class="box-related"><h3 class="box-heading">${e(title)}</h3>${items
        .map(
          (r) =>
            `<article class="story"><a class="story__thumb" href="${e(r.url)}" title="${e(r.title)}"><span class="story__alt">${e(r.title)}</span></a><h4 class="story__heading"><a href="${e(r.url)}">${e(r.title)}</a></h4><p class="story__summary">${e(r.lead ?? '')}</p></article>`
        )
        .join('')}</section>`

export const newspaperPostRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (site, a) => `/${a.slug}-post${a.id}.${ext(site)}`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const relative = a.variants.includes('relative-date')
    const naive = a.published_at.slice(0, 19)
    const head = m.articleHead(a, m.canonical(a), m.ogMeta(site, a), m.jsonLd(site, a))
    const figure = (img: { src: string; caption: string; extraText?: ReadonlyArray<string> }) =>
      `<table class="picture" align="center"><tbody><tr><td class="pic">${m.imgTag(a, img.src, img.caption)}</td></tr>${(img.extraText ?? []).map((t) => `<tr><td class="filename">${e(t)}</td></tr>`).join('')}${img.caption ? `<tr><td class="caption"><p>${e(img.caption)}</p></td></tr>` : ''}</tbody></table>`
    const main = `<div class="breadcrumb"><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></div>
<article class="article">
<h1 class="article__title cms-title">${e(a.title)}</h1>
<div class="article__meta"><span class="author">${e(a.authors.join(' - '))}</span> <time class="time" datetime="${naive}">${relative ? '2 giờ trước' : `${weekdayVi(p.d)}, ${p.dmy} - ${p.time}`}</time></div>
${a.lead ? `<div class="article__sapo cms-desc">${e(a.lead)}</div>` : ''}
<div class="article__body zce-content-body cms-body" itemprop="articleBody">
${m.bodyHtml(a, figure)}
</div>
<div class="article__tag"><span>Từ khóa:</span> <a href="${m.abs(site, '/tu-khoa/phong-trao-thi-dua-yeu-nuoc-tag63847.html')}">phong trào thi đua yêu nước</a></div>
</article>
${storyBox('Có thể bạn quan tâm', related.slice(0, 2))}
${storyBox('Tin cùng chuyên mục', related.slice(2, 6))}`
    return shell(site, a.title, head, main)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a) =>
        `<article class="story"><h2 class="story__heading"><a class="cms-link" href="${e(a.url)}" title="${e(a.title)}">${e(a.title)}</a></h2><time datetime="${a.published_at.slice(0, 19)}">${m.pubParts(a).dmy}</time><div class="story__summary">${e(a.lead ?? '')}</div></article>`,
      (list, n, pages) => {
        const pager =
          pages.length > 1
            ? `<div class="pagination">${n > 1 ? `<a class="prev" href="${m.abs(site, listPath(n - 1))}">Trang trước</a>` : ''}${pages.map((_, j) => (j + 1 === n ? `<span class="active">${j + 1}</span>` : `<a href="${m.abs(site, listPath(j + 1))}">${j + 1}</a>`)).join('')}${n < pages.length ? `<a class="next" href="${m.abs(site, listPath(n + 1))}">Trang sau</a>` : ''}</div>`
            : ''
        return shell(
          site,
          CAT.name,
          `<link rel="canonical" href="${m.abs(site, listPath(n))}">`,
          `<div class="timeline content-list">${list}</div>${pager}`
        )
      }
    ),

  renderHome(site, items) {
    return shell(
      site,
      site.source.name,
      '',
      `<section class="abf-cate">${m.categoryHeading(site, listPath(1), CAT.name)}${items
        .slice(0, 6)
        .map((a) => `<article><h2><a href="${e(a.url)}">${e(a.title)}</a></h2></article>`)
        .join('')}</section>`
    )
  },

  renderFeed: (site, items) => ({
    path: '/rss/home.rss',
    xml: m.rss2(site, site.source.name, '/rss/home.rss', items),
  }),
  renderSitemaps: (_site, items) => [
    { path: '/sitemap.xml', xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at }))) },
  ],
  robots: (site) => m.robotsTxt(site, ['/search', '/api/', '/tu-khoa/'], ['/sitemap.xml']),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, '/rss/home.rss'), m.abs(site, '/sitemap.xml')],
}
