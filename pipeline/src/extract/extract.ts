/**
 * The extractor: document references, events, campaigns, time expressions and places from one
 * Vietnamese text, with its publication date as the time anchor. Pure and synchronous; it never throws
 * on text input (bad input yields empty lists) and bounds its work by capping the text length.
 */
import type { DocumentMention, Extraction, TimeMention } from '../domain/extraction.ts'
import { foldSameLength, normalizeToneMarks } from '../reference/fold.ts'
import { extractCampaigns } from './campaigns.ts'
import { extractDocuments } from './documents.ts'
import { extractEvents } from './events.ts'
import { extractPlaces, homeProvince, homeProvinceName } from './places.ts'
import { withRelations } from './relations.ts'
import { canonicalIssuer } from './issuer-canonical.ts'
import { extractTimes } from './times.ts'
import { decapitalize } from './caps.ts'
import { mergeCampaigns, mergeDocuments, mergeEvents } from './merge.ts'

/** Bump when a rule changes what is extracted, so stored extractions can be recomputed. */
export const EXTRACTOR_VERSION = 'd-2026.8'

/** Longer texts are cut here: article bodies are far shorter, and it bounds time on hostile input. */
export const MAX_TEXT_CHARS = 200_000

export interface ExtractOptions {
  readonly id: string
  readonly published?: string | null
  /** 2008 code of the article's own province (its source's), for events naming only "tỉnh" (issue #11). */
  readonly province?: string | null
}

// "NÐ-CP" typed with the Icelandic Eth (U+00D0/U+00F0) for the Vietnamese Đ/đ (U+0110/U+0111): same
// length, so every span still points into the text as given.
const ETH = /[\u00d0\u00f0]/g
const foldEth = (s: string): string =>
  s.includes('\u00d0') || s.includes('\u00f0')
    ? s.replace(ETH, (c) => (c === '\u00d0' ? '\u0110' : '\u0111'))
    : s

const ANY_SURROGATE = /[\ud800-\udfff]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const empty = (id: string): Extraction => ({
  id,
  documents: [],
  events: [],
  campaigns: [],
  times: [],
  places: [],
})

export function extract(text: string, opts: ExtractOptions): Extraction {
  if (typeof text !== 'string' || text.length === 0) return empty(opts.id)
  // Lone surrogates would make NFC throw on some inputs; replace them rather than fail.
  const raw = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text
  const nfc = foldEth(
    (ANY_SURROGATE.test(raw) ? raw.replace(LONE_SURROGATE, '\ufffd') : raw).normalize('NFC')
  )
  const published = opts.published ?? null
  // ALL-CAPS titles read in sentence case (same length), so spans still point into `nfc`.
  const base = decapitalize(nfc)
  const toned = normalizeToneMarks(base)
  // Tone normalization keeps the NFC length; if some exotic input breaks that, fall back to the NFC text.
  const tonedSafe = toned.length === nfc.length ? toned : base
  const folded = foldSameLength(tonedSafe)
  const places = extractPlaces(tonedSafe, nfc)
  const times = extractTimes(nfc, published)
  const documents = extractDocuments(base, published)
  const { home, home2008 } = homeProvince(places, opts.province ?? null)
  // Undated page: the latest day it writes with a year stands in as "now" for event status (issue #11).
  const anchor = published ?? latestDay(times)
  const events = extractEvents(fixOrdinalTypo(base), fixOrdinalTypo(tonedSafe), times, home, anchor, home2008)
  // One entity per document, event and campaign, with the spans of all its mentions (issue #11).
  return withRelations(nfc, {
    id: opts.id,
    documents: canonicalIssuers(
      mergeDocuments(nfc, documents),
      homeProvinceName(places, opts.province ?? null)
    ),
    events: mergeEvents(nfc, events, times),
    campaigns: mergeCampaigns(nfc, extractCampaigns(nfc, folded)),
    times,
    places,
  })
}

/** Issuers in their one canonical form (issuer-canonical.ts), the bare "tỉnh" completed with the home province. */
function canonicalIssuers(docs: ReadonlyArray<DocumentMention>, homeName: string | null): DocumentMention[] {
  return docs.map((d) => (d.issuer === null ? d : { ...d, issuer: canonicalIssuer(d.issuer, homeName) }))
}

// "lấn thứ XIII" (a common typo of "lần thứ": "lấn" never comes before "thứ"), read as "lần", same length.
const ORDINAL_TYPO = /(?<![\p{L}])([Ll])ấn(?=\s+thứ(?![\p{L}]))/gu
const fixOrdinalTypo = (text: string): string =>
  text.includes('ấn') ? text.replace(ORDINAL_TYPO, '$1ần') : text

// "họp từ ngày 24 đến 26/9/2018": a range written with its year gives its last day (session 5).
function latestDay(times: ReadonlyArray<TimeMention>): string | null {
  let best: string | null = null
  for (const t of times) {
    if ((t.granularity !== 'day' && t.granularity !== 'range') || !/\d{4}/u.test(t.surface)) continue
    if (best === null || t.end > best) best = t.end
  }
  return best
}
