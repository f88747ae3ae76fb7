/**
 * NukeViet 4 news module (design/portals.md §2.3–2.5): `.news_column` panels, `h1.title`, the
 * visible "Thứ ba - 22/10/2019 15:50" date in `span.h5`, lead `.hometext` + figure, body
 * `#news-bodyhtml`, "Tác giả:" line, category from the hidden schema.org breadcrumb list. Its
 * article:published_time and microdata dates are unreliable, so the visible date wins.
 */
import { splitAuthors, stripAuthorLabel } from '../authors.ts'
import { textOf } from '../blocks.ts'
import { allTexts, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

export const nukevietAdapter: Adapter = {
  platform: 'nukeviet',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      '.news_column h1.title',
      'h1[itemprop="headline"]',
      '#print #content > h1',
      'h1',
    ])
    let dateText: string | null = null
    for (const el of doc.all('.news_column span.h5, .news_column .h5, #print ul.list-inline li, span.h5')) {
      const t = textOf(el)
      if (!dateText && /\d{1,2}\/\d{1,2}\/\d{4}/.test(t)) dateText = t
    }
    const leadEl = firstElement(doc, ['.news_column .hometext', '#hometext', '[itemprop="description"]'])
    const figure = firstElement(doc, ['.news_column figure.article', '#hometext figure'])
    const bodyEl = firstElement(doc, ['#news-bodyhtml', '.news_column .bodytext', '#bodytext', '.bodytext'])
    const authors: string[] = []
    for (const el of doc.all('.news_column p.h5.text-right, .news_column .text-right, #author')) {
      const names = stripAuthorLabel(textOf(el))
      if (names) for (const n of splitAuthors(names)) if (!authors.includes(n)) authors.push(n)
    }
    const crumbs = allTexts(doc.all('.temp-breadcrumbs [itemprop="name"], ul.breadcrumbs [itemprop="name"]'))
    const category = crumbs.length > 0 ? crumbs[crumbs.length - 1]! : null
    const tags = allTexts(doc.all('a[href*="/tag/"]'))
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      authors,
      category,
      tags,
      body: present([figure, leadEl, bodyEl]),
    }
  },
}
