/**
 * Atom feeds (RFC 4287) built with the `feed` library: per province, campaign, document and alert rule
 * (served by server/src/routes/feeds.ts). Entry ids are tag URIs, stable across runs and hosts.
 */
import { Feed } from 'feed'

export interface FeedEntry {
  /** Stable key of the item ("article/a_…", "alert/al_…"). */
  readonly key: string
  readonly title: string
  /** Absolute URL of the page the entry is about. */
  readonly link: string
  readonly updated: Date
  readonly summary?: string | null
}

export interface FeedSpec {
  /** Stable key of the feed ("province/2025/20"). */
  readonly key: string
  readonly title: string
  readonly subtitle?: string
  /** Absolute URL of the feed itself (rel=self) and of the page it follows (rel=alternate). */
  readonly self: string
  readonly page: string
  readonly entries: ReadonlyArray<FeedEntry>
  /** When there are no entries, the feed's own updated time. */
  readonly fallbackUpdated: Date
}

export const tagUri = (key: string): string => `tag:thidua-atlas.vn,2025:${key}`

export function atomFeed(spec: FeedSpec): string {
  const updated = spec.entries.reduce((m, e) => (e.updated > m ? e.updated : m), new Date(0))
  const feed = new Feed({
    id: tagUri(spec.key),
    title: spec.title,
    ...(spec.subtitle ? { description: spec.subtitle } : {}),
    link: spec.page,
    language: 'vi',
    copyright: 'Thi Đua Atlas',
    updated: spec.entries.length > 0 ? updated : spec.fallbackUpdated,
    generator: 'Thi Đua Atlas',
    feedLinks: { atom: spec.self },
    author: { name: 'Thi Đua Atlas' },
  })
  for (const e of spec.entries)
    feed.addItem({
      id: tagUri(e.key),
      title: e.title,
      link: e.link,
      date: e.updated,
      ...(e.summary ? { description: e.summary } : {}),
    })
  return feed.atom1()
}
