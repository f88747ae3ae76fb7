/**
 * Government ASP.NET / SharePoint portals (design/portals.md §3.3): generated ids, so the adapter
 * keys on stable id fragments (divArticleDescription, RichHtmlField, pnNguontin, txtDateString)
 * and on the "Quy hoạch - Kế hoạch Thứ Ba, 22/10/2019, 15:50" category + date line.
 */
import { allBylineAuthors } from './bylines.ts'
import { firstElement, firstShortMatch, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

const DATE_RE = /\d{1,2}\/\d{1,2}\/\d{4}/

export const govPortalAdapter: Adapter = {
  platform: 'gov-portal',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      '[id*="divArticleDescription3"] h1',
      '#news-title',
      '#txtTitle',
      '.news-title h1',
      '.article-title',
      'h1.title',
      'h1',
    ])
    let dateText: string | null = firstText(doc, [
      '#txtDateString',
      '#publish-date',
      '[id$="pnHide"]',
      '.news-date',
      '.date-news',
      '.ngaydang',
    ])
    let category: string | null = firstText(doc, ['.news-category', '.category-name', '.cat-name'])
    // The date usually sits in a short line just above the title, after the category label.
    if (!dateText) dateText = firstShortMatch(doc, 'span, p, div, td, em', DATE_RE)
    if (!category && dateText) {
      const m = /^(.*?)\s*(?:Thứ|Chủ nhật|CN|T[2-7]\b|\d{1,2}\/)/iu.exec(dateText)
      if (m?.[1] && m[1].length > 1) category = m[1].replace(/[|,-]\s*$/, '').trim() || null
    }
    const leadEl = firstElement(doc, [
      '[id$="divArticleDescription"]',
      '[id$="divArticleDescription1"]',
      '#news-des',
      '#idTomTat',
      '.news-sapo',
      '.sapo',
    ])
    const bodyEl = firstElement(doc, [
      '[id$="_RichHtmlField"]',
      '[id*="RichHtmlField"]',
      '[id$="divArticleDescription2"]',
      '#divArticleContent',
      '#news-detail',
      '#contenttin',
      '.news-content',
      '.article-content',
      '.ms-rtestate-field',
    ])
    const authors = allBylineAuthors(doc, '[id$="_pnNguontin"], [id$="pnTacGia"], .tacgia, .author')
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      authors,
      category,
      tags: [],
      body: present([leadEl, bodyEl]),
    }
  },
}
