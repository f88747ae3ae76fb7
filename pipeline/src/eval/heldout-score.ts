/**
 * Scoring of one held-out page against its truth: documents by type+number+symbol, events by
 * kind+ordinal+scope, campaigns by id; facts the text does not state are set apart, not counted.
 * Split from heldout.ts (issue #15).
 */
import type { Extraction } from '../domain/extraction.ts'
import type { Score } from '../extract/evaluate.ts'
import { foldVietnamese } from '../reference/fold.ts'
import { toRoman } from '../snapshot/text.ts'

export interface TruthDocument {
  type: string
  number: string | null
  symbol: string | null
  year_in_symbol: number | null
  date: string | null
  issuer: string | null
}
export interface TruthEvent {
  kind: string
  scope: string
  place: string | null
  ordinal: number | null
  period: string | null
  status: string
}
export interface HeldOutItem {
  /** The page URL as truth.jsonl writes it. */
  id: string
  /** body_text of the parsed page: what the pipeline extracts from. */
  text: string
  published: string | null
  documents: TruthDocument[]
  events: TruthEvent[]
  campaigns: string[]
}

// The gold set's score shape: counts and ratios.
export type HeldOutScore = Score

export type HeldOutKind = 'documents' | 'events' | 'campaigns'

/** Folded text with every run of non-alphanumerics as one space, for loose "is it written" checks. */
const loose = (s: string): string =>
  ` ${foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `

