/**
 * Sites whose CMS we do not know ("generic"). Two house styles, chosen per host so that the generic
 * adapter meets both: a modern one (og:, JSON-LD, .detail-content) and a legacy table layout with no
 * metadata but a visible date. One listing style pages only through onclick handlers (cand.com.vn).
 */
import { hashString } from '../../snapshot/rng.ts'
import { weekdayVi } from '../../snapshot/text.ts'
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'tin-tuc', name: 'Tin tức' }
const listPath = (page: number): string => (page <= 1 ? `/${CAT.alias}/` : `/${CAT.alias}/?page=${page}`)
const legacy = (site: Site): boolean => hashString(site.host) % 3 === 0
const onclickPager = (site: Site): boolean => site.host === 'cand.com.vn'

const shell = (site: Site, title: string, head: string, main: string): string =>
  legacy(site)
    ? `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${e(title)}</title>
${head}
</head>
<body bgcolor="#ffffff">
<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td class="banner"><a href="${m.abs(site, '/')}">${e(site.source.name)}</a></td></tr>
<tr><td class="menu"><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></td></tr>
<tr><td valign="top">${main}</td></tr>
<tr><td class="footer">Bản quyền © ${e(site.source.name)}</td></tr></table>
</body>
</html>
`
    : `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
${head}
</head>
<body>
<header><a class="logo" href="${m.abs(site, '/')}">${e(site.source.name)}</a><nav><a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></nav></header>
<main>${main}</main>
<footer>© ${e(site.source.name)}</footer>
</body>
</html>
`

export const genericRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (_site, a) => `/${CAT.alias}/${a.slug}-${a.id}.html`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const relative = a.variants.includes('relative-date')
    const legacyEnc = a.variants.includes('tcvn3') || a.variants.includes('windows-1258')
    if (legacy(site) || legacyEnc) {
      const font = a.variants.includes('tcvn3') ? '.VnTime' : 'Times New Roman'
      const main = `<table width="100%"><tr><td class="date">${weekdayVi(p.d)}, ${p.dmy}</td></tr>
<tr><td><h1 class="title"><font face="${font}" size="4">${e(a.title)}</font></h1></td></tr>
${a.lead ? `<tr><td><font face="${font}"><b>${e(a.lead)}</b></font></td></tr>` : ''}
<tr><td class="content"><font face="${font}">
${m.bodyHtml(a, (img) => `<table align="center"><tr><td>${m.imgTag(a, img.src, img.caption)}</td></tr><tr><td><i>${e(img.caption)}</i></td></tr></table>`)}
</font></td></tr>
<tr><td align="right"><b>${e(a.authors.join(' - '))}</b></td></tr>
<tr><td class="other"><b>Các tin khác:</b><ul>${related
        .slice(0, 4)
        .map((r) => `<li><a href="${e(r.url)}">${e(r.title)}</a> (${m.pubParts(r).dmy})</li>`)
        .join('')}</ul></td></tr></table>`
      return shell(
        site,
        a.title,
        `${m.thiduaMeta(a)}\n<meta name="description" content="${e(a.lead ?? '')}">`,
        main
      )
    }
    const head = m.articleHead(
      a,
      m.canonical(a),
      m.ogMeta(site, a, relative ? null : a.published_at),
      ...(relative ? [] : [m.jsonLd(site, a)])
    )
    const main = `<nav class="breadcrumb"><a href="${m.abs(site, '/')}">Trang chủ</a> / <a href="${m.abs(site, listPath(1))}">${e(CAT.name)}</a></nav>
<article class="detail">
<h1 class="detail-title">${e(a.title)}</h1>
<div class="detail-time">${relative ? '2 giờ trước' : `${weekdayVi(p.d)}, ${p.dmy} ${p.time} (GMT+7)`}</div>
${a.lead ? `<h2 class="detail-sapo">${e(a.lead)}</h2>` : ''}
<div class="detail-content">
${m.bodyHtml(a, (img) => `<figure>${m.imgTag(a, img.src, img.caption)}<figcaption>${e(img.caption)}</figcaption></figure>`)}
<p class="author"><strong>${e(a.authors.join(' - '))}</strong></p>
</div>
</article>
<section class="related"><h3>Tin liên quan</h3><ul>${related
      .slice(0, 4)
      .map((r) => `<li><a href="${e(r.url)}">${e(r.title)}</a></li>`)
      .join('')}</ul></section>`
    return shell(site, a.title, head, main)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a) =>
        `<div class="item"><h3><a href="${e(a.url)}">${e(a.title)}</a></h3><span class="time">${m.pubParts(a).dmy}</span><p>${e(a.lead ?? '')}</p></div>`,
      (list, n, pages) => {
        const target = (k: number) =>
          onclickPager(site)
            ? `<a href="javascript:void(0)" onclick="window.location.href='${listPath(k)}'">${k}</a>`
            : `<a href="${m.abs(site, listPath(k))}">${k}</a>`
        const pager =
          pages.length > 1
            ? `<div class="paging">${pages.map((_, j) => (j + 1 === n ? `<b>${j + 1}</b>` : target(j + 1))).join(' ')}</div>`
            : ''
        return shell(site, CAT.name, '', `<h1>${e(CAT.name)}</h1><div class="list">${list}</div>${pager}`)
      }
    ),

  renderHome: (site, items) =>
    shell(site, site.source.name, '', m.categoryBlock(site, listPath(1), CAT.name, items.slice(0, 6))),

  renderFeed: (site, items) =>
    legacy(site)
      ? null
      : { path: '/rss/tin-tuc.rss', xml: m.rss2(site, site.source.name, '/rss/tin-tuc.rss', items) },
  renderSitemaps: (_site, items) => [
    {
      path: '/sitemap.xml',
      xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at.slice(0, 10) }))),
    },
  ],
  robots: (site) => m.robotsTxt(site, ['/admin/', '/search'], ['/sitemap.xml']),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, '/sitemap.xml')],
}
