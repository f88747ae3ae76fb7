/**
 * Deterministic, realistic rows for the fixture database: seven sources in Lạng Sơn (20), Nghệ An (40),
 * Lào Cai (10→15), Yên Bái (15→15), Kon Tum (62→51) and Quảng Ngãi (51), articles from 2023 to early
 * 2026 whose bodies are composed here from templates (no third-party text), with exact character spans
 * for every mention. Reference tables come from data/reference/.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference')

/** Minimal RFC 4180 reader for the reference CSVs (quoted fields, embedded commas and quotes). */
export const parseCsv = (text: string): Array<Record<string, string>> => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      if (row.some((c) => c !== '')) rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  const [header, ...body] = rows
  if (!header) return []
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

const readCsv = (name: string) => parseCsv(readFileSync(path.join(referenceDir, name), 'utf8'))

export type Row = Record<string, string | number | null>

export interface FixtureData {
  readonly [table: string]: ReadonlyArray<Row>
}

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

interface SourceDef {
  id: string
  name: string
  kind: 'portal' | 'newspaper'
  platform: string
  base: string
  p2008: string
  p2025: string
  province: string
  count: number
  /** Last day the source published (Kon Tum's portal goes quiet at the merger). */
  until?: string
}

const SOURCES: SourceDef[] = [
  {
    id: 'langson-portal',
    name: 'Cổng TTĐT tỉnh Lạng Sơn',
    kind: 'portal',
    platform: 'gov-portal',
    base: 'https://langson.gov.vn/',
    p2008: '20',
    p2025: '20',
    province: 'Lạng Sơn',
    count: 30,
  },
  {
    id: 'baolangson',
    name: 'Báo Lạng Sơn',
    kind: 'newspaper',
    platform: 'newspaper-post',
    base: 'https://baolangson.vn/',
    p2008: '20',
    p2025: '20',
    province: 'Lạng Sơn',
    count: 20,
  },
  {
    id: 'baonghean',
    name: 'Báo Nghệ An',
    kind: 'newspaper',
    platform: 'baonghean',
    base: 'https://baonghean.vn/',
    p2008: '40',
    p2025: '40',
    province: 'Nghệ An',
    count: 36,
  },
  {
    id: 'laocai-portal',
    name: 'Cổng TTĐT tỉnh Lào Cai',
    kind: 'portal',
    platform: 'liferay',
    base: 'https://laocai.gov.vn/',
    p2008: '10',
    p2025: '15',
    province: 'Lào Cai',
    count: 24,
  },
  {
    id: 'yenbai-portal',
    name: 'Cổng TTĐT tỉnh Yên Bái',
    kind: 'portal',
    platform: 'nukeviet',
    base: 'https://yenbai.gov.vn/',
    p2008: '15',
    p2025: '15',
    province: 'Yên Bái',
    count: 18,
    until: '2025-06-30',
  },
  {
    id: 'kontum-portal',
    name: 'Cổng TTĐT tỉnh Kon Tum',
    kind: 'portal',
    platform: 'gov-portal',
    base: 'https://kontum.gov.vn/',
    p2008: '62',
    p2025: '51',
    province: 'Kon Tum',
    count: 22,
    until: '2025-06-30',
  },
  {
    id: 'quangngai-portal',
    name: 'Cổng TTĐT tỉnh Quảng Ngãi',
    kind: 'portal',
    platform: 'drupal',
    base: 'https://quangngai.gov.vn/',
    p2008: '51',
    p2025: '51',
    province: 'Quảng Ngãi',
    count: 24,
  },
]

interface CentralDoc {
  id: string
  type: string
  number: string
  symbol: string
  year: number
  issued: string
  issuer: string
  written: string
  from: string
}

