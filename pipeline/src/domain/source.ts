/**
 * A configured source (one portal or newspaper site). `data/sources.json` (the hand-maintained national
 * registry) and `data/snapshot/sources.json` (the offline snapshot's sites, generated) are JSON arrays of
 * these; the format is documented in docs/sources.md. Adding a portal on a known platform is configuration only.
 */
export type Platform =
  | 'nukeviet'
  | 'gov-portal'
  | 'liferay'
  | 'drupal'
  | 'wordpress'
  | 'newspaper-post' // the "-post<id>" newspaper CMS family (Báo Lào Cai, Nhân Dân, Tiền Phong, ...)
  | 'baonghean' // Báo Nghệ An's CMS
  | 'generic'

export type SourceKind = 'portal' | 'newspaper' | 'tv' | 'other'

/** What a registry entry is for its unit: the provincial portal, newspaper or emulation-commendation board. */
export type SourceRole = 'portal' | 'newspaper' | 'emulation_board'

export interface SourceConfig {
  readonly id: string
  readonly name: string
  readonly kind?: SourceKind
  /** GSO code of the province in the 63-unit system (valid until 2025-06-30), e.g. "20" for Lạng Sơn. */
  readonly province_code_2008: string | null
  /** GSO code in the 34-unit system (from 2025-07-01), e.g. "51" for Kon Tum → Quảng Ngãi. */
  readonly province_code_2025: string | null
  readonly platform: Platform
  /** Origin plus optional path prefix, e.g. "https://langson.gov.vn/". Its host belongs to this source. */
  readonly base_url: string
  /** Feeds, sitemaps or category listings. Empty: discover from the home page. */
  readonly entry_points: ReadonlyArray<string>
  /** Further hosts that belong to this source (e.g. "www." twin, CDN for images is NOT listed). */
  readonly extra_hosts?: ReadonlyArray<string>
  readonly max_per_host?: number
  readonly min_delay_ms?: number
  readonly max_pages?: number
  // Registry fields (data/sources.json): optional so that crawl-only configs stay short.
  readonly role?: SourceRole
  /** How `platform` was determined, or "unknown" (then the platform is `generic`). */
  readonly platform_basis?: string
  /** Last day the site served its unit (YYYY-MM-DD); absent while it still does. */
  readonly active_until?: string
  /** Where the site is named: public page URLs or `github:owner/repo@commit:path`, each with an optional ` — note`. */
  readonly evidence?: ReadonlyArray<string>
}
