/**
 * Scale corpus generator (`thidua generate`): N synthetic articles across the 63/34 provinces and all
 * platforms, each with planted documents, events, campaigns and times. Output is compact: the planted
 * records themselves (truth-NNNN.jsonl shards, which are the ground truth) plus corpus.json; the
 * simulator renders each page from its record on request, with the snapshot's platform renderers.
 * Deterministic: the same --seed and --n give byte-identical files.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Platform, SourceConfig } from '../domain/source.ts'
import type { FactDocument, FactEvent, FactTime } from '../snapshot/facts.ts'
import { loadCampaigns, loadProvinces2008 } from '../snapshot/facts.ts'
import { PLATFORM_NAMES, RENDERERS } from '../platforms/index.ts'
import { makeRng, type Rng } from '../snapshot/rng.ts'
import { isoVn, slugify } from '../snapshot/text.ts'

export const SHARD_SIZE = 10_000

export interface GeneratedSite {
  readonly host: string
  readonly origin: string
  readonly platform: Platform
  readonly source: SourceConfig
}

/** One generated article: the ground truth line and the only thing the page is rendered from. */
export interface GeneratedArticle {
  readonly n: number
  readonly url: string
  readonly source_id: string
  readonly origin: 'generated'
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly published_at: string
  readonly province: string
  readonly province_code_2008: string
  readonly province_code_2025: string
  readonly documents: ReadonlyArray<FactDocument>
  readonly events: ReadonlyArray<FactEvent>
  readonly campaigns: ReadonlyArray<string>
  readonly times: ReadonlyArray<FactTime>
}

export interface CorpusMeta {
  readonly n: number
  readonly seed: number
  readonly shards: ReadonlyArray<string>
  readonly sites: ReadonlyArray<GeneratedSite>
}

const PLATFORMS = PLATFORM_NAMES

const DOC_KINDS: ReadonlyArray<{ type: string; abbr: string; party: boolean }> = [
  { type: 'plan', abbr: 'KH', party: false },
  { type: 'decision', abbr: 'QĐ', party: false },
  { type: 'directive', abbr: 'CT', party: false },
  { type: 'guideline', abbr: 'HD', party: false },
  { type: 'official_letter', abbr: 'UBND-VX', party: false },
  { type: 'directive', abbr: 'CT/TU', party: true },
  { type: 'resolution', abbr: 'NQ/TU', party: true },
]

const TOPICS = [
  'tổ chức phong trào thi đua yêu nước',
  'khen thưởng các tập thể, cá nhân tiêu biểu',
  'đổi mới công tác thi đua, khen thưởng',
  'tổ chức Đại hội thi đua yêu nước các cấp',
  'phát động thi đua hoàn thành nhiệm vụ năm',
]

const HEADLINES = [
  '{P} tổ chức Đại hội thi đua yêu nước lần thứ {R}',
  '{P} biểu dương {K} điển hình tiên tiến',
  '{P} triển khai phong trào thi đua năm {Y}',
  'Sôi nổi phong trào thi đua yêu nước ở {P}',
  '{P} ban hành kế hoạch thi đua, khen thưởng năm {Y}',
  'Nhân rộng điển hình tiên tiến tại {P}',
]

const NO_EVENT_HEADLINE = 'Sôi nổi phong trào thi đua yêu nước ở {P}'
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']

/** A generated site on `host`: its source config with the platform's entry points. */
const siteOn = (
  host: string,
  platform: Platform,
  fields: Pick<SourceConfig, 'id' | 'name' | 'kind' | 'province_code_2008' | 'province_code_2025'>
): GeneratedSite => {
  const origin = `https://${host}`
  const source: SourceConfig = { ...fields, platform, base_url: `${origin}/`, entry_points: [] }
  return {
    host,
    origin,
    platform,
    source: { ...source, entry_points: RENDERERS[platform].entryPoints({ source, host, origin, platform }) },
  }
}

