/**
 * NukeViet 4 news module (design/portals.md §2.3–2.5): `.news_column` panels, `h1.title`, the
 * visible "Thứ ba - 22/10/2019 15:50" date in `span.h5`, lead `.hometext` + figure, body
 * `#news-bodyhtml`, "Tác giả:" line, category from the hidden schema.org breadcrumb list. Its
 * article:published_time and microdata dates are unreliable, so the visible date wins.
 */
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { nukevietRenderer } from './render.ts'

const TABLE = selectorTable(`
title             .news_column h1.title | h1[itemprop="headline"] | #print #content > h1 | h1
date-line         .news_column span.h5, .news_column .h5, #print ul.list-inline li, span.h5
figure            .news_column figure.article | #hometext figure
lead              .news_column .hometext | #hometext | [itemprop="description"]
body              #news-bodyhtml | .news_column .bodytext | #bodytext | .bodytext
authors-labelled  .news_column p.h5.text-right, .news_column .text-right, #author
crumbs            .temp-breadcrumbs [itemprop="name"], ul.breadcrumbs [itemprop="name"]
tags              a[href*="/tag/"]
`)

export const nukeviet: PlatformModule = {
  name: 'nukeviet',
  home: '/',
  articleUrls: [/\/[^/]+-\d+\.html?$/i, /[?&]nv=news&op=[^&]+-\d+/i],
  fingerprint: ({ head }) =>
    /<meta[^>]+name=["']generator["'][^>]+content=["']NukeViet/i.test(head) ||
    /id=["']news-bodyhtml["']/.test(head),
  adapter: tableAdapter('nukeviet', TABLE),
  renderer: nukevietRenderer,
}
