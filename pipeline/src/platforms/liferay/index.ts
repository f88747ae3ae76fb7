/**
 * Liferay government portals (design/portals.md §4.3): the Đà Nẵng DNICT article portlet
 * ("Ngày đăng tin:", `.the-article-body`), Vietsoftware VCMS (`.wd-boxs`, "Ngay dang:" without
 * diacritics, `p.wd-actor`), ECOIT soft_cms and plain web content (`.journal-content-article`), and
 * the asset publisher's full view (`.asset-full-content-title`, `.assetPublishDate`). The asset
 * publisher's "view-content-author" names the CMS account that posted the page.
 */
import { present } from '../read/dom.ts'
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { liferayRenderer } from './render.ts'

const TABLE = selectorTable(`
title        #title header.title-article | .title-article | .wd-boxs h3.wd-tlh3-4 | .contentDetail h3 | .asset-full-content .header-title | .asset-full-content-title | section > article > h1 | .journal-content-article h1 | h1
date-text    .the-article-timecreate | .wd-boxs p.wd-date | .wd-date | .post-ago | .publish-date | .news-date | .assetPublishDate | .date
lead         #tomtat .the-article-summary | .the-article-summary | .contentDetail .sapo | p#change_font_size | .sapo
body         #textToSpeech .the-article-body | .the-article-body | .wd-boxs .wd-content | .contentDetail .journal-content-article | .asset-full-content .journal-content-article | .journal-content-article | div.col-md-12.mb-3 | .wd-boxs
authors-all  p.the-article-author, .wd-actor, .article-author, .author
poster-all   .view-content-author
category     .wd-boxs h2.wd-tlh1-2 | .primary-box h3.tle | .category-title | .breadcrumb li:last-child
`)

export const liferay: PlatformModule = {
  name: 'liferay',
  home: '/web/guest',
  articleUrls: [
    /\/-\/view-article\//i,
    /\/-\/asset_publisher\/[^/]+\/content\//i,
    /\/-\/details\/\d+\//i,
    /[?&](?:articleid|dinhdanh)=/i,
    /\/chi-tiet-tin\//i,
  ],
  fingerprint: ({ head, path }) =>
    /\/-\/|p_p_id=|\/web\/guest\//.test(path) ||
    /Liferay\.|the-article-body|wd-boxs|journal-content-article|\/o\/[\w-]+-theme\//.test(head),
  // A sapo printed inside the body is read once, with the body.
  adapter: tableAdapter('liferay', TABLE, (_input, out, { lead, body }) => ({
    ...out,
    body: present([lead && body?.children.includes(lead) ? null : lead, body]),
  })),
  renderer: liferayRenderer,
}