export const buildSites = (
  provinces: ReadonlyArray<{ code: string; name_vi: string; new_code_2025: string }>
): GeneratedSite[] => {
  const sites: GeneratedSite[] = provinces.map((p, i) => {
    const platform = PLATFORMS[i % PLATFORMS.length]!
    return siteOn(`${slugify(p.name_vi)}.${platform}.gen.thidua.vn`, platform, {
      id: `gen-${slugify(p.name_vi)}`,
      name: `Cổng tin ${p.name_vi} (tổng hợp)`,
      kind: 'portal',
      province_code_2008: p.code,
      province_code_2025: p.new_code_2025,
    })
  })
  for (const [i, platform] of PLATFORMS.entries())
    sites.push(
      siteOn(`bao-${i + 1}.${platform}.gen.thidua.vn`, platform, {
        id: `gen-bao-${i + 1}`,
        name: `Báo tổng hợp ${i + 1}`,
        kind: 'newspaper',
        province_code_2008: null,
        province_code_2025: null,
      })
    )
  return sites
}

const START = Date.UTC(2015, 0, 1)
const SPAN_DAYS = Math.floor((Date.UTC(2026, 5, 30) - START) / 86_400_000)

const ymdOf = (dayIndex: number) => {
  const d = new Date(START + dayIndex * 86_400_000)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
}
const iso = (x: { y: number; m: number; d: number }) =>
  `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`

/** 0–3 documents of the province, issued up to 200 days before publication. */
const plantDocuments = (
  rng: Rng,
  dayIndex: number,
  prov: { name_vi: string },
  unit: string
): FactDocument[] => {
  const documents: FactDocument[] = []
  for (let k = rng.int(0, 3); k > 0; k--) {
    const kind = rng.pick(DOC_KINDS)
    const num = kind.party ? String(rng.int(1, 60)).padStart(2, '0') : String(rng.int(1, 4999))
    const date = iso(ymdOf(Math.max(0, dayIndex - rng.int(1, 200))))
    documents.push({
      type: kind.type,
      number: num,
      symbol: kind.party
        ? `${num}-${kind.abbr}`
        : `${num}/${kind.abbr}${kind.abbr.includes('-') ? '' : '-UBND'}`,
      year_in_symbol: null,
      date,
      issuer: kind.party ? `Tỉnh ủy ${prov.name_vi}` : `UBND ${unit}`,
      title_topic: rng.pick(TOPICS),
    })
  }
  return documents
}

/** 0–2 of the province's congresses or conferences, held just before or planned after publication. */
const plantEvents = (rng: Rng, dayIndex: number, pub: { y: number }, unit: string): FactEvent[] => {
  const events: FactEvent[] = []
  for (let k = rng.int(0, 2); k > 0; k--) {
    const held = rng.chance(0.6)
    const y = pub.y - (pub.y % 5)
    events.push({
      kind: rng.pick(['dai_hoi_thi_dua', 'dai_hoi_thi_dua', 'hoi_nghi_dien_hinh', 'hoi_nghi_bieu_duong']),
      scope: 'province',
      place: unit,
      ordinal: rng.int(2, 11),
      period: `${y}-${y + 5}`,
      status: held ? 'held' : 'planned',
      date: held ? iso(ymdOf(Math.max(0, dayIndex - rng.int(0, 3)))) : null,
      planned_time: held ? null : iso(ymdOf(dayIndex + rng.int(10, 120))),
    })
  }
  return events
}

/** The article's URL in its platform's scheme. */
const articleUrl = (site: GeneratedSite, id: string, title: string, published_at: string): string => {
  const r = RENDERERS[site.platform]
  const s = { source: site.source, host: site.host, origin: site.origin, platform: site.platform }
  const category = r.category(s).alias
  const titleSlug = slugify(title)
  // Titles repeat within a site, so a platform whose article path has no id (WordPress) would give
  // two articles one URL and serve only one: such paths take the id into the slug, as WordPress's "-2".
  const byTitle = r.articlePath(s, { id, slug: titleSlug, category, published_at })
  const articlePath = byTitle.includes(id)
    ? byTitle
    : r.articlePath(s, { id, slug: `${titleSlug}-${id}`, category, published_at })
  return `${site.origin}${articlePath}`
}