const CENTRAL_DOCS: CentralDoc[] = [
  {
    id: 'ct-tw-22-2018',
    type: 'directive',
    number: '22',
    symbol: 'CT/TW',
    year: 2018,
    issued: '2018-01-23',
    issuer: 'Ban Bí thư',
    written: 'Chỉ thị số 22-CT/TW ngày 23/01/2018 của Ban Bí thư',
    from: '2018-01-23',
  },
  {
    id: 'ct-tw-34-2014',
    type: 'directive',
    number: '34',
    symbol: 'CT/TW',
    year: 2014,
    issued: '2014-04-07',
    issuer: 'Bộ Chính trị',
    written: 'Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị',
    from: '2014-04-07',
  },
  {
    id: 'ct-tw-41-2024',
    type: 'directive',
    number: '41',
    symbol: 'CT/TW',
    year: 2024,
    issued: '2024-12-26',
    issuer: 'Bộ Chính trị',
    written: 'Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị',
    from: '2025-01-05',
  },
  {
    id: 'luat-06-2022-qh15',
    type: 'law',
    number: '06',
    symbol: '2022/QH15',
    year: 2022,
    issued: '2022-06-15',
    issuer: 'Quốc hội',
    written: 'Luật Thi đua, khen thưởng số 06/2022/QH15',
    from: '2022-06-15',
  },
]

/** Provincial plans per 2008 province: [number, issued date]; Lạng Sơn's 138/KH-UBND of 10/6/2024 included. */
const PROVINCIAL_PLANS: Record<string, Array<[string, string]>> = {
  '20': [
    ['45', '2023-02-20'],
    ['138', '2024-06-10'],
    ['72', '2025-03-18'],
  ],
  '40': [
    ['102', '2023-03-02'],
    ['215', '2024-04-11'],
    ['96', '2025-02-25'],
    ['310', '2025-09-08'],
  ],
  '10': [
    ['58', '2023-02-14'],
    ['121', '2024-05-06'],
    ['33', '2025-01-21'],
  ],
  '15': [
    ['40', '2023-03-10'],
    ['88', '2024-03-28'],
  ],
  '62': [
    ['67', '2023-04-04'],
    ['142', '2024-05-20'],
    ['29', '2025-02-12'],
  ],
  '51': [
    ['81', '2023-03-15'],
    ['160', '2024-06-03'],
    ['52', '2025-03-05'],
    ['275', '2025-10-14'],
  ],
}

interface EventDef {
  id: string
  kind: 'dai_hoi_thi_dua' | 'hoi_nghi_dien_hinh'
  p2008: string
  p2025: string
  ordinal: number | null
  planned_start: string | null
  planned_end: string | null
  held_on: string | null
  place: string
}

