/**
 * The "-post<id>" newspaper CMS family (design/portals.md §6.2–6.3: Nhân Dân, Tiền Phong, Gia Lai,
 * Hà Tĩnh, Lào Cai …): `h1.article__title.cms-title`, sapo `.article__sapo.cms-desc`,
 * `.article__meta time[datetime]` (naive or "+0700"), body `.article__body.cms-body`, photos in
 * `table.picture`. Related boxes ("Tin cùng chuyên mục", "Có thể bạn quan tâm") sit after the body.
 */
import type { Element } from 'domhandler'
import { present } from '../read/dom.ts'
import { selectorTable, tableAdapter } from '../read/table.ts'
import type { PlatformModule } from '../types.ts'
import { newspaperPostRenderer } from './render.ts'

const TABLE = selectorTable(`
title          h1.article__title | h1.cms-title | .article__title | h1.detail-title | h1
date           .article__meta time[datetime]@datetime | time.time[datetime]@datetime | .article time[datetime]@datetime | time[datetime]@datetime
date-text      .article__meta time | .article__meta .time | .detail-time | .article__meta
lead           .article__sapo | .cms-desc | .detail-sapo | .sapo
body           .article__body | .cms-body | .zce-content-body | .detail-content | .l-content
authors-first  .article__author .name, .article__author, .cms-author, .author-name, .detail-author
crumbs         .breadcrumb a, .breadcrumbs a, .article__breadcrumb a
category       .article__cate | .cate-title
tags           .article__tag a, .box-tag a, .tags a, .article-tags a
`)

export const newspaperPost: PlatformModule = {
  name: 'newspaper-post',
  home: '/',
  articleUrls: [/-post\d+\.(?:html|tpo|vnp)$/i],
  fingerprint: ({ head, path }) =>
    /article__title|cms-title|cms-body|article__body/.test(head) || /-post\d+\.(html|tpo|vnp)$/.test(path),
  // Photo tables printed between the sapo and the body belong to the article too.
  adapter: tableAdapter('newspaper-post', TABLE, ({ doc }, out, { lead, body }) => {
    const pictures: Element[] = []
    for (let n = body?.prev; n; n = n.prev)
      if (n.type === 'tag' && doc.matches(n, 'table.picture, table.image, figure')) pictures.unshift(n)
    return { ...out, body: present([lead, ...pictures, body]) }
  }),
  renderer: newspaperPostRenderer,
}