export const generateArticle = (
  seed: number,
  n: number,
  sites: ReadonlyArray<GeneratedSite>,
  provinces: ReadonlyArray<{ code: string; name_vi: string; new_code_2025: string }>,
  campaignIds: ReadonlyArray<string>
): GeneratedArticle => {
  const rng = makeRng((seed * 1_000_003 + n) >>> 0)
  const prov = rng.pick(provinces)
  // Provincial sites carry their own province; national ones (the last 8) any.
  const local = rng.chance(0.8)
  const site = local
    ? sites[provinces.indexOf(prov)]!
    : sites[provinces.length + rng.int(0, PLATFORMS.length - 1)]!
  const dayIndex = rng.int(0, SPAN_DAYS)
  const pub = ymdOf(dayIndex)
  const published_at = isoVn(pub, rng.int(6, 21), rng.int(0, 59))
  const unit = `tỉnh ${prov.name_vi}`
  const documents = plantDocuments(rng, dayIndex, prov, unit)
  const events = plantEvents(rng, dayIndex, pub, unit)
  const campaigns = rng.shuffle(campaignIds).slice(0, rng.int(0, 3))
  const times: FactTime[] = [
    { expression_kind: 'year', start: `${pub.y}-01-01`, end: `${pub.y}-12-31`, role: 'period' },
  ]
  // A headline that names a congress names one planted in the article, so the ground truth covers
  // every event in the text; without one, the headline is about the movement instead.
  const congress = events.find((e) => e.kind === 'dai_hoi_thi_dua')
  const template = rng.pick(HEADLINES)
  const headline = template.includes('{R}') && !congress ? NO_EVENT_HEADLINE : template
  rng.int(0, 5) // the ordinal this draw used to pick; kept so that the rest of the stream is unchanged
  const title = headline
    .replace('{P}', prov.name_vi)
    .replace('{R}', ROMAN[congress?.ordinal ?? 0] ?? String(congress?.ordinal))
    .replace('{K}', String(rng.int(20, 600)))
    .replace('{Y}', String(pub.y))
  const summary = `${title} (${iso(pub)}). Các cấp, các ngành ${unit} tiếp tục đẩy mạnh phong trào thi đua yêu nước.`
  const id = String(100_000 + n)
  const url = articleUrl(site, id, title, published_at)
  return {
    n,
    url,
    source_id: site.source.id,
    origin: 'generated',
    id,
    title,
    summary,
    published_at,
    province: prov.name_vi,
    province_code_2008: prov.code,
    province_code_2025: prov.new_code_2025,
    documents,
    events,
    campaigns,
    times,
  }
}

export interface GenerateResult {
  readonly n: number
  readonly out: string
  readonly shards: number
  readonly ms: number
}

/** Writes corpus.json and truth-NNNN.jsonl shards; streams, so 1M articles stay in constant memory. */
export const generateCorpus = async (opts: {
  n: number
  seed: number
  out: string
}): Promise<GenerateResult> => {
  const t0 = performance.now()
  if (!Number.isInteger(opts.n) || opts.n < 1)
    throw new Error(`--n must be a positive integer (got ${opts.n})`)
  mkdirSync(opts.out, { recursive: true })
  const provinces = loadProvinces2008()
  const campaignIds = loadCampaigns().map((c) => c.id)
  const sites = buildSites(provinces)
  const shards: string[] = []
  for (let start = 0; start < opts.n; start += SHARD_SIZE) {
    const name = `truth-${String(shards.length).padStart(4, '0')}.jsonl`
    shards.push(name)
    const ws = createWriteStream(path.join(opts.out, name))
    const end = Math.min(opts.n, start + SHARD_SIZE)
    let buf = ''
    for (let n = start; n < end; n++) {
      buf += `${JSON.stringify(generateArticle(opts.seed, n, sites, provinces, campaignIds))}\n`
      if (buf.length > 1 << 20) {
        if (!ws.write(buf)) await new Promise<void>((r) => ws.once('drain', () => r()))
        buf = ''
      }
    }
    await new Promise<void>((resolve, reject) => ws.end(buf, () => resolve()).once('error', reject))
  }
  const meta: CorpusMeta = { n: opts.n, seed: opts.seed, shards, sites }
  writeFileSync(path.join(opts.out, 'corpus.json'), `${JSON.stringify(meta, null, 1)}\n`)
  writeFileSync(
    path.join(opts.out, 'sources.json'),
    `${JSON.stringify(
      sites.map((s) => s.source),
      null,
      2
    )}\n`
  )
  return { n: opts.n, out: opts.out, shards: shards.length, ms: performance.now() - t0 }
}