/** Truth writes the full symbol ("34-CT/TW", "42/2010/NĐ-CP"); the extractor keeps the part after it. */
export function truthSymbol(d: TruthDocument): string | null {
  if (!d.symbol) return null
  let s = d.symbol.replace(/\s+/g, '')
  if (d.number && s.startsWith(d.number)) s = s.slice(d.number.length)
  s = s.replace(/^[-/–]/, '').replace(/^(?:19|20)\d{2}\//, '')
  s = s.replace(/TƯ/g, 'TW')
  return s === '' ? null : s
}

/** The truth kind in the extractor's vocabulary, or null for kinds it does not target. */
function eventKind(kind: string): string | null {
  if (kind === 'dai_hoi_thi_dua') return 'dai_hoi_thi_dua'
  if (kind.startsWith('hoi_nghi_')) return 'hoi_nghi_dien_hinh'
  return null
}

const ORDINAL_WORDS = ['', 'nhat', 'hai', 'ba', 'tu', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi']

/** Why a truth document cannot be recalled from `text`, or null when the text states it. */
function documentAbsence(d: TruthDocument, text: string): string | null {
  if (!d.number) return 'no number in truth'
  // Any standalone occurrence of the number: the reference may be written in any form around it.
  const re = new RegExp(`(?<![0-9])${d.number}(?![0-9])`)
  return re.test(text) ? null : 'number not in text'
}

/** Why a truth event cannot be recalled from `text`, or null when the text names it. */
function eventAbsence(e: TruthEvent, folded: string): string | null {
  const kind = eventKind(e.kind)
  if (!kind) return `kind "${e.kind}" not targeted`
  const head = kind === 'dai_hoi_thi_dua' ? ' dai hoi ' : ' dien hinh tien tien '
  if (!folded.includes(head)) return 'no head in text'
  if (e.ordinal !== null) {
    const forms = [String(e.ordinal), toRoman(e.ordinal).toLowerCase(), ORDINAL_WORDS[e.ordinal] ?? '']
    const written = forms.some((f) => f !== '' && new RegExp(` lan (?:thu )?${f} `).test(folded))
    const first = e.ordinal === 1 && folded.includes(' lan dau ')
    if (!written && !first) return 'ordinal not in text'
  }
  return null
}

/**
 * Loose cues per campaign: the content words of its name and variants (campaigns.json), any order of
 * punctuation. A campaign whose cue is absent is not named in the text.
 */
const CAMPAIGN_CUES: Record<string, string[]> = {
  nong_thon_moi: ['xay dung nong thon moi'],
  vi_nguoi_ngheo: ['vi nguoi ngheo'],
  doanh_nghiep_hoi_nhap: ['hoi nhap va phat trien'],
  van_hoa_cong_so: ['van hoa cong so'],
  ha_tang_tiet_kiem: ['ket cau ha tang', 'tiet kiem chong lang phi'],
  xoa_nha_tam: ['nha tam'],
  hoc_tap_lam_theo_bac: ['lam theo', 'chi thi 05', 'chi thi so 05'],
  doi_moi_sang_tao_day_hoc: ['sang tao trong day'],
  toan_dan_bao_ve_an_ninh: ['bao ve an ninh to quoc', 'bao ve antq'],
  toan_dan_doan_ket_van_hoa: ['xay dung doi song van hoa', 'tddkxddsvh'],
  chuyen_doi_so: ['sang tao va chuyen doi so', 'sang tao chuyen doi so'],
  phong_chong_covid19: ['covid'],
  cao_toc_500_ngay: ['500 ngay dem'],
  binh_dan_hoc_vu_so: ['binh dan hoc vu so'],
  chao_mung_dai_hoi_xiv: ['dai hoi xiv', 'tang toc but pha'],
  doi_moi_sang_tao_xanh_2026: ['chuyen doi xanh'],
  doanh_nghiep_tu_nhan_2026: ['doanh nghiep tu nhan'],
}

function campaignAbsence(id: string, folded: string): string | null {
  const cues = CAMPAIGN_CUES[id]
  if (!cues) return 'unknown campaign id'
  return cues.some((c) => folded.includes(` ${c} `)) ? null : 'not named in text'
}

const docKey = (type: string, number: string, symbol: string | null) => `${type}|${number}|${symbol ?? ''}`
const eventKey = (kind: string, ordinal: number | null, scope: string) => `${kind}|${ordinal ?? ''}|${scope}`

export const newScore = (): HeldOutScore => ({ tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 })

export function finish(s: HeldOutScore): HeldOutScore {
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall)
  return s
}

/** Compare two field values of a matched entity; empty truth values are not scored. */
function scoreField(
  fields: Record<string, HeldOutScore>,
  errors: string[],
  name: string,
  where: string,
  truth: string,
  got: string
): void {
  if (truth === '') return
  const s = fields[name] ?? newScore()
  fields[name] = s
  if (truth === got) s.tp++
  else {
    s.fn++
    if (got !== '') s.fp++
    errors.push(`${where} ${name}: truth=${JSON.stringify(truth)} got=${JSON.stringify(got)}`)
  }
}

/** The running totals of a held-out evaluation. */
export interface HeldOutTally {
  readonly kinds: Record<HeldOutKind, HeldOutScore>
  readonly fields: Record<string, HeldOutScore>
  readonly errors: string[]
  readonly notInText: string[]
}

/** Scores one page's documents, events and campaigns into the tally. */
export function scorePage(acc: HeldOutTally, item: HeldOutItem, x: Extraction): void {
  const tag = item.id.replace(/^https?:\/\//, '').slice(0, 90)
  const folded = loose(item.text)
  scoreDocuments(acc, item, x, tag)
  scoreEvents(acc, item, x, tag, folded)
  scoreCampaigns(acc, item, x, tag, folded)
}

function scoreDocuments(acc: HeldOutTally, item: HeldOutItem, x: Extraction, tag: string): void {
  const { fields, errors } = acc
  const gold = new Map<string, TruthDocument>()
  for (const d of item.documents) {
    const why = documentAbsence(d, item.text)
    const key = docKey(d.type, d.number ?? '', truthSymbol(d))
    if (why) acc.notInText.push(`${tag} document ${key} (${why})`)
    else if (!gold.has(key)) gold.set(key, d)
  }
  // One entry per document; a field is what any of its mentions states (the first that states it).
  const got = new Map<string, { year_in_symbol: number | null; date: string | null }>()
  for (const d of x.documents) {
    const key = docKey(d.type, d.number, d.symbol)
    const seen = got.get(key)
    got.set(key, { year_in_symbol: seen?.year_in_symbol ?? d.year_in_symbol, date: seen?.date ?? d.date })
  }
  matchKeys(acc, 'documents', tag, gold, got, (key, d, hit) => {
    const year = d.year_in_symbol === null ? '' : String(d.year_in_symbol)
    const where = `${tag} [${key}]`
    scoreField(fields, errors, 'documents.year_in_symbol', where, year, String(hit.year_in_symbol ?? ''))
    // Only full days are comparable; truth sometimes knows the month alone.
    const day = d.date && /^\d{4}-\d{2}-\d{2}$/.test(d.date) ? d.date : ''
    scoreField(fields, errors, 'documents.date', where, day, hit.date ?? '')
  })
}

/** Counts truth keys found (then `onHit` scores their fields), missed, and extracted keys truth lacks. */
function matchKeys<G, H>(
  acc: HeldOutTally,
  kind: HeldOutKind,
  tag: string,
  gold: ReadonlyMap<string, G>,
  got: ReadonlyMap<string, H>,
  onHit: (key: string, truth: G, hit: H) => void = () => {}
): void {
  const score = acc.kinds[kind]
  for (const [key, g] of gold) {
    const hit = got.get(key)
    if (hit === undefined) {
      score.fn++
      acc.errors.push(`${tag} ${kind} missed: ${key}`)
      continue
    }
    score.tp++
    onHit(key, g, hit)
  }
  for (const key of got.keys()) {
    if (gold.has(key)) continue
    score.fp++
    acc.errors.push(`${tag} ${kind} spurious: ${key}`)
  }
}

function scoreEvents(acc: HeldOutTally, item: HeldOutItem, x: Extraction, tag: string, folded: string): void {
  const { fields, errors } = acc
  const goldEvents = new Map<string, TruthEvent>()
  for (const e of item.events) {
    const why = eventAbsence(e, folded)
    const key = eventKey(eventKind(e.kind) ?? e.kind, e.ordinal, e.scope)
    if (why) acc.notInText.push(`${tag} event ${key} (${why})`)
    else if (!goldEvents.has(key)) goldEvents.set(key, e)
  }
  // Truth has no vocabulary for the other organisations' congresses (kind "other", issue #11): not scored.
  const gotEvents = new Map(
    x.events.filter((e) => e.kind !== 'other').map((e) => [eventKey(e.kind, e.ordinal, e.scope), e])
  )
  matchKeys(acc, 'events', tag, goldEvents, gotEvents, (key, e, hit) => {
    const where = `${tag} [${key}]`
    scoreField(fields, errors, 'events.period', where, e.period ?? '', hit.period ?? '')
    const status = e.status === 'unknown' ? '' : e.status
    scoreField(fields, errors, 'events.status', where, status, hit.status === 'unknown' ? '' : hit.status)
  })
}

// Candidates are not in truth's vocabulary and are not scored.
function scoreCampaigns(
  acc: HeldOutTally,
  item: HeldOutItem,
  x: Extraction,
  tag: string,
  folded: string
): void {
  const goldCampaigns = new Set<string>()
  for (const id of item.campaigns) {
    const why = campaignAbsence(id, folded)
    if (why) acc.notInText.push(`${tag} campaign ${id} (${why})`)
    else goldCampaigns.add(id)
  }
  const ids = x.campaigns.map((c) => c.id).filter((id) => !id.startsWith('candidate:'))
  const asMap = (keys: Iterable<string>) => new Map([...keys].map((k) => [k, k]))
  matchKeys(acc, 'campaigns', tag, asMap(goldCampaigns), asMap(ids))
}
