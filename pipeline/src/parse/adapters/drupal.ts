/**
 * Drupal 7–10 article nodes: `article.node`, `h1.page-title`, `.field--name-body` (D8+) or
 * `.field-name-body .field-item` (D7), "Submitted by" meta with `time[datetime]`, taxonomy tags.
 */
import { authorsOf } from './bylines.ts'
import { allTexts, attrOf, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter } from './types.ts'

export const drupalAdapter: Adapter = {
  platform: 'drupal',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      'h1.page-title',
      'h1#page-title',
      'article.node h1',
      'h1.node__title',
      'h1.title',
      'h1',
    ])
    const dateMachine =
      attrOf(doc, '.field--name-created time[datetime]', 'datetime') ??
      attrOf(doc, 'article.node time[datetime]', 'datetime') ??
      attrOf(doc, '.node__meta time[datetime]', 'datetime') ??
      attrOf(doc, '.submitted time[datetime]', 'datetime') ??
      attrOf(doc, 'span.date-display-single[content]', 'content')
    const dateText = firstText(doc, [
      '.field--name-created',
      '.node__meta .date',
      '.submitted',
      '.date-display-single',
      '.field--name-field-date',
      '.field-name-field-date',
    ])
    const leadEl = firstElement(doc, [
      '.field--name-field-tom-tat',
      '.field-name-field-tom-tat',
      '.field--name-field-summary',
      '.field--name-field-sapo',
      '.field-name-field-sapo',
      '.field--name-field-description',
      '.field-name-field-description',
    ])
    const bodyEl = firstElement(doc, [
      'article.node .field--name-body',
      '.field--name-body',
      '.field-name-body .field-item',
      '.field-name-body',
      '.node__content',
      '.node .content',
    ])
    const authors = authorsOf(firstText(doc, ['.field--name-field-author', '.field-name-field-author']))
    const posterAuthors = authorsOf(
      firstText(doc, ['.field--name-uid', '.node__meta .username', '.submitted .username'])
    )
    const tags = allTexts(doc.all('.field--name-field-tags a, .field-name-field-tags a'))
    const category = firstText(doc, ['.field--name-field-category a', '.field-name-field-category a'])
    return {
      title,
      lead: textOrNull(leadEl),
      dateText,
      dateMachine,
      authors,
      posterAuthors,
      category,
      tags,
      body: present([leadEl, bodyEl]),
    }
  },
}
