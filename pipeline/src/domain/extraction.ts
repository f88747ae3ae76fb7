/**
 * What the extractor finds in one text. This is the line format of `pnpm thidua extract` (issue #6
 * contract, extended by issue #11): do not rename fields. Spans are UTF-16 code-unit offsets into the NFC
 * text. Since issue #11 a document, event or campaign is one ENTITY per text: every mention of it (headline,
 * body, ALL-CAPS repeat, "Chỉ thị 34" after "Chỉ thị số 34-CT/TW", "Đại hội lần này") is in `mentions`,
 * and `surface`/`start`/`end` are those of its most complete mention.
 */
export interface Span {
  readonly start: number
  readonly end: number
  readonly surface: string
}

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
  /**
   * Issuer as written in the text ("UBND tỉnh Lạng Sơn", "Bộ Chính trị"), or null. Since issue #11 the
   * issuer part of the symbol ("UBND", "TW") is no longer printed as a name: see `symbol_issuer`.
   */
  readonly issuer: string | null
  /** Level of the written issuer, else the level the symbol implies ("KH-UBND" → province). */
  readonly issuer_level?: IssuerLevel
  /** Where the issuer level comes from: the text, the symbol only, or nowhere. */
  readonly issuer_basis?: 'text' | 'symbol' | 'none'
  /** The issuer part of the symbol ("UBND", "TW", "TTg"), or null. */
  readonly symbol_issuer?: string | null
  readonly surface: string
  readonly start: number
  readonly end: number
  /** Every mention of this document in the text, in text order (issue #11). */
  readonly mentions?: ReadonlyArray<Span>
}

export type EventKind = 'dai_hoi_thi_dua' | 'hoi_nghi_dien_hinh' | 'other'
export type EventScope = 'national' | 'province' | 'city' | 'district' | 'commune' | 'sector' | 'unknown'
export type EventStatus = 'planned' | 'held' | 'unknown'
/**
 * Who holds a congress of kind `other` (issue #11): Party, mass organisations, ethnic minorities, the
 * armed forces' "Thi đua Quyết thắng". Emulation congresses and model-example conferences have null.
 */
export type Organization =
  | 'party'
  | 'farmers_union'
  | 'trade_union'
  | 'youth_union'
  | 'women_union'
  | 'fatherland_front'
  | 'veterans'
  | 'ethnic_minorities'
  | 'armed_forces'
  | 'other'

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
  /** Holder of a kind-`other` congress; null for emulation events (issue #11). */
  readonly organization?: Organization | null
  /** ISO interval a mention reports as planned ("dự kiến tổ chức trong tháng 8/2025"). */
  readonly planned_start?: string | null
  readonly planned_end?: string | null
  /** First day a mention reports it held on ("Sáng 26/9, … khai mạc"). */
  readonly held_on?: string | null
  readonly mentions?: ReadonlyArray<Span>
}

export interface CampaignMention {
  /** An id from data/reference/campaigns.json, or "candidate:<name>" for other quoted movements. */
  readonly id: string
  readonly surface: string
  readonly start?: number
  readonly end?: number
  readonly mentions?: ReadonlyArray<Span>
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
  /** Relations between this text's documents (issue #16), see extract/relations.ts. */
  readonly relations?: ReadonlyArray<RelationMention>
}

export type RelationKind = 'implements' | 'amends' | 'replaces' | 'cites' | 'launches' | 'organizes'

/** `from`/`to` index `documents`; `launches` names a campaign id, `organizes` indexes `events`. */
export interface RelationMention {
  readonly relation: RelationKind
  readonly from: number
  readonly to: number | null
  readonly campaign?: string | null
  readonly event?: number | null
  readonly start: number
  readonly end: number
}

export const EXTRACTOR_VERSION_ENV = 'THIDUA_EXTRACTOR_VERSION'
