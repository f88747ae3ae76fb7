/** NukeViet 4 news module (design/portals.md §2): rewritten URLs, panel layout, rating form, RSS bugs. */
import { weekdayVi } from '../../snapshot/text.ts'
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' }

/** NukeViet prints article:published_time with PHP "Y-m-dTH:i:s": T is the zone name, not a literal. */
const brokenPublishedTime = (iso: string): string => `${iso.slice(0, 10)}ICT${iso.slice(11, 19)}`

/** RSS pubDate bug: "H:m:s" puts the month number where the minutes belong. */
const buggyPubDate = (iso: string): string => {
  const d = new Date(iso)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mon = String(d.getUTCMonth() + 1).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mon}:00 GMT`
}

const listPath = (page: number): string =>
  page <= 1 ? `/vi/news/${CAT.alias}/` : `/vi/news/${CAT.alias}/page-${page}/`

const shell = (site: Site, title: string, head: string, body: string): string => `<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<title>${e(title)} - ${e(site.source.name)}</title>
<meta name="generator" content="NukeViet v4.5">
<link rel="alternate" href="${m.abs(site, '/vi/news/rss/')}" title="Tin Tức" type="application/rss+xml">
${head}
</head>
<body>
<div class="header-top"><span class="site-name">Cổng thông tin điện tử</span></div>
<div class="wraper">
<div class="accessibility"><a href="#" class="font-minus">A-</a> <a href="#" class="font-reset">A</a> <a href="#" class="font-plus">A+</a> | <span>Tăng tương phản</span> <span>Giảm tương phản</span></div>
<ul class="breadcrumbs"></ul>
${body}
</div>
<footer id="footer"><p>© ${e(site.source.name)}</p></footer>
</body>
</html>
`

export const nukevietRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (_site, a) => `/vi/news/${CAT.alias}/${a.slug}-${a.id}.html`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const head = m.articleHead(
      a,
      m.description(a),
      m.canonical(a),
      `<meta property="og:title" content="${e(a.title)}">`,
      `<meta property="og:type" content="article">`,
      `<meta property="og:url" content="${e(a.url)}">`,
      `<meta property="article:section" content="${e(CAT.name)}">`,
      `<meta property="article:published_time" content="${brokenPublishedTime(a.published_at)}">`,
      `<meta property="article:modified_time" content="${brokenPublishedTime(a.published_at)}">`
    )
    const printPath = m.pathOf(a.url).replace('/vi/news/', '/vi/news/print/')
    const figure = (img: { src: string; caption: string }) =>
      `<figure class="article center">${m.imgTag(a, img.src, img.caption)}<figcaption>${e(img.caption)}</figcaption></figure>`
    const author =
      a.authors.length > 0
        ? `<p class="h5 text-right"><strong>Tác giả: </strong>${e(a.authors.join(', '))}</p>`
        : ''
    const newer = related.slice(0, 3)
    const body = `${m.chromeBlock(a.chrome?.top, 'portal-banner')}
<ul class="temp-breadcrumbs hidden" itemscope itemtype="http://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="${m.abs(site, listPath(1))}" itemprop="item"><span itemprop="name">${e(CAT.name)}</span></a></li></ul>
<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body">
<h1 class="title margin-bottom-lg" itemprop="headline">${e(a.title)}</h1>
<div class="hidden hide d-none" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">${e(a.authors[0] ?? '')}</span></div>
<span class="hidden hide d-none" itemprop="datePublished">${a.published_at}</span>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">${weekdayVi(p.d, true)} - ${p.dmy} ${p.time}</span></div>
<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" title="Gửi bài viết qua email" href="javascript:void(0);" onclick="nv_open_browse('${m.abs(site, '/vi/news/sendmail/')}','',650,500);return false"><em class="fa fa-envelope"></em></a></li><li><a class="dimgray" title="In ra" href="javascript: void(0)" onclick="nv_open_browse('${e(m.abs(site, printPath))}','',840,500,'resizable=yes,scrollbars=yes');return false"><em class="fa fa-print"></em></a></li></ul></div></div>
${a.lead ? `<div class="clearfix"><div class="hometext m-bottom" itemprop="description">${e(a.lead)}</div></div>` : ''}
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
${m.bodyHtml(a, figure)}
</div>
${author}
</div>
</div>
<div class="news_column panel panel-default"><div class="panel-body"><div class="alert alert-info">Bản quyền thuộc về ${e(site.source.name)}. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</div></div></div>
<div class="news_column panel panel-default"><div class="panel-body"><form id="form3B" action=""><div class="h5 clearfix"><p id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p>${[1, 2, 3, 4, 5].map((i) => `<input class="hover-star" type="radio" value="${i}" title="Bài viết đạt ${i} điểm">`).join('')}<span id="hover-test">Click để đánh giá bài viết</span></div></form></div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news">
${newer.length > 0 ? `<p class="h3"><strong>Những tin mới hơn</strong></p><ul class="detail-related related list-none list-items">${newer.map((r) => `<li><h4><a href="${e(r.url)}" title="${e(r.title)}">${e(r.title)}</a></h4><em>(${m.pubParts(r).dmy})</em></li>`).join('')}</ul>` : ''}
</div></div>`
    return shell(site, a.title, head, body)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a, i, n) => {
        const p = m.pubParts(a)
        const h = i === 0 && n === 1 ? 'h2' : 'h3'
        return `<div class="panel panel-default"><div class="panel-body${i === 0 && n === 1 ? ' featured' : ''}">