const EVENTS: EventDef[] = [
  {
    id: 'ev-20-daihoi-6',
    kind: 'dai_hoi_thi_dua',
    p2008: '20',
    p2025: '20',
    ordinal: 6,
    planned_start: '2025-08-20',
    planned_end: '2025-08-31',
    held_on: '2025-09-18',
    place: 'tỉnh Lạng Sơn',
  },
  {
    id: 'ev-20-hoinghi-2024',
    kind: 'hoi_nghi_dien_hinh',
    p2008: '20',
    p2025: '20',
    ordinal: null,
    planned_start: '2024-05-01',
    planned_end: '2024-05-31',
    held_on: '2024-05-24',
    place: 'tỉnh Lạng Sơn',
  },
  {
    id: 'ev-40-daihoi-2025',
    kind: 'dai_hoi_thi_dua',
    p2008: '40',
    p2025: '40',
    ordinal: null,
    planned_start: '2025-09-01',
    planned_end: '2025-09-30',
    held_on: '2025-09-23',
    place: 'tỉnh Nghệ An',
  },
  {
    id: 'ev-40-hoinghi-2023',
    kind: 'hoi_nghi_dien_hinh',
    p2008: '40',
    p2025: '40',
    ordinal: null,
    planned_start: '2023-10-01',
    planned_end: '2023-10-31',
    held_on: '2023-11-09',
    place: 'tỉnh Nghệ An',
  },
  {
    id: 'ev-15-daihoi-1',
    kind: 'dai_hoi_thi_dua',
    p2008: '10',
    p2025: '15',
    ordinal: 1,
    planned_start: '2025-10-01',
    planned_end: '2025-10-31',
    held_on: '2025-11-06',
    place: 'tỉnh Lào Cai',
  },
  {
    id: 'ev-10-hoinghi-2024',
    kind: 'hoi_nghi_dien_hinh',
    p2008: '10',
    p2025: '15',
    ordinal: null,
    planned_start: '2024-06-01',
    planned_end: '2024-06-30',
    held_on: '2024-06-14',
    place: 'tỉnh Lào Cai',
  },
  {
    id: 'ev-62-daihoi-6',
    kind: 'dai_hoi_thi_dua',
    p2008: '62',
    p2025: '51',
    ordinal: 6,
    planned_start: '2025-05-15',
    planned_end: '2025-05-31',
    held_on: null,
    place: 'tỉnh Kon Tum',
  },
  {
    id: 'ev-51-daihoi-1',
    kind: 'dai_hoi_thi_dua',
    p2008: '51',
    p2025: '51',
    ordinal: 1,
    planned_start: '2025-10-15',
    planned_end: '2025-10-31',
    held_on: '2025-10-28',
    place: 'tỉnh Quảng Ngãi',
  },
  {
    id: 'ev-51-hoinghi-2024',
    kind: 'hoi_nghi_dien_hinh',
    p2008: '51',
    p2025: '51',
    ordinal: null,
    planned_start: '2024-07-01',
    planned_end: '2024-07-31',
    held_on: '2024-07-19',
    place: 'tỉnh Quảng Ngãi',
  },
]

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII']
const pad = (n: number) => String(n).padStart(2, '0')
const vnDate = (iso: string) => {
  const [y, m, d] = iso.split('-')
  return `${Number(d)}/${Number(m)}/${y}`
}
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Builds a body from pieces and records where each mention landed. */
class BodyBuilder {
  text = ''
  spans: Array<{ kind: string; start: number; end: number; data: Row }> = []
  add(s: string) {
    this.text += s
    return this
  }
  mention(kind: string, surface: string, data: Row = {}) {
    const start = this.text.length
    this.text += surface
    this.spans.push({ kind, start, end: this.text.length, data })
    return this
  }
}

