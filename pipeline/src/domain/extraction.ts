/**
 * What the extractor finds in one text. This is exactly the line format of `pnpm thidua extract`
 * (issue #6 contract): do not rename fields. Spans are UTF-16 code-unit offsets into the NFC text.
 */
export type DocumentType =
  | 'plan'
  | 'directive'
  | 'resolution'
  | 'decision'
  | 'official_letter'
  | 'notice'
  | 'conclusion'
  | 'circular'
  | 'decree'
  | 'law'
  | 'guideline'
  | 'program'
  | 'report'
  | 'telegram'
  | 'other'

export type IssuerLevel =
  | 'party_central'
  | 'national_assembly'
  | 'government'
  | 'prime_minister'
  | 'ministry'
  | 'central_council'
  | 'province'
  | 'province_party'
  | 'district'
  | 'commune'
  | 'sector'
  | 'unknown'

export interface DocumentMention {
  readonly type: DocumentType
  /** As written, leading zeros kept ("01"). */
  readonly number: string
  /** Normalized symbol without spaces ("CT/TW", "KH-UBND", "NĐ-CP", "QH15"), or null. */
  readonly symbol: string | null
  readonly year_in_symbol: number | null
  /** ISO date of issue, or null. */
  readonly date: string | null
  /** Issuer as written in the text or symbol ("UBND tỉnh Lạng Sơn", "Bộ Chính trị", "TW"), or null. */
  readonly issuer: string | null
  readonly issuer_level?: IssuerLevel
  readonly surface: string
  readonly start: number
  readonly end: number
}

export type EventKind = 'dai_hoi_thi_dua' | 'hoi_nghi_dien_hinh' | 'other'
export type EventScope = 'national' | 'province' | 'city' | 'district' | 'commune' | 'sector' | 'unknown'
export type EventStatus = 'planned' | 'held' | 'unknown'

export interface EventMention {
  readonly kind: EventKind
  readonly scope: EventScope
  readonly place: string | null
  /** 2025 (34-unit) code when the place is a province; for pre-merger names the unit it went into. */
  readonly province_code: string | null
  readonly ordinal: number | null
  readonly year: number | null
  /** "2020-2025" when given. */
  readonly period: string | null
  readonly status: EventStatus
  readonly surface: string
  readonly start?: number
  readonly end?: number
  /** ISO interval of the planned or held time when the text gives one. */
  readonly time_start?: string | null
  readonly time_end?: string | null
  readonly province_code_2008?: string | null
}

export interface CampaignMention {
  /** An id from data/reference/campaigns.json, or "candidate:<name>" for other quoted movements. */
  readonly id: string
  readonly surface: string
  readonly start?: number
  readonly end?: number
}

export type Granularity = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'period' | 'range'

export interface TimeMention {
  readonly surface: string
  /** Inclusive ISO dates. */
  readonly start: string
  readonly end: string
  readonly granularity: Granularity
  readonly span_start?: number
  readonly span_end?: number
}

export interface PlaceMention {
  readonly surface: string
  readonly code_2008: string | null
  readonly code_2025: string | null
  readonly start: number
  readonly end: number
}

export interface Extraction {
  readonly id: string
  readonly documents: ReadonlyArray<DocumentMention>
  readonly events: ReadonlyArray<EventMention>
  readonly campaigns: ReadonlyArray<CampaignMention>
  readonly times: ReadonlyArray<TimeMention>
  readonly places?: ReadonlyArray<PlaceMention>
}

export const EXTRACTOR_VERSION_ENV = 'THIDUA_EXTRACTOR_VERSION'
