/**
 * Column layouts of the tables loadBatch fills, in table order, with the appender type of each column.
 * openWarehouse checks them against the migrated schema so code and SQL cannot drift apart silently.
 */

export type ColumnKind =
  | 'text'
  | 'int'
  | 'date'
  | 'timestamptz'
  | 'bool'
  | 'text_list'
  | 'uint_list'
  | 'ubigint'
export type ColumnSpec = readonly [name: string, kind: ColumnKind]
export type CellValue = string | number | boolean | bigint | null | ReadonlyArray<string> | Uint32Array

// The columns every mention table shares: its key (the article, the mention's index), where the mention
// stands in the body, and where the row comes from.
const MENTION_KEY = [
  ['article_id', 'text'],
  ['mention_index', 'int'],
] as const
const SPAN = [
  ['span_start', 'int'],
  ['span_end', 'int'],
] as const
const SURFACE_SPAN = [['surface', 'text'], ...SPAN] as const
const EXTRACTOR = ['extractor_version', 'text'] as const
const PROVENANCE = [['archive_record_id', 'text'], EXTRACTOR] as const

export const LOADED_TABLES = {
  articles: [
    ['article_id', 'text'],
    ['source_id', 'text'],
    ['url', 'text'],
    ['title', 'text'],
    ['published_at', 'timestamptz'],
    ['published_date', 'date'],
    ['province_code_2008', 'text'],
    ['province_code_2025', 'text'],
    ['province_basis', 'text'],
    ['body_text', 'text'],
    ['origin', 'text'],
    ['platform', 'text'],
    ['lead', 'text'],
    ['dateline', 'text'],
    ['authors', 'text_list'],
    ['updated_at', 'timestamptz'],
    ['category', 'text'],
    ['tags', 'text_list'],
    ['language', 'text'],
    ['content_hash', 'text'],
    ['body_chars', 'int'],
    ...PROVENANCE,
    ['is_thidua', 'bool'],
    ['cluster_id', 'text'],
  ],
  document_mentions: [
    ...MENTION_KEY,
    ['type', 'text'],
    ['number', 'text'],
    ['symbol', 'text'],
    ['year_in_symbol', 'int'],
    ['issued_on', 'date'],
    ['issuer', 'text'],
    ['issuer_level', 'text'],
    ['issuer_scope', 'text'],
    ['issuer_province_2008', 'text'],
    ['issuer_province_2025', 'text'],
    ['key_year', 'int'],
    ['key_year_basis', 'text'],
    ['key_document_id', 'text'],
    ['document_id', 'text'],
    ...SURFACE_SPAN,
    ...PROVENANCE,
    // Added by migration 0201 (ALTER TABLE appends it last).
    ['issuer_display', 'text'],
  ],
  event_mentions: [
    ...MENTION_KEY,
    ['kind', 'text'],
    ['scope', 'text'],
    ['place', 'text'],
    ['province_code_2008', 'text'],
    ['province_code_2025', 'text'],
    ['ordinal', 'int'],
    ['year', 'int'],
    ['period', 'text'],
    ['status', 'text'],
    ['time_start', 'date'],
    ['time_end', 'date'],
    ['event_id', 'text'],
    ...SURFACE_SPAN,
    ...PROVENANCE,
    // Added by migration 0410 (issue #11).
    ['organization', 'text'],
  ],
  campaign_mentions: [
    ...MENTION_KEY,
    ['campaign_id', 'text'],
    ['is_candidate', 'bool'],
    ...SURFACE_SPAN,
    ...PROVENANCE,
  ],
  time_mentions: [
    ...MENTION_KEY,
    ['surface', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['granularity', 'text'],
    ...SPAN,
    ...PROVENANCE,
  ],
  place_mentions: [
    ...MENTION_KEY,
    ['surface', 'text'],
    ['code_2008', 'text'],
    ['code_2025', 'text'],
    ...SPAN,
    ['detected_by', 'text'],
    EXTRACTOR,
  ],
  article_signatures: [
    ['article_id', 'text'],
    ['minhash', 'uint_list'],
  ],
  article_bands: [
    ['article_id', 'text'],
    ['band', 'int'],
    ['bucket', 'ubigint'],
  ],
  // Migration 0430 (issue #16).
  relation_mentions: [
    ...MENTION_KEY,
    ['relation', 'text'],
    ['from_mention', 'int'],
    ['to_mention', 'int'],
    ['campaign_id', 'text'],
    ['event_mention', 'int'],
    ...SPAN,
    EXTRACTOR,
  ],
} as const satisfies Record<string, ReadonlyArray<ColumnSpec>>

export type LoadedTable = keyof typeof LOADED_TABLES
