/** On-disk contract of the offline snapshot (cross-area contract 1) and the builder's page model. */
import type { Platform, SourceConfig } from '../domain/source.ts'

export type RouteKind =
  | 'article'
  | 'listing'
  | 'feed'
  | 'sitemap'
  | 'robots'
  | 'home'
  | 'print'
  | 'attachment'
  | 'other'
export type PageOrigin = 'captured' | 'rebuilt'

export interface ManifestRoute {
  /** Path plus query exactly as requested, e.g. "/vi/news/a-123.html?x=1". */
  readonly path: string
  /** File under the site folder holding the raw body bytes ("" for bodiless redirects). */
  readonly file: string
  readonly status: number
  readonly content_type: string
  readonly last_modified: string
  /** When the page was captured; the simulator replays it as the Date header (relative dates need it). */
  readonly captured_at?: string
  readonly kind: RouteKind
  readonly origin: PageOrigin | null
  /** Absolute URL with the real host, for 3xx routes. */
  readonly redirect_to?: string
}

export interface SiteManifest {
  readonly host: string
  /** Scheme + host the site's own links use, e.g. "https://langson.gov.vn" (addition to contract 1). */
  readonly origin?: string
  readonly source_id: string
  readonly platform: Platform
  readonly routes: ReadonlyArray<ManifestRoute>
}

/** One line of data/snapshot/truth.jsonl: what an article page really contains. */
export interface TruthLine {
  readonly url: string
  readonly source_id: string
  readonly origin: PageOrigin
  readonly fact_id: string | null
  readonly seed: string | null
  readonly title: string
  readonly published_at: string
  readonly authors: ReadonlyArray<string>
  readonly province_code_2008: string | null
  readonly province_code_2025: string | null
  readonly documents: ReadonlyArray<unknown>
  readonly events: ReadonlyArray<unknown>
  readonly campaigns: ReadonlyArray<string>
  /** Other URLs under which the same article is served (tracking params, print view, http/https...). */
  readonly aliases: ReadonlyArray<string>
  /** The article's lead and body paragraphs as placed on the page (NFC), boilerplate excluded. */
  readonly lead: string | null
  readonly body_paragraphs: ReadonlyArray<string>
  /** Page variant flags: "windows-1258", "tcvn3", "nfd", "relative-date", "lazy-images", ... */
  readonly variants: ReadonlyArray<string>
}

export interface PageImage {
  readonly src: string
  readonly caption: string
  /** Paragraph index after which the image sits. */
  readonly after: number
  /** Extra text the page prints next to the image (file names, duplicated captions). */
  readonly extraText?: ReadonlyArray<string>
}

/** Everything a platform renderer needs to print one article page. */
export interface PageArticle {
  readonly id: string
  /** Absolute URL with the real host. */
  readonly url: string
  readonly title: string
  readonly lead: string | null
  readonly paragraphs: ReadonlyArray<string>
  readonly images: ReadonlyArray<PageImage>
  readonly authors: ReadonlyArray<string>
  readonly published_at: string
  readonly category: { readonly alias: string; readonly name: string }
  readonly tags: ReadonlyArray<string>
  readonly origin: PageOrigin
  readonly factId: string | null
  readonly dateline: string | null
  /** Boilerplate that the captured page showed around the article (seeds only). */
  readonly chrome?: { readonly top?: ReadonlyArray<string>; readonly bottom?: ReadonlyArray<string> }
  readonly variants: ReadonlyArray<string>
  readonly slug: string
}

export interface Site {
  readonly source: SourceConfig
  readonly host: string
  /** "https://host" (the scheme the site's own links use). */
  readonly origin: string
  readonly platform: Platform
}

export interface ListingPage {
  readonly path: string
  readonly html: string
}

/** Platform-specific markup and URL scheme. */
export interface PlatformRenderer {
  /** URL path (+query) of a new article in this platform's scheme. */
  articlePath(site: Site, a: { id: string; slug: string; category: string; published_at: string }): string
  category(site: Site): { alias: string; name: string }
  renderArticle(site: Site, a: PageArticle, related: ReadonlyArray<PageArticle>): string
  /** Category listing pages (page 1 first) for the given articles, newest first. */
  renderListings(site: Site, items: ReadonlyArray<PageArticle>): ReadonlyArray<ListingPage>
  renderHome(site: Site, items: ReadonlyArray<PageArticle>): string
  /** Feed path + XML, when the platform has feeds. */
  renderFeed?(site: Site, items: ReadonlyArray<PageArticle>): { path: string; xml: string } | null
  renderSitemaps(site: Site, items: ReadonlyArray<PageArticle>): ReadonlyArray<{ path: string; xml: string }>
  /** Print view of an article, when the platform has one. */
  renderPrint?(site: Site, a: PageArticle): { path: string; html: string }
  robots(site: Site): string
  entryPoints(site: Site): ReadonlyArray<string>
}
