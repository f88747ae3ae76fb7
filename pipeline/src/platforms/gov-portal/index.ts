/**
 * Government ASP.NET / SharePoint portals (design/portals.md §3.3): generated ids, so the adapter
 * keys on stable id fragments (divArticleDescription, RichHtmlField, pnNguontin, txtDateString)
 * and on the "Quy hoạch - Kế hoạch Thứ Ba, 22/10/2019, 15:50" category + date line.
 */
import { firstShortMatch } from '../read/dom.ts'
import { type Refine, selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { govPortalRenderer } from './render.ts'

const TABLE = selectorTable(`
title        [id*="divArticleDescription3"] h1 | #news-title | #txtTitle | .news-title h1 | .article-title | h1.title | h1
date-text    #txtDateString | #publish-date | [id$="pnHide"] | .news-date | .date-news | .ngaydang
category     .news-category | .category-name | .cat-name
lead         [id$="divArticleDescription"] | [id$="divArticleDescription1"] | #news-des | #idTomTat | .news-sapo | .sapo
body         [id$="_RichHtmlField"] | [id*="RichHtmlField"] | [id$="divArticleDescription2"] | #divArticleContent | #news-detail | #contenttin | .news-content | .article-content | .ms-rtestate-field
authors-all  [id$="_pnNguontin"], [id$="pnTacGia"], .tacgia, .author
`)

const DATE_RE = /\d{1,2}\/\d{1,2}\/\d{4}/

/** The date usually sits in a short line just above the title, after the category label. */
const dateAndCategory: Refine = ({ doc }, out) => {
  const dateText = out.dateText ?? firstShortMatch(doc, 'span, p, div, td, em', DATE_RE)
  let category = out.category
  if (!category && dateText) {
    const m = /^(.*?)\s*(?:Thứ|Chủ nhật|CN|T[2-7]\b|\d{1,2}\/)/iu.exec(dateText)
    if (m?.[1] && m[1].length > 1) category = m[1].replace(/[|,-]\s*$/, '').trim() || null
  }
  return { ...out, dateText, category }
}

export const govPortal: PlatformModule = {
  name: 'gov-portal',
  home: '/',
  articleUrls: [
    /chitiettintuc\.aspx\?.*\bnid=\d+/i,
    /\.aspx\?(?:.*&)?itemid=\d+/i,
    /\/pages\/detail\/\d+\//i,
    /\/noi-dung\/\d+\//i,
    /\/portal\/pages\/\d{4}-\d\d-\d\d\/.+-\d+\.aspx$/i,
    /\.aspx\?(?:.*&)?(?:tintucid|newsid|idtin|articleid|id)=\d+/i,
    /\/pages\/[^/?]*-[^/?]*\.aspx$/i, // SharePoint publishing page named after its title
    /\/[^/]*-\d{3,}(?:\.html?)?$/i,
  ],
  fingerprint: ({ head, path }) =>
    /\/(Trang|Pages)\/[^?]*\.aspx/i.test(path) ||
    /RichHtmlField|divArticleDescription|__VIEWSTATE|Microsoft SharePoint|pnNguontin/.test(head),
  adapter: tableAdapter('gov-portal', TABLE, dateAndCategory),
  renderer: govPortalRenderer,
}
