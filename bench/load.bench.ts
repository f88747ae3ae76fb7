/**
 * Warehouse load benchmark (issue #7): loads a deterministic synthetic corpus of ArticleRecord +
 * Extraction objects (N articles over the 63/34 provinces, with documents, events, campaigns, times and
 * 5% syndicated near-copies) through loadBatch in batches of 1,000, then finalizeRun (clusters,
 * resolution, search index) and publish. Reports load throughput (articles/s and rows/s), finalize and
 * publish time, search latency and the database size. BENCH_LOAD_N overrides N (default 20,000).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ArticleRecord } from '../pipeline/src/domain/article.ts'
import type { Extraction } from '../pipeline/src/domain/extraction.ts'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { queryRows, queryValue } from '../pipeline/src/warehouse/db.ts'
import { finalizeRun } from '../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'
import { publish } from '../pipeline/src/warehouse/publish.ts'
import type { LoadItem } from '../pipeline/src/warehouse/rows.ts'
import { startRun } from '../pipeline/src/warehouse/runs.ts'

const N = Number(process.env.BENCH_LOAD_N ?? 20_000)
const BATCH = 1_000

const WORDS = (
  'phong trào thi đua yêu nước khen thưởng điển hình tiên tiến nông thôn mới giảm nghèo bền vững chuyển đổi số ' +
  'cải cách hành chính kinh tế xã hội an sinh giáo dục y tế văn hóa đoàn kết sản xuất kinh doanh doanh nghiệp ' +
  'hợp tác xã công nhân viên chức lao động sáng tạo học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh'
).split(' ')
const CAMPAIGNS = ['nong_thon_moi', 'vi_nguoi_ngheo', 'xoa_nha_tam', 'chuyen_doi_so', 'hoc_tap_lam_theo_bac']

const rng = (seed: number) => {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

const provinces = async () => {
  const wh = await openWarehouseAsync(':memory:')
  const rows = await queryRows(
    wh.conn,
    'SELECT old_code AS code, new_code, old_name_vi AS name FROM province_lineage ORDER BY 1'
  )
  closeWarehouseSync(wh)
  return rows.map((r) => ({ code: String(r.code), code25: String(r.new_code), name: String(r.name) }))
}

const synthesize = (
  i: number,
  p: { code: string; code25: string; name: string },
  r: () => number
): LoadItem => {
  const pick = <T>(xs: ReadonlyArray<T>) => xs[Math.floor(r() * xs.length)] as T
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 2500) * 86_400_000).toISOString().slice(0, 10)
  const docNo = 1 + Math.floor(r() * 400)
  const lead = `UBND tỉnh ${p.name} ban hành Kế hoạch số ${docNo}/KH-UBND ngày ${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)} về phong trào thi đua.`
  const paras = [lead]
  for (let k = 0; k < 6; k++) paras.push(Array.from({ length: 45 }, () => pick(WORDS)).join(' ') + '.')
  paras.push(`Các cơ quan quán triệt Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị.`)
  const body = paras.join('\n\n')
  const url = `https://${p.code}.example.gov.vn/tin-tuc/bai-${i}.html`
  const campaign = pick(CAMPAIGNS)
  const article: ArticleRecord = {
    url,
    source_id: `portal-${p.code}`,
    platform: 'generic',
    title: `${p.name}: đẩy mạnh phong trào thi đua (${i})`,
    lead: null,
    dateline: null,
    authors: ['Phóng viên'],
    published_at: `${day}T08:00:00+07:00`,
    updated_at: null,
    category: 'Thi đua - Khen thưởng',
    tags: [],
    body_text: body,
    images: [],
    links: [],
    content_hash: createHash('sha256').update(body).digest('hex'),
    origin: 'generated',
    language: 'vi',
  }
  const s1 = `Kế hoạch số ${docNo}/KH-UBND`
  const s2 = 'Chỉ thị số 41-CT/TW ngày 26/12/2024'
  const extraction: Extraction = {
    id: url,
    documents: [
      {
        type: 'plan',
        number: String(docNo),
        symbol: 'KH-UBND',
        year_in_symbol: null,
        date: day,
        issuer: `UBND tỉnh ${p.name}`,
        surface: s1,
        start: body.indexOf(s1),
        end: body.indexOf(s1) + s1.length,
      },
      {
        type: 'directive',
        number: '41',
        symbol: 'CT/TW',
        year_in_symbol: null,
        date: '2024-12-26',
        issuer: 'Bộ Chính trị',
        surface: s2,
        start: body.indexOf(s2),
        end: body.indexOf(s2) + s2.length,
      },
    ],
    events: [
      {
        kind: 'dai_hoi_thi_dua',
        scope: 'province',
        place: p.name,
        province_code: p.code25,
        province_code_2008: p.code,
        ordinal: 6,
        year: 2025,
        period: null,
        status: r() < 0.5 ? 'planned' : 'held',
        surface: lead,
        start: 0,
        end: lead.length,
        time_start: day,
        time_end: day,
      },
    ],
    campaigns: [
      {
        id: campaign,
        surface: 'phong trào thi đua',
        start: body.indexOf('phong trào thi đua'),
        end: body.indexOf('phong trào thi đua') + 18,
      },
    ],
    times: [{ surface: day, start: day, end: day, granularity: 'day' }],
  }
  return { article, extraction, archive_record_id: `urn:uuid:bench-${i}` }
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-load-'))
  const dbFile = path.join(dir, 'bench.duckdb')
  try {
    const units = await provinces()
    const wh = await openWarehouseAsync(dbFile)
    const sources: SourceConfig[] = units.map((u) => ({
      id: `portal-${u.code}`,
      name: `Cổng TTĐT ${u.name}`,
      kind: 'portal',
      province_code_2008: u.code,
      province_code_2025: u.code25,
      platform: 'generic',
      base_url: `https://${u.code}.example.gov.vn/`,
      entry_points: [],
    }))
    await upsertSources(wh, sources)
    const runId = await startRun(wh, { mode: 'bench' })
    const r = rng(7)
    let rows = 0
    let buildMs = 0
    let loadMs = 0
    const previous: LoadItem[] = []
    for (let start = 0; start < N; start += BATCH) {
      const t0 = performance.now()
      const items: LoadItem[] = []
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const prev = previous[Math.floor(r() * previous.length)]
        // 5% syndicated copies of an earlier story on another URL.
        if (prev && r() < 0.05)
          items.push({
            ...prev,
            article: { ...prev.article, url: `https://baomoi.example.vn/copy-${i}.htm`, source_id: null },
          })
        else
          items.push(
            synthesize(i, units[i % units.length] ?? { code: '01', code25: '01', name: 'Hà Nội' }, r)
          )
      }
      previous.push(...items.slice(0, 50))
      const t1 = performance.now()
      const res = await loadBatch(wh, runId, items, { extractorVersion: 'bench' })
      loadMs += performance.now() - t1
      buildMs += t1 - t0
      rows += Object.values(res.rows).reduce((a, b) => a + b, 0)
    }
    const tf = performance.now()
    const summary = await finalizeRun(wh, runId)
    const finalizeS = (performance.now() - tf) / 1000
    const tp = performance.now()
    const pub = await publish(wh)
    const publishS = (performance.now() - tp) / 1000
    const ts = performance.now()
    const hits = Number(
      await queryValue(wh.conn, `SELECT count(*) FROM search_articles('nong thon moi ha giang', 20)`)
    )
    const searchMs = performance.now() - ts
    await wh.conn.run('CHECKPOINT')
    closeWarehouseSync(wh)
    const size = (f: string) => statSync(f).size
    const walBytes = readdirSync(dir)
      .filter((f) => f.endsWith('.wal'))
      .reduce((a, f) => a + size(path.join(dir, f)), 0)
    return {
      articles: N,
      rows_loaded: rows,
      load_seconds: loadMs / 1000,
      articles_per_second: Math.round(N / (loadMs / 1000)),
      rows_per_second: Math.round(rows / (loadMs / 1000)),
      synthesize_seconds: buildMs / 1000,
      finalize_seconds: finalizeS,
      publish_seconds: publishS,
      search_ms: Math.round(searchMs),
      search_hits: hits,
      clusters: summary.clusters,
      duplicates_found: summary.duplicates,
      documents: summary.documents,
      events: summary.events,
      db_bytes: size(dbFile) + walBytes,
      published_bytes: size(pub.file),
      db_mb: Math.round((size(dbFile) / 1048576) * 10) / 10,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
