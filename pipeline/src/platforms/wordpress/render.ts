/** WordPress news/TV site (kontumtv.vn type, design/portals.md §5): /feed/, wp-sitemap, comment form. */
import type { PlatformRenderer, Site } from '../../snapshot/types.ts'
import * as m from '../markup.ts'

const e = m.e

const CAT = { alias: 'tin-tuc', name: 'Tin tức' }
const listPath = (page: number): string =>
  page <= 1 ? `/category/${CAT.alias}/` : `/category/${CAT.alias}/page/${page}/`

const shell = (
  site: Site,
  title: string,
  head: string,
  main: string,
  bodyClass: string
): string => `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>${e(title)} &#8211; ${e(site.source.name)}</title>
<link rel="https://api.w.org/" href="${m.abs(site, '/wp-json/')}">
<link rel="alternate" type="application/rss+xml" title="${e(site.source.name)} &raquo; Dòng thông tin" href="${m.abs(site, '/feed/')}">
${head}
</head>
<body class="${bodyClass}">
<header class="site-header"><a href="${m.abs(site, '/')}" rel="home">${e(site.source.name)}</a></header>
<div id="content" class="site-content">${main}</div>
<footer class="site-footer">© ${e(site.source.name)}</footer>
</body>
</html>
`

export const wordpressRenderer: PlatformRenderer = {
  category: () => CAT,
  articlePath: (_site, a) => `/tin-tuc/tin-trong-nuoc/${a.slug}`,

  renderArticle(site, a, related) {
    const p = m.pubParts(a)
    const head = m.articleHead(
      a,
      m.canonical(a),
      `<link rel="shortlink" href="${m.abs(site, `/?p=${a.id}`)}">`,
      m.ogMeta(site, a),
      m.jsonLd(site, a)
    )
    const firstPara =
      a.dateline && a.paragraphs.length > 0 && !a.paragraphs[0]!.startsWith('(')
        ? [`${a.dateline} ${a.paragraphs[0]}`, ...a.paragraphs.slice(1)]
        : a.paragraphs
    const art = { ...a, paragraphs: firstPara }
    const main = `<article id="post-${a.id}" class="post-${a.id} post type-post status-publish format-standard hentry category-${CAT.alias}">
<header class="entry-header"><h1 class="entry-title">${e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${a.published_at}">${p.dmy}</time><time class="updated" datetime="${a.published_at}">${p.dmy}</time></span> <span class="byline"><a rel="author" href="${m.abs(site, '/author/admin/')}">admin</a></span></div></header>
<div class="entry-content">
${m.bodyHtml(art, (img) => `<figure class="wp-block-image">${m.imgTag(a, img.src, img.caption, 'size-large')}<figcaption>${e(img.caption)}</figcaption></figure>`)}
${a.authors.length > 0 ? `<p style="text-align: right;"><strong>${e(a.authors.join(' – '))}</strong></p>` : ''}
</div>
<footer class="entry-footer"><span class="cat-links"><a href="${m.abs(site, listPath(1))}" rel="category tag">${e(CAT.name)}</a></span></footer>
</article>
<div class="jp-relatedposts"><h3>Bài viết liên quan</h3><ul>${related
      .slice(0, 3)
      .map((r) => `<li><a href="${e(r.url)}">${e(r.title)}</a></li>`)
      .join('')}</ul></div>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Trả lời</h3>
<form action="${m.abs(site, '/wp-comments-post.php')}" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Email của bạn sẽ không được hiển thị công khai.</span> <span class="required-field-message">Các trường bắt buộc được đánh dấu <span class="required">*</span></span></p><textarea id="comment" name="comment"></textarea><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi"></form></div></div>`
    return shell(site, a.title, head, main, `post-template-default single single-post postid-${a.id}`)
  },

  renderListings: (site, items) =>
    m.listingPages(
      items,
      listPath,
      (a) =>
        `<article class="post-${a.id} post type-post category-${CAT.alias}"><div class="post-thumb"><a href="${e(a.url)}">${m.imgTag(a, m.abs(site, `/wp-content/uploads/${a.published_at.slice(0, 4)}/${a.published_at.slice(5, 7)}/thumb-${a.id}.jpg`), a.title)}</a></div><h2 class="entry-title"><a href="${e(a.url)}" rel="bookmark">${e(a.title)}</a></h2><time class="entry-date" datetime="${a.published_at}">${m.pubParts(a).dmy}</time><div class="entry-summary"><p>${e(a.lead ?? '')}</p></div></article>`,
      (posts, n, pages) => {
        const nav =
          pages.length > 1
            ? `<nav class="navigation pagination"><div class="nav-links">${pages.map((_, j) => (j + 1 === n ? `<span aria-current="page" class="page-numbers current">${j + 1}</span>` : `<a class="page-numbers" href="${m.abs(site, listPath(j + 1))}">${j + 1}</a>`)).join('')}${n < pages.length ? `<a class="next page-numbers" href="${m.abs(site, listPath(n + 1))}">Trang sau</a>` : ''}</div></nav>`
            : ''
        return shell(
          site,
          CAT.name,
          `<link rel="canonical" href="${m.abs(site, listPath(n))}">`,
          `<h1 class="page-title">Chuyên mục: ${e(CAT.name)}</h1>${posts}${nav}`,
          'archive category'
        )
      }
    ),

  renderHome(site, items) {
    return shell(
      site,
      site.source.name,
      '',
      `<section class="home-latest">${m.categoryHeading(site, listPath(1), CAT.name)}${items
        .slice(0, 6)
        .map((a) => `<div class="post-thumb"><a href="${e(a.url)}">${e(a.title)}</a></div>`)
        .join('')}</section>`,
      'home blog'
    )
  },

  renderFeed: (site, items) => ({ path: '/feed/', xml: m.rss2(site, site.source.name, '/feed/', items) }),
  renderSitemaps: (site, items) => [
    { path: '/wp-sitemap.xml', xml: m.sitemapIndex([m.abs(site, '/wp-sitemap-posts-post-1.xml')]) },
    { path: '/wp-sitemap-posts-post-1.xml', xml: m.urlset(items.map((a) => ({ loc: a.url }))) },
  ],
  robots: (site) =>
    m
      .robotsTxt(site, ['/wp-admin/', '/?s=', '/search/'], ['/wp-sitemap.xml'])
      .replace('Disallow: /wp-admin/', 'Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php'),
  entryPoints: (site) => [m.abs(site, '/'), m.abs(site, '/feed/'), m.abs(site, '/wp-sitemap.xml')],
}