export const buildFixtureData = (seed = 20250701): FixtureData => {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)]!
  const campaigns = (
    JSON.parse(readFileSync(path.join(referenceDir, 'campaigns.json'), 'utf8')) as Array<{
      id: string
      name_vi: string
      launched_on: string | null
    }>
  ).map((c) => ({
    campaign_id: c.id,
    name_vi: c.name_vi,
    launched_on:
      c.launched_on && /^\d{4}-\d{2}-\d{2}$/.test(c.launched_on)
        ? c.launched_on
        : c.launched_on && /^\d{4}$/.test(c.launched_on)
          ? `${c.launched_on}-01-01`
          : null,
  }))
  const provinces: Row[] = [
    ...readCsv('provinces-2008.csv').map((r) => ({ code: r.code!, name_vi: r.name_vi!, system: '2008' })),
    ...readCsv('provinces-2025.csv').map((r) => ({ code: r.code!, name_vi: r.name_vi!, system: '2025' })),
  ]
  const lineage: Row[] = readCsv('province-lineage-2025.csv').map((r) => ({
    old_code: r.old_code!,
    new_code: r.new_code!,
    effective_on: r.effective_date!,
  }))
  const milestones: Row[] = readCsv('milestones.csv').map((r) => ({
    id: r.id!,
    date: r.date!,
    event_vi: r.event_vi!,
    document: r.document || null,
  }))

  const sources: Row[] = SOURCES.map((s) => ({
    source_id: s.id,
    name: s.name,
    kind: s.kind,
    platform: s.platform,
    base_url: s.base,
    province_code_2008: s.p2008,
    province_code_2025: s.p2025,
  }))

  const documents = new Map<string, Row>()
  for (const d of CENTRAL_DOCS)
    documents.set(d.id, {
      document_id: d.id,
      type: d.type,
      number: d.number,
      symbol: d.symbol,
      issued_on: d.issued,
      issuer: d.issuer,
      province_code_2025: null,
      mention_count: 0,
    })
  for (const [p2008, plans] of Object.entries(PROVINCIAL_PLANS)) {
    const p2025 = SOURCES.find((s) => s.p2008 === p2008)!.p2025
    for (const [num, issued] of plans) {
      const id = `kh-ubnd-${num}-${issued.slice(0, 4)}-${p2008}`
      documents.set(id, {
        document_id: id,
        type: 'plan',
        number: num,
        symbol: 'KH-UBND',
        issued_on: issued,
        issuer: 'UBND tỉnh',
        province_code_2025: p2025,
        mention_count: 0,
      })
    }
  }

  const articles: Row[] = []
  const docMentions: Row[] = []
  const eventMentions: Row[] = []
  const campaignMentions: Row[] = []
  const timeMentions: Row[] = []
  const eligibleCampaigns = campaigns.filter((c) => c.launched_on !== null && c.launched_on <= '2025-12-31')
  const start = Date.parse('2023-01-01T00:00:00Z')
  let seq = 0
  for (const s of SOURCES) {
    const end = Date.parse(`${s.until ?? '2026-03-31'}T00:00:00Z`)
    for (let i = 0; i < s.count; i++) {
      // Spread evenly with jitter so the coverage ledger has a stable baseline per source.
      const t = start + ((i + rnd() * 0.9) / s.count) * (end - start)
      const day = new Date(t).toISOString().slice(0, 10)
      const hour = 7 + Math.floor(rnd() * 10)
      const published = `${day} ${pad(hour)}:${pad(Math.floor(rnd() * 60))}:00`
      const id = `a${String(++seq).padStart(4, '0')}`
      const active = eligibleCampaigns.filter((c) => c.launched_on! <= day)
      const camp = pick(active.length ? active : eligibleCampaigns)
      const camp2 = rnd() < 0.35 ? pick(active.length ? active : eligibleCampaigns) : null
      const plans = (PROVINCIAL_PLANS[s.p2008] ?? []).filter(([, d]) => d <= day)
      const plan = plans.length ? plans[plans.length - 1]! : null
      const centrals = CENTRAL_DOCS.filter((d) => d.from <= day)
      const central =
        day >= '2025-01-05' ? CENTRAL_DOCS[2]! : pick(centrals.filter((d) => d.id !== 'ct-tw-41-2024'))
      const provinceName =
        day >= '2025-07-01' && s.p2008 === '62'
          ? 'Quảng Ngãi'
          : day >= '2025-07-01' && s.p2008 === '15'
            ? 'Lào Cai'
            : s.province
      const year = day.slice(0, 4)
      const b = new BodyBuilder()
      const title = pick([
        `${provinceName} đẩy mạnh phong trào thi đua "${camp.name_vi}"`,
        `${s.province}: sơ kết phong trào thi đua yêu nước năm ${year}`,
        `Triển khai công tác thi đua, khen thưởng năm ${year} tại ${provinceName}`,
        `Nhiều điển hình tiên tiến trong phong trào thi đua ở ${provinceName}`,
      ])
      b.add(`Ngày ${vnDate(day)}, `)
      timeMentions.push({
        article_id: id,
        surface: `Ngày ${vnDate(day)}`,
        start_date: day,
        end_date: day,
        granularity: 'day',
        span_start: 0,
        span_end: `Ngày ${vnDate(day)}`.length,
      })
      if (plan) {
        const docId = `kh-ubnd-${plan[0]}-${plan[1].slice(0, 4)}-${s.p2008}`
        const surface = `Kế hoạch số ${plan[0]}/KH-UBND ngày ${vnDate(plan[1])}`
        b.add(`Ban Thi đua - Khen thưởng tỉnh ${s.province} tiếp tục hướng dẫn thực hiện `)
        b.mention('document', surface, {
          type: 'plan',
          number: plan[0],
          symbol: 'KH-UBND',
          year_in_symbol: null,
          issued_on: plan[1],
          issuer: `UBND tỉnh ${s.province}`,
          document_id: docId,
        })
        b.add(` của UBND tỉnh về phát động phong trào thi đua "`)
      } else b.add(`UBND tỉnh ${s.province} phát động phong trào thi đua "`)
      b.mention('campaign', camp.name_vi, { campaign_id: camp.campaign_id })
      b.add(`" trong các cơ quan, đơn vị, địa phương. `)
      b.add('Thực hiện ')
      b.mention('document', central.written, {
        type: central.type,
        number: central.number,
        symbol: central.symbol,
        year_in_symbol: central.year,
        issued_on: central.issued,
        issuer: central.issuer,
        document_id: central.id,
      })
      b.add(
        ', các sở, ngành và huyện, thành phố gắn phong trào thi đua với nhiệm vụ chính trị, phát hiện và nhân rộng điển hình tiên tiến.'
      )
      if (camp2 && camp2.campaign_id !== camp.campaign_id) {
        b.add('\n\nCùng với đó, phong trào "')
        b.mention('campaign', camp2.name_vi, { campaign_id: camp2.campaign_id })
        b.add('" được lồng ghép trong kế hoạch công tác hằng quý của từng đơn vị.')
      }
      const evs = EVENTS.filter(
        (e) =>
          e.p2008 === s.p2008 &&
          e.planned_start &&
          Math.abs(Date.parse(e.planned_start) - Date.parse(day)) < 200 * 86_400_000
      )
      const ev = evs.length ? pick(evs) : null
      if (ev) {
        const held = ev.held_on !== null && ev.held_on <= day
        const name =
          ev.kind === 'dai_hoi_thi_dua'
            ? `Đại hội Thi đua yêu nước ${ev.place}${ev.ordinal ? ` lần thứ ${ROMAN[ev.ordinal]}` : ''}`
            : `Hội nghị điển hình tiên tiến ${ev.place} năm ${ev.planned_start!.slice(0, 4)}`
        b.add('\n\n')
        b.mention('event', name, {
          kind: ev.kind,
          scope: 'province',
          place: ev.place,
          province_code_2025: ev.p2025,
          ordinal: ev.ordinal,
          status: held ? 'held' : 'planned',
          event_id: ev.id,
        })
        b.add(
          held
            ? ` đã được tổ chức ngày ${vnDate(ev.held_on!)}, biểu dương các tập thể, cá nhân tiêu biểu.`
            : ` dự kiến tổ chức từ ngày ${vnDate(ev.planned_start!)} đến ngày ${vnDate(ev.planned_end!)}.`
        )
      }
      b.add(
        `\n\nTrong năm ${year}, toàn tỉnh có ${20 + Math.floor(rnd() * 80)} tập thể và ${40 + Math.floor(rnd() * 150)} cá nhân được đề nghị khen thưởng.`
      )
      articles.push({
        article_id: id,
        source_id: s.id,
        url: `${s.base}tin-tuc/thi-dua-khen-thuong/${id}-${day}.html`,
        title,
        published_at: published,
        province_code_2008: s.p2008,
        province_code_2025: s.p2025,
        body_text: b.text,
        origin: rnd() < 0.8 ? 'captured' : 'rebuilt',
      })
      for (const sp of b.spans) {
        const surface = b.text.slice(sp.start, sp.end)
        if (sp.kind === 'document') {
          docMentions.push({ article_id: id, ...sp.data, surface, span_start: sp.start, span_end: sp.end })
          const doc = documents.get(String(sp.data.document_id))
          if (doc) doc.mention_count = Number(doc.mention_count) + 1
        } else if (sp.kind === 'campaign')
          campaignMentions.push({ article_id: id, campaign_id: sp.data.campaign_id!, surface })
        else eventMentions.push({ article_id: id, ...sp.data, surface })
      }
    }
  }

  const events: Row[] = EVENTS.map((e) => ({
    event_id: e.id,
    kind: e.kind,
    scope: 'province',
    province_code_2008: e.p2008,
    province_code_2025: e.p2025,
    ordinal: e.ordinal,
    planned_start: e.planned_start,
    planned_end: e.planned_end,
    held_on: e.held_on,
  }))

  const fetches: Row[] = []
  for (const a of articles)
    fetches.push({
      source_id: a.source_id ?? null,
      url: a.url ?? null,
      status: 200,
      fetched_at: '2026-03-31 02:00:00',
      error: null,
    })
  const failures: Array<[string, number, string]> = [
    ['kontum-portal', 503, 'HTTP 503 Service Unavailable'],
    ['kontum-portal', 0, 'DNS lookup failed: kontum.gov.vn (portal retired after the 2025 merger)'],
    ['yenbai-portal', 0, 'connect ETIMEDOUT after 3 retries'],
    ['baonghean', 404, 'HTTP 404 Not Found'],
  ]
  failures.forEach(([src, status, error], i) => {
    fetches.push({
      source_id: src,
      url: `${SOURCES.find((s) => s.id === src)!.base}tin-tuc/loi-${i}.html`,
      status,
      fetched_at: `2026-03-31 02:${pad(10 + i)}:00`,
      error,
    })
  })

  const runs: Row[] = [
    {
      run_id: 'run-2026-03-01',
      started_at: '2026-03-01 01:00:00',
      finished_at: '2026-03-01 01:14:30',
      status: 'succeeded',
      articles_loaded: articles.length - 12,
      extractor_version: 'extract-0.9',
    },
    {
      run_id: 'run-2026-03-15',
      started_at: '2026-03-15 01:00:00',
      finished_at: '2026-03-15 01:03:10',
      status: 'failed',
      articles_loaded: 0,
      extractor_version: 'extract-0.9',
    },
    {
      run_id: 'run-2026-03-31',
      started_at: '2026-03-31 01:00:00',
      finished_at: '2026-03-31 01:16:05',
      status: 'succeeded',
      articles_loaded: articles.length,
      extractor_version: 'extract-1.0',
    },
  ]
  const stageStats: Row[] = []
  for (const r of runs)
    for (const [stage, ms] of [
      ['crawl', 610_000],
      ['parse', 42_000],
      ['extract', 18_000],
      ['load', 9_000],
    ] as const)
      stageStats.push({
        run_id: r.run_id ?? null,
        stage,
        items_in: articles.length + 4,
        items_out: r.status === 'failed' && stage !== 'crawl' ? 0 : articles.length,
        failures: stage === 'crawl' ? 4 : stage === 'parse' ? 2 : 0,
        duration_ms: ms,
      })
  const parseFailures: Row[] = [
    {
      url: 'https://kontum.gov.vn/tin-tuc/trang-in-123.html',
      reason: 'no article body found (print page)',
      run_id: 'run-2026-03-31',
      source_id: 'kontum-portal',
    },
    {
      url: 'https://baonghean.vn/video-thi-dua-2025.html',
      reason: 'video page without text',
      run_id: 'run-2026-03-31',
      source_id: 'baonghean',
    },
  ]

  return {
    sources,
    articles,
    document_mentions: docMentions,
    documents: [...documents.values()],
    event_mentions: eventMentions,
    events,
    campaign_mentions: campaignMentions,
    campaigns,
    provinces,
    province_lineage: lineage,
    time_mentions: timeMentions,
    fetches,
    pipeline_runs: runs,
    stage_stats: stageStats,
    parse_failures: parseFailures,
    milestones,
  }
}

/** Used by tests that need to know what the fixture contains without hard-coding results. */
export const FIXTURE_SOURCES = SOURCES
export const FIXTURE_CENTRAL_DOCS = CENTRAL_DOCS
export { addDays }
