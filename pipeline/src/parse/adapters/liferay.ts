/**
 * Liferay government portals (design/portals.md §4.3): the Đà Nẵng DNICT article portlet
 * ("Ngày đăng tin:", `.the-article-body`), Vietsoftware VCMS (`.wd-boxs`, "Ngay dang:" without
 * diacritics, `p.wd-actor`), ECOIT soft_cms and plain web content (`.journal-content-article`), and
 * the asset publisher's full view (`.asset-full-content-title`, `.assetPublishDate`).
 */
import { allBylineAuthors } from './bylines.ts'
import { allTexts, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

export const liferayAdapter: Adapter = {
  platform: 'liferay',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      '#title header.title-article',
      '.title-article',
      '.wd-boxs h3.wd-tlh3-4',
      '.contentDetail h3',
      '.asset-full-content .header-title',
      '.asset-full-content-title',
      'section > article > h1',
      '.journal-content-article h1',
      'h1',
    ])
    const dateText = firstText(doc, [
      '.the-article-timecreate',
      '.wd-boxs p.wd-date',
      '.wd-date',
      '.post-ago',
      '.publish-date',
      '.news-date',
      '.assetPublishDate',
      '.date',
    ])
    const leadEl = firstElement(doc, [
      '#tomtat .the-article-summary',
      '.the-article-summary',
      '.contentDetail .sapo',
      'p#change_font_size',
      '.sapo',
    ])
    const bodyEl = firstElement(doc, [
      '#textToSpeech .the-article-body',
      '.the-article-body',
      '.wd-boxs .wd-content',
      '.contentDetail .journal-content-article',
      '.asset-full-content .journal-content-article',
      '.journal-content-article',
      'div.col-md-12.mb-3',
      '.wd-boxs',
    ])
    const authors = allBylineAuthors(doc, 'p.the-article-author, .wd-actor, .article-author, .author')
    // The asset publisher's "view-content-author" names the CMS account that posted the page.
    const posterAuthors = allTexts(doc.all('.view-content-author'))
    const category = firstText(doc, [
      '.wd-boxs h2.wd-tlh1-2',
      '.primary-box h3.tle',
      '.category-title',
      '.breadcrumb li:last-child',
    ])
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      authors,
      posterAuthors,
      category,
      tags: [],
      body: present([leadEl && bodyEl?.children.includes(leadEl) ? null : leadEl, bodyEl]),
    }
  },
}
