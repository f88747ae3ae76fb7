/**
 * Liferay gov portal (design/portals.md §4): /chi-tiet-tin/-/view-article/1/<cat>/<id> article URLs,
 * portlet parameters on listings, a VCMS-style pager whose links exist only in onclick handlers.
 */
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: '13848241113627', name: 'Tin hoạt động' }
const PORTLET = 'com_soft_article_listnew_ListNewByCategoryPortlet_INSTANCE_tdpa'

const listPath = (page: number): string =>
  page <= 1
    ? '/web/guest/tin-hoat-dong'
    : `/web/guest/tin-hoat-dong?p_p_id=${PORTLET}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_${PORTLET}_resetCur=false&_${PORTLET}_delta=10&_${PORTLET}_cur=${page}`

const shell = (site: Site, title: string, head: string, main: string): string => `<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<meta content="text/html; charset=UTF-8" http-equiv="content-type">
<title>${e(title)} - ${e(site.source.name)}</title>
<link href="${m.abs(site, '/o/portal-theme/images/favicon.ico')}" rel="icon">
${head}
</head>
<body class="controls-visible guest-site">
<header id="banner"><a href="${m.abs(site, '/web/guest')}">${e(site.source.name)}</a></header>
<section id="content"><div class="portlet-layout">${main}</div></section>
<footer id="footer">${e(site.source.name)}</footer>
</body>
</html>
`

export const liferayRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (site, a) =>
    site.host.startsWith('syt.')
      ? `/vi/news/-/details/22511/${a.slug}`
      : `/chi-tiet-tin/-/view-article/1/${CAT.alias}/${a.id}`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const head = m.articleHead(
      a,
      `<meta property="og:url" content="${e(a.url)}">`,
      `<meta property="og:type" content="website">`,
      `<meta property="og:title" content="${e(a.title)}">`,
      `<meta property="og:description" content="">`
    )
    const main = `<div class="portlet-boundary" id="p_p_id_com_view_article_detail_DetailControllerPortlet_">
<article class="the-article"><section class="main-article">
<div id="title"><header class="title-article"><h1>${e(a.title)}</h1></header></div>
<div class="author-createtime-viewcount"><span class="the-article-createby">Người đăng tin: ${e(a.authors[0] ?? 'admin')}</span> <span class="the-article-timecreate">Ngày đăng tin: ${p.dmy} ${p.time}</span> <span class="viewcount">Lượt xem: ${m.counter(a.id, 10, 700)}</span></div>
<div class="share-content no-print"><a href="javascript:void(0)" onclick="window.print()">In bài viết</a> <span class="font-size">A- A A+</span></div>
${a.lead ? `<div id="tomtat"><p class="the-article-summary"><strong>${e(a.lead)}</strong></p></div>` : ''}
<div id="textToSpeech"><div class="the-article-body"><div class="contentfirst">
${m.bodyHtml(a, (img) => `<p style="text-align:center">${m.imgTag(a, img.src, img.caption)}</p><p style="text-align:center"><em>${e(img.caption)}</em></p>`)}
</div></div></div>
${a.authors.length > 0 ? `<p class="the-article-author">Tác giả: ${e(a.authors.join(', '))}</p>` : ''}
</section></article>
<div class="other-news"><h3>Các tin khác</h3><ul>${related
      .slice(0, 4)
      .map(
        (r) =>
          `<li><a href="${e(r.url)}">${e(r.title)}</a> <span>(${m.pubParts(r).d.d}/${m.pubParts(r).d.m}/${m.pubParts(r).d.y})</span></li>`
      )
      .join('')}</ul></div>
<div class="comment-form"><h4>Bình luận</h4><textarea></textarea></div>
</div>`
    return shell(site, a.title, head, main)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a) => {
        const d = m.pubParts(a).d
        return `<div class="newsItem"><div class="ItemContent"><h4><a href="${e(a.url)}">${e(a.title)}</a></h4><span class="post-ago">(${d.d}/${d.m}/${d.y})</span><p class="des">${e(a.lead ?? '')}</p></div></div>`
      },
      (list, n, pages) => {
        // VCMS-style pager: every href is "#", the target URL lives only in onclick.
        const link = (k: number, label: string, cls: string) =>
          `<li class="${cls}"><a href="#" onclick="self.location='${m.abs(site, listPath(k))}'; return false;">${label}</a></li>`
        const pager =
          pages.length > 1
            ? `<div class="wd-paging"><span>Tổng số ${items.length} bài / ${pages.length} trang</span><ul class="yiiPager">${n > 1 ? link(n - 1, 'Trước', 'previous') : ''}${pages.map((_, j) => link(j + 1, String(j + 1), j + 1 === n ? 'page selected' : 'page')).join('')}${n < pages.length ? link(n + 1, 'Sau', 'next') : ''}</ul></div>`
            : ''
        return shell(
          site,
          CAT.name,
          '',
          `<div class="portlet-boundary" id="p_p_id_${PORTLET}_"><div class="primary-box"><h3 class="tle">${e(CAT.name)}</h3></div><div class="news-list">${list}</div>${pager}</div>`
        )
      }
    ),

  renderHome: (site, items) =>
    shell(site, 'Trang chủ', '', m.categoryBlock(site, listPath(1), CAT.name, items.slice(0, 5), 'home')),

  renderSitemaps: (_site, items) => [
    {
      path: '/sitemap.xml',
      xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at.slice(0, 10) }))),
    },
  ],
  robots: (site) => m.robotsTxt(site, ['/c/', '/group/', '/api/'], ['/sitemap.xml']),
  entryPoints: (site) => [m.abs(site, '/web/guest'), m.abs(site, '/sitemap.xml')],
}
