/**
 * Báo Nghệ An (design/portals.md §6.1), both generations: legacy `.article h1.title` + `#content`
 * (lead = bold first paragraph, `#tags_list`, breadcrumb `#nav`), and the current vendor platform
 * (`sc-longform-header-*` / `block-sc-*` classes, `.detail-content`). Text opens with
 * "(Baonghean.vn) -" and every caption ends "Ảnh: <photographer>".
 */
import { firstBylineAuthors } from './bylines.ts'
import { allTexts, attrOf, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

export const baonghean: Adapter = {
  platform: 'baonghean',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      '.sc-longform-header-title',
      '.block-sc-title',
      '.article h1.title',
      'h1.article-title',
      'h1.detail-title',
      'h1',
    ])
    const dateMachine =
      attrOf(doc, '.sc-longform-header-date time[datetime]', 'datetime') ??
      attrOf(doc, '.article time[datetime]', 'datetime') ??
      attrOf(doc, 'time[datetime]', 'datetime')
    const dateText = firstText(doc, [
      '.sc-longform-header-date',
      '.block-sc-publish-time',
      '.article-date',
      '.detail-time',
      '.article .date',
      '.publish-date',
      'time',
    ])
    const leadEl = firstElement(doc, [
      '.sc-longform-header-sapo',
      '.block-sc-sapo',
      '.article-sapo',
      '.detail-sapo',
      '.sapo',
      '.article .lead',
    ])
    const bodyEl = firstElement(doc, [
      '.detail-content',
      '.article-content',
      '.sc-longform-content',
      '.entry-body',
      '.article #content',
      '#content',
    ])
    const authors = firstBylineAuthors(
      doc,
      '.sc-longform-header-author, .article-author, .detail-author, .author'
    )
    const crumbs = allTexts(doc.all('#nav a, .breadcrumb a, .breadcrumbs a'))
    const category = crumbs.length > 0 ? crumbs[crumbs.length - 1]! : null
    const tags = allTexts(doc.all('#tags_list a, .article-tags a, .box-tag a, .tags a'))
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      dateMachine,
      authors,
      category,
      tags,
      body: present([leadEl, bodyEl]),
    }
  },
}
