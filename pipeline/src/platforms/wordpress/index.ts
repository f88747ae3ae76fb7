/**
 * WordPress posts, classic and block themes (design/portals.md §5.3): `h1.entry-title`,
 * `time.entry-date.published[datetime]` (ISO with offset, preferred over the visible text),
 * `.byline a[rel=author]`, `.cat-links`, `.tags-links`, body `.entry-content` (or a block theme's
 * `.wp-block-post-content`). Comment forms and share plugins are skipped as boilerplate.
 */
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { wordpressRenderer } from './render.ts'

const TABLE = selectorTable(`
title       h1.entry-title | .entry-header h1 | h1.wp-block-post-title | h1.post-title | h1.single-post-title | h1.tdb-title-text | h1
date        time.entry-date.published[datetime]@datetime | time.published[datetime]@datetime | .wp-block-post-date time[datetime]@datetime | .entry-date[datetime]@datetime | article time[datetime]@datetime
updated     time.updated[datetime]@datetime
date-text   .entry-date | .posted-on | .post-date | .wp-block-post-date | .entry-meta .date
poster-all  .byline a[rel="author"], .entry-meta a[rel="author"], .wp-block-post-author__name, .author.vcard a
category    .cat-links a[rel~="category"] | a[rel~="category"] | .wp-block-post-terms.taxonomy-category a
tags        .tags-links a[rel="tag"], .wp-block-post-terms.taxonomy-post_tag a, footer.entry-footer a[rel="tag"]
body        article .entry-content | .entry-content | .wp-block-post-content | .post-content | .td-post-content | .single-content | .post-body
`)

export const wordpress: PlatformModule = {
  name: 'wordpress',
  home: '/',
  articleUrls: [/[?&]p=\d+\b/i, /\/\d{4}\/\d{2}\/(?:\d{2}\/)?[^/]+\/?$/i, /\/tin-tuc\/[^/]+\/[^/]+\/?$/i],
  fingerprint: ({ head }) => /\/wp-content\/|api\.w\.org|<meta[^>]+content=["']WordPress/i.test(head),
  adapter: tableAdapter('wordpress', TABLE),
  renderer: wordpressRenderer,
}
