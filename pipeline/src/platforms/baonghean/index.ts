/**
 * Báo Nghệ An (design/portals.md §6.1), both generations: legacy `.article h1.title` + `#content`
 * (lead = bold first paragraph, `#tags_list`, breadcrumb `#nav`), and the current vendor platform
 * (`sc-longform-header-*` / `block-sc-*` classes, `.detail-content`). Text opens with
 * "(Baonghean.vn) -" and every caption ends "Ảnh: <photographer>".
 */
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { baongheanRenderer } from './render.ts'

const TABLE = selectorTable(`
title          .sc-longform-header-title | .block-sc-title | .article h1.title | h1.article-title | h1.detail-title | h1
date           .sc-longform-header-date time[datetime]@datetime | .article time[datetime]@datetime | time[datetime]@datetime
date-text      .sc-longform-header-date | .block-sc-publish-time | .article-date | .detail-time | .article .date | .publish-date | time
lead           .sc-longform-header-sapo | .block-sc-sapo | .article-sapo | .detail-sapo | .sapo | .article .lead
body           .detail-content | .article-content | .sc-longform-content | .entry-body | .article #content | #content
authors-first  .sc-longform-header-author, .article-author, .detail-author, .author
crumbs         #nav a, .breadcrumb a, .breadcrumbs a
tags           #tags_list a, .article-tags a, .box-tag a, .tags a
`)

export const baonghean: PlatformModule = {
  name: 'baonghean',
  home: '/',
  articleUrls: [/-post\d+\.html$/i, /-\d{5,}\.html$/i],
  fingerprint: ({ head, host }) =>
    /baonghean\.vn$/.test(host) || /sc-longform-header|b-grid__title|bna\.1cdn\.vn/.test(head),
  adapter: tableAdapter('baonghean', TABLE),
  renderer: baongheanRenderer,
}
