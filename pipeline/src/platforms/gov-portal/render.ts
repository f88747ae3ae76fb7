/**
 * Government ASP.NET / SharePoint-style portal (design/portals.md §3): /Trang/ChiTietTinTuc.aspx?nid=,
 * web-part ids with GUIDs, digit-per-element visitor counter, "TIN MỚI HƠN" / "TIN ĐÃ ĐƯA" lists.
 * kontum.gov.vn keeps its own /pages/detail/<id>/<Slug>.html scheme on the same template.
 */
import { titleSlug, weekdayVi } from '../../snapshot/text.ts'
import type { PageArticle, PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'Tin-tuc-su-kien', name: 'Tin tức - Sự kiện' }
const GUID = 'ctl00_ctl30_g_a823d20f_9452_45d0_bad1_428f6d2d36fe'

const isKontumStyle = (site: Site) => site.host === 'kontum.gov.vn'
const listPath = (site: Site, page: number): string =>
  isKontumStyle(site)
    ? page <= 1
      ? '/pages/list/tin-tuc-su-kien.html'
      : `/pages/list/tin-tuc-su-kien.html?page=${page}`
    : page <= 1
      ? `/Trang/${CAT.alias}.aspx?Cat=82`
      : `/Trang/${CAT.alias}.aspx?Cat=82&page=${page}`

const visitorCounter = (site: Site): string =>
  `<div class="visitor"><h3>SỐ LƯỢT TRUY CẬP</h3><div class="digits">${String(
    m.counter(site.host, 1_000_000, 9_999_999)
  )
    .split('')
    .map((d) => `<span class="digit">${d}</span>`)
    .join('\n')}</div></div>`

const shell = (site: Site, title: string, head: string, main: string): string => `<!DOCTYPE html>
<html lang="vi" dir="ltr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="GENERATOR" content="Microsoft SharePoint">
<title>${e(title)}</title>
${head}
<script>var _spPageContextInfo={webServerRelativeUrl:"/",pageListId:"{6d1e2a0b-7c4f-4b1e-9f2a-2f6a4f0b9c11}"};</script>
</head>
<body>
<form method="post" action="./" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMGRk">
<div id="s4-workspace"><div class="banner"><a href="${m.abs(site, '/')}">${e(site.source.name)}</a></div>
<div class="row"><div class="col-main">${main}</div>
<div class="col-side">${visitorCounter(site)}</div></div></div>
</form>
</body>
</html>
`

export const govPortalRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (site, a) =>
    isKontumStyle(site)
      ? `/pages/detail/${a.id}/${titleSlug(a.slug.replaceAll('-', ' '), 30)}.html`
      : `/Trang/ChiTietTinTuc.aspx?nid=${a.id}`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const newer = related.filter((r) => r.published_at > a.published_at).slice(0, 3)
    const older = related.filter((r) => r.published_at <= a.published_at).slice(0, 4)
    const li = (r: PageArticle) =>
      `<li><a href="${e(r.url)}">${e(r.title)}</a> <span class="date">(${m.pubParts(r).dmy})</span></li>`
    const category = a.category.name
    const main = `<div id="${GUID}" class="ms-WPBody">
<div class="category-date"><span class="cat">${e(category)}</span> <span id="txtDateString">${weekdayVi(p.d)}, ${p.dmy}, ${p.time}</span></div>
<div id="divArticleDescription3"><h1>${e(a.title)}</h1></div>
${a.lead ? `<div id="divArticleDescription"><strong>${e(a.lead)}</strong></div>` : ''}
<div id="${GUID}_ctl00_RichHtmlField" class="ms-rtestate-field">
${m.bodyHtml(
  a,
  (img) =>
    `<table class="image"><tr><td>${m.imgTag(a, img.src, img.caption)}</td></tr><tr><td><em>${e(img.caption)}</em></td></tr></table>`,
  (t) => `<p style="text-align: justify;"><span style="font-size:14px;">${e(t)}</span></p>`
)}
</div>
<div id="${GUID}_pnNguontin" style="text-align:right"><font face="Arial"><b>${e(a.authors.join(' - '))}</b></font></div>
<div class="tools">Số lượt người xem: ${m.counter(a.id, 20, 500)} <a href="javascript:window.print()">Bản in</a><a href="javascript:history.go(-1)">Quay lại</a></div>
<div class="news-other"><h3>TIN MỚI HƠN</h3><ul>${newer.map(li).join('')}</ul><h3>TIN ĐÃ ĐƯA</h3><ul>${older.map(li).join('')}</ul><a href="${m.abs(site, listPath(site, 1))}">Xem tiếp</a></div>
<div class="filter-date"><span>Xem theo ngày</span> <select><option>Ngày</option></select><select><option>Tháng</option></select><select><option>Năm</option></select> <input type="button" value="Xem theo ngày"></div>
</div>
${m.chromeBlock(a.chrome?.bottom, 'chrome-bottom')}`
    return shell(site, a.title, m.thiduaMeta(a), main)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      (k) => listPath(site, k),
      (
        a
      ) => `<div class="news-item"><a href="${e(a.url)}"><img data-original="${m.abs(site, `/HinhAnhBaiViet/${a.id}.jpg`)}" src="${m.abs(site, '/_layouts/images/blank.gif')}" alt=""></a>
<h2><a href="${e(a.url)}">${e(a.title)}</a></h2><span class="date">${m.pubParts(a).dmy}</span><p>${e(a.lead ?? '')}</p></div>`,
      (list, n, pages) => {
        // The pager is a bare row of anchors located by position (no classes), as on real portals.
        const pager =
          pages.length > 1
            ? `<div class="pager">${pages.map((_, j) => (j + 1 === n ? `<span>${j + 1}</span>` : `<a href="${m.abs(site, listPath(site, j + 1))}">${j + 1}</a>`)).join(' ')}${n < pages.length ? ` <a href="${m.abs(site, listPath(site, n + 1))}">Sau</a>` : ''}</div>`
            : ''
        return shell(
          site,
          CAT.name,
          '',
          `<div id="${GUID}" class="ms-WPBody"><h1 class="cat-title">${e(CAT.name)}</h1>${list}${pager}</div>`
        )
      }
    ),

  renderHome: (site, items) =>
    shell(
      site,
      site.source.name,
      '',
      m.categoryBlock(site, listPath(site, 1), CAT.name, items.slice(0, 5), 'home-news')
    ),

  // These portals rarely publish feeds or sitemaps: crawlers must walk the listings.
  renderSitemaps: () => [],
  robots: (site) => m.robotsTxt(site, ['/_layouts/', '/_vti_bin/', '/Lists/'], []),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, listPath(site, 1))],
}