<a href="${e(a.url)}" title="${e(a.title)}"><img alt="${e(a.title)}" src="${m.abs(site, `/assets/news/${p.d.y}_${String(p.d.m).padStart(2, '0')}/thumb-${a.id}.jpg`)}" width="100" class="img-thumbnail pull-left imghome"></a>
<${h}><a href="${e(a.url)}" title="${e(a.title)}">${e(a.title)}</a></${h}>
<div class="text-muted"><ul class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> ${p.dmy} ${p.time}:00</li><li><em class="fa fa-eye">&nbsp;</em> Đã xem: ${m.counter(a.id, 20, 900)}</li></ul></div>
${e(a.lead ?? '')}
</div></div>`
      },
      (list, n, pages) => {
        // The pager's quirk from the NukeViet source: with seven pages or fewer the active item
        // is closed with "<li>" instead of "</li>" (malformed HTML, reproduced on purpose).
        const pager =
          pages.length > 1
            ? `<div class="text-center"><ul class="pagination">${pages
                .map((_, j) => {
                  const k = j + 1
                  if (k === n)
                    return `<li class="page-item active"><a class="page-link" href="javascript:void(0)">${k}</a>${pages.length <= 7 ? '<li>' : '</li>'}`
                  const rel = k === n - 1 ? ' rel="prev"' : k === n + 1 ? ' rel="next"' : ''
                  return `<li class="page-item"><a class="page-link"${rel} title="${e(CAT.name)} - Trang ${k}" href="${m.abs(site, listPath(k))}">${k}</a></li>`
                })
                .join('')}</ul></div>`
            : ''
        const head = [
          `<link rel="canonical" href="${m.abs(site, listPath(n))}">`,
          ...(n > 1 ? [`<link rel="prev" href="${m.abs(site, listPath(n - 1))}">`] : []),
          ...(n < pages.length ? [`<link rel="next" href="${m.abs(site, listPath(n + 1))}">`] : []),
        ].join('\n')
        return shell(
          site,
          n > 1 ? `${CAT.name} - Trang ${n}` : CAT.name,
          head,
          `<div class="news_column">${n === 1 ? `<div class="alert alert-info clearfix"><h1>${e(CAT.name)}</h1></div>` : ''}\n${list}\n${pager}</div>`
        )
      }
    ),

  renderHome(site, items) {
    const list = items
      .slice(0, 6)
      .map(
        (a) =>
          `<li><a href="${e(a.url)}" title="${e(a.title)}">${e(a.title)}</a> <em>(${m.pubParts(a).dmy})</em></li>`
      )
      .join('\n')
    return shell(
      site,
      'Trang chủ',
      `<link rel="canonical" href="${m.abs(site, '/')}">`,
      `<div class="news_column">${m.categoryHeading(site, listPath(1), CAT.name)}<ul class="related list-items">${list}</ul><p><a href="${m.abs(site, '/vi/news/')}">Tin tức</a></p></div>`
    )
  },

  renderFeed(site, items) {
    const path = '/vi/news/rss/'
    return {
      path,
      xml: m.rss2(
        site,
        `Tin Tức - ${CAT.name}`,
        path,
        items,
        (a) => buggyPubDate(a.published_at),
        '\n<generator><![CDATA[NukeViet v4.0]]></generator>'
      ),
    }
  },

  renderSitemaps(site, items) {
    return [
      { path: '/sitemap.xml', xml: m.sitemapIndex([m.abs(site, '/sitemap-vi.news.xml')]) },
      {
        path: '/sitemap-vi.news.xml',
        xml: m.urlset(items.map((a) => ({ loc: a.url, lastmod: a.published_at }))),
      },
    ]
  },

  renderPrint(site, a) {
    const path = m.pathOf(a.url).replace('/vi/news/', '/vi/news/print/')
    const p = m.pubParts(a)
    const html = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${e(a.title)}</title>${m.thiduaMeta(a)}<link rel="canonical" href="${e(a.url)}"><meta name="robots" content="noindex"></head>
<body><div id="print"><div id="hd_print"><h2>${e(site.source.name)}</h2><p>${e(site.origin)}</p></div>
<div id="content"><h1>${e(a.title)}</h1><ul class="list-inline"><li>${weekdayVi(p.d, true)} - ${p.dmy} ${p.time}</li><li class="hidden-print"><a href="javascript:window.print()">In bài viết</a></li></ul>
${a.lead ? `<div id="hometext">${e(a.lead)}</div>` : ''}
<div id="bodytext" class="clearfix">${m.bodyHtml(a, (img) => `<p>${m.imgTag(a, img.src, img.caption)}<br><em>${e(img.caption)}</em></p>`)}</div>
<div id="author">${e(a.authors.join(', '))}</div></div></div></body></html>
`
    return { path, html }
  },

  robots: (site) =>
    m.robotsTxt(
      site,
      ['/admin/', '/includes/', '/install/', '/vi/news/search/', '/vi/news/sendmail/'],
      ['/sitemap.xml']
    ),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, '/vi/news/rss/'), m.abs(site, '/sitemap.xml')],
}
