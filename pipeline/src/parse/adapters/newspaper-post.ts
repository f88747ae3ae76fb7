/**
 * The "-post<id>" newspaper CMS family (design/portals.md §6.2–6.3: Nhân Dân, Tiền Phong, Gia Lai,
 * Hà Tĩnh, Lào Cai …): `h1.article__title.cms-title`, sapo `.article__sapo.cms-desc`,
 * `.article__meta time[datetime]` (naive or "+0700"), body `.article__body.cms-body`, photos in
 * `table.picture`. Related boxes ("Tin cùng chuyên mục", "Có thể bạn quan tâm") sit after the body.
 */
import type { Element } from 'domhandler'
import { firstBylineAuthors } from './bylines.ts'
import { allTexts, attrOf, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

export const newspaperPostAdapter: Adapter = {
  platform: 'newspaper-post',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      'h1.article__title',
      'h1.cms-title',
      '.article__title',
      'h1.detail-title',
      'h1',
    ])
    const dateMachine =
      attrOf(doc, '.article__meta time[datetime]', 'datetime') ??
      attrOf(doc, 'time.time[datetime]', 'datetime') ??
      attrOf(doc, '.article time[datetime]', 'datetime') ??
      attrOf(doc, 'time[datetime]', 'datetime')
    const dateText = firstText(doc, [
      '.article__meta time',
      '.article__meta .time',
      '.detail-time',
      '.article__meta',
    ])
    const leadEl = firstElement(doc, ['.article__sapo', '.cms-desc', '.detail-sapo', '.sapo'])
    const bodyEl = firstElement(doc, [
      '.article__body',
      '.cms-body',
      '.zce-content-body',
      '.detail-content',
      '.l-content',
    ])
    // Photo tables printed between the sapo and the body belong to the article too.
    const pictures: Element[] = []
    for (let n = bodyEl?.prev; n; n = n.prev)
      if (n.type === 'tag' && doc.matches(n, 'table.picture, table.image, figure')) pictures.unshift(n)
    const authors = firstBylineAuthors(
      doc,
      '.article__author .name, .article__author, .cms-author, .author-name, .detail-author'
    )
    const crumbs = allTexts(doc.all('.breadcrumb a, .breadcrumbs a, .article__breadcrumb a'))
    const category =
      crumbs.length > 0 ? crumbs[crumbs.length - 1]! : firstText(doc, ['.article__cate', '.cate-title'])
    const tags = allTexts(doc.all('.article__tag a, .box-tag a, .tags a, .article-tags a'))
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      dateMachine,
      authors,
      category,
      tags,
      body: present([leadEl, ...pictures, bodyEl]),
    }
  },
}
