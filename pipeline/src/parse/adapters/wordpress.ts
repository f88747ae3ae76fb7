/**
 * WordPress posts, classic and block themes (design/portals.md §5.3): `h1.entry-title`,
 * `time.entry-date.published[datetime]` (ISO with offset, preferred over the visible text),
 * `.byline a[rel=author]`, `.cat-links`, `.tags-links`, body `.entry-content` (or a block theme's
 * `.wp-block-post-content`). Comment forms and share plugins are skipped as boilerplate.
 */
import { allTexts, attrOf, firstElement, firstText, present } from './dom.ts'
import type { Adapter } from './types.ts'

export const wordpressAdapter: Adapter = {
  platform: 'wordpress',
  parse: ({ doc }) => {
    const title = firstText(doc, [
      'h1.entry-title',
      '.entry-header h1',
      'h1.wp-block-post-title',
      'h1.post-title',
      'h1.single-post-title',
      'h1.tdb-title-text',
      'h1',
    ])
    const dateMachine =
      attrOf(doc, 'time.entry-date.published[datetime]', 'datetime') ??
      attrOf(doc, 'time.published[datetime]', 'datetime') ??
      attrOf(doc, '.wp-block-post-date time[datetime]', 'datetime') ??
      attrOf(doc, '.entry-date[datetime]', 'datetime') ??
      attrOf(doc, 'article time[datetime]', 'datetime')
    const updatedMachine = attrOf(doc, 'time.updated[datetime]', 'datetime')
    const dateText = firstText(doc, [
      '.entry-date',
      '.posted-on',
      '.post-date',
      '.wp-block-post-date',
      '.entry-meta .date',
    ])
    const posterAuthors = allTexts(
      doc.all(
        '.byline a[rel="author"], .entry-meta a[rel="author"], .wp-block-post-author__name, .author.vcard a'
      )
    )
    const category = firstText(doc, [
      '.cat-links a[rel~="category"]',
      'a[rel~="category"]',
      '.wp-block-post-terms.taxonomy-category a',
    ])
    const tags = allTexts(
      doc.all(
        '.tags-links a[rel="tag"], .wp-block-post-terms.taxonomy-post_tag a, footer.entry-footer a[rel="tag"]'
      )
    )
    const bodyEl = firstElement(doc, [
      'article .entry-content',
      '.entry-content',
      '.wp-block-post-content',
      '.post-content',
      '.td-post-content',
      '.single-content',
      '.post-body',
    ])
    return {
      title,
      lead: null,
      dateText,
      dateMachine,
      updatedMachine,
      authors: [],
      posterAuthors,
      category,
      tags,
      body: present([bodyEl]),
    }
  },
}
