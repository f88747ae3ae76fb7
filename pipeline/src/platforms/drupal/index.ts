/**
 * Drupal 7–10 article nodes: `article.node`, `h1.page-title`, `.field--name-body` (D8+) or
 * `.field-name-body .field-item` (D7), "Submitted by" meta with `time[datetime]`, taxonomy tags.
 */
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { drupalRenderer } from './render.ts'

const TABLE = selectorTable(`
title      h1.page-title | h1#page-title | article.node h1 | h1.node__title | h1.title | h1
date       .field--name-created time[datetime]@datetime | article.node time[datetime]@datetime | .node__meta time[datetime]@datetime | .submitted time[datetime]@datetime | span.date-display-single[content]@content
date-text  .field--name-created | .node__meta .date | .submitted | .date-display-single | .field--name-field-date | .field-name-field-date
lead       .field--name-field-tom-tat | .field-name-field-tom-tat | .field--name-field-summary | .field--name-field-sapo | .field-name-field-sapo | .field--name-field-description | .field-name-field-description
body       article.node .field--name-body | .field--name-body | .field-name-body .field-item | .field-name-body | .node__content | .node .content
authors    .field--name-field-author | .field-name-field-author
poster     .field--name-uid | .node__meta .username | .submitted .username
tags       .field--name-field-tags a, .field-name-field-tags a
category   .field--name-field-category a | .field-name-field-category a
`)

export const drupal: PlatformModule = {
  name: 'drupal',
  home: '/vi',
  articleUrls: [/\/node\/\d+\/?$/i, /\/[^/]+-\d{3,}\.html?$/i],
  fingerprint: ({ head }) =>
    /<meta[^>]+content=["']Drupal|data-drupal-|\/sites\/default\/files\/|node--type-/i.test(head),
  adapter: tableAdapter('drupal', TABLE),
  renderer: drupalRenderer,
}
