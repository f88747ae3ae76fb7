/**
 * `thidua snapshot build`: renders the offline snapshot (data/snapshot/) and its sites' data/snapshot/sources.json from the
 * seeds and the corpus facts. Pure function of its inputs: the same inputs give byte-identical output.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { SourceConfig } from '../domain/source.ts'
import { snapshotDir } from '../paths.ts'
import { planAttachments } from './attachments/plan.ts'
import type { PageEncoding } from './encode.ts'
import { type Fact, loadCampaigns, loadFacts, loadProvinces2008 } from './facts.ts'
import { RENDERERS } from '../platforms/index.ts'
import { composeArticle } from './prose/compose.ts'
import { loadSeedPlans, type SeedPlan } from './seeds.ts'
import { type PlannedSource, normalHost, planSources } from './source-plan.ts'
import { makeRng, hashString } from './rng.ts'
import { addDays, isoVn, parseYmd, slugify } from './text.ts'
import type { PageArticle, Site, TruthLine } from './types.ts'
import { type BuiltArticle, writeSite } from './write-site.ts'

export { attachmentFilesDir } from './write-site.ts'

export interface BuildResult {
  readonly sites: number
  readonly articles: number
  readonly rebuilt: number
  readonly captured: number
  readonly routes: number
  readonly bytes: number
  readonly provinces2008: number
  readonly sourcesFile: string
  readonly outDir: string
}

/** Non-article URLs in the facts (tag pages, listings with page numbers): the article gets a new URL. */
const LISTING_URL =
  /\/(tag|tags|tu-khoa|tag-video)\/|-tag\d+\.html|[?&](page|p|start|PageIndex)=|\/page\/\d+|itemlist|\/c\/[a-z-]+$|\+|thoi-su-trong-ngay\?|\/chuyen-de-thvl\/[^/]+\/$/

const ENCODING_VARIANTS: Record<string, PageEncoding> = {
  d126: 'windows-1258', // baodienbienphu.com.vn print view, an old site
  d010: 'tcvn3', // old.baolangson.vn archive from 2010
  d178: 'utf-8-nfd', // hoinongdan.bacgiang.gov.vn: its own URL is NFD-encoded
}

/** Undated facts whose page date we had to choose (baolaocai's tag page was captured in January 2026). */
const ASSUMED_DATES: Record<string, string> = { d029: '2026-01-12' }

const publishedFor = (f: Fact): string => {
  const rng = makeRng(`pub:${f.id}`)
  const assumed = ASSUMED_DATES[f.id]
  if (assumed) return isoVn(parseYmd(assumed)!, rng.int(6, 21), rng.int(0, 59))
  const hh = rng.int(6, 21)
  const mm = rng.int(0, 59)
  const p = f.published ? parseYmd(f.published) : null
  if (p && p.d > 0) return isoVn(p, hh, mm)
  if (p) return isoVn({ ...p, d: rng.int(3, 27) }, hh, mm)
  const held = f.events.find((e) => e.date && e.date.length === 10)
  if (held?.date) return isoVn(addDays(parseYmd(held.date)!, rng.int(0, 1)), hh, mm)
  const year = f.year_hint ?? rng.int(2016, 2024)
  return isoVn({ y: year, m: rng.int(1, 12), d: rng.int(1, 28) }, hh, mm)
}

const imageSrc = (site: Site, a: { id: string; slug: string; published_at: string }, k: number): string => {
  const y = a.published_at.slice(0, 4)
  const m = a.published_at.slice(5, 7)
  const d = a.published_at.slice(8, 10)
  switch (site.platform) {
    case 'nukeviet':
      return `${site.origin}/uploads/news/${y}_${m}/${a.slug.slice(0, 40)}-${k}.jpg`
    case 'wordpress':
      return `${site.origin}/wp-content/uploads/${y}/${m}/${a.slug.slice(0, 40)}-${k}.jpg`
    case 'newspaper-post':
      return `https://cdn.${site.host.replace(/^www\./, '')}/images/${createHash('sha256').update(`${a.id}:${k}`).digest('hex')}/${a.id}-${k}.jpg`
    case 'baonghean':
      return `https://bna.1cdn.vn/${y}/${m}/${d}/${a.id}-${k}.jpg`
    case 'liferay':
      return `${site.origin}/documents/20182/0/${a.id}-${k}.jpg`
    case 'gov-portal':
      return `${site.origin}/HinhAnhBaiViet/${a.id}-${k}.jpg`
    default:
      return `${site.origin}/images/${y}/${m}/${a.id}-${k}.jpg`
  }
}

const DATELINES: Record<string, string> = {
  'baonghean.vn': '(Baonghean.vn) -',
  'kontumtv.vn': '(kontumtv.vn) –',
}

const rebuildFact = (f: Fact, site: Site, campaignNames: ReadonlyMap<string, string>): BuiltArticle => {
  const r = RENDERERS[site.platform]
  const rng = makeRng(`fact:${f.id}`)
  const published_at = publishedFor(f)
  const composed = composeArticle(f, { rng, campaignNames, publishedYear: Number(published_at.slice(0, 4)) })
  const id = String(10_000 + (hashString(f.id) % 890_000))
  const slug = slugify(f.headline_vi)
  const realUrl = new URL(f.url)
  realUrl.hostname = normalHost(f.url)
  const url = LISTING_URL.test(f.url)
    ? `${site.origin}${r.articlePath(site, { id, slug, category: r.category(site).alias, published_at })}`
    : realUrl.toString()
  const dateline = DATELINES[site.host] ?? null
  const lead = dateline && site.platform === 'baonghean' ? `${dateline} ${composed.lead}` : composed.lead
  const paragraphs =
    dateline && site.platform === 'wordpress' && composed.paragraphs.length > 0
      ? [`${dateline} ${composed.paragraphs[0]}`, ...composed.paragraphs.slice(1)]
      : [...composed.paragraphs]
  const credit = composed.authors[0] ?? 'PV'
  const images = composed.captions.map((c, k) => ({
    src: imageSrc(site, { id, slug, published_at }, k + 1),
    caption: `${c}. Ảnh: ${credit}`,
    after: Math.min(k * 2, Math.max(0, paragraphs.length - 2)),
  }))
  const encoding = ENCODING_VARIANTS[f.id] ?? 'utf-8'
  const variants = [
    ...(site.platform === 'wordpress' || site.platform === 'newspaper-post' ? ['lazy-images'] : []),
    ...(encoding !== 'utf-8' ? [encoding === 'utf-8-nfd' ? 'nfd' : encoding] : []),
  ]
  const page: PageArticle = {
    id,
    url,
    title: composed.title,
    lead,
    paragraphs,
    images,
    authors: composed.authors,
    published_at,
    category: r.category(site),
    tags: [],
    origin: 'rebuilt',
    factId: f.id,
    dateline,
    variants,
    slug,
  }
  return {
    page,
    encoding,
    truth: {
      url,
      source_id: site.source.id,
      origin: 'rebuilt',
      fact_id: f.id,
      seed: null,
      title: composed.title,
      published_at,
      authors: composed.authors,
      province_code_2008: f.province_code_2008,
      province_code_2025: f.province_code_2025,
      documents: f.documents,
      events: f.events,
      campaigns: f.campaigns,
      lead,
      body_paragraphs: paragraphs,
    },
  }
}

const placeSeed = (s: SeedPlan, site: Site, fact: Fact | undefined): BuiltArticle => {
  const r = RENDERERS[site.platform]
  const slug = slugify(s.title)
  const url =
    s.url ??
    `${site.origin}${r.articlePath(site, { id: s.id, slug, category: s.category.alias, published_at: s.published_at })}`
  const page: PageArticle = {
    id: s.id,
    url,
    title: s.title,
    lead: s.lead,
    paragraphs: s.paragraphs,
    images: s.images,
    authors: s.authors,
    published_at: s.published_at,
    category: s.category,
    tags: [],
    origin: 'captured',
    factId: s.factId,
    dateline: s.dateline,
    chrome: { top: s.chromeTop, bottom: s.chromeBottom },
    variants: site.platform === 'newspaper-post' ? ['lazy-images'] : [],
    slug,
  }
  return {
    page,
    encoding: 'utf-8',
    truth: {
      url,
      source_id: site.source.id,
      origin: 'captured',
      fact_id: s.factId,
      seed: s.seed,
      title: s.title,
      published_at: s.published_at,
      authors: s.authors,
      province_code_2008: s.province_code_2008,
      province_code_2025: s.province_code_2025,
      documents: s.documents.length > 0 || !fact ? s.documents : fact.documents,
      events: s.events.length > 0 || !fact ? s.events : fact.events,
      campaigns: s.campaigns.length > 0 || !fact ? s.campaigns : fact.campaigns,
      lead: s.lead,
      body_paragraphs: s.paragraphs,
    },
  }
}

/** Every article of the snapshot placed on its site: the seeds verbatim, the other facts rebuilt. */
const placeArticles = (facts: ReadonlyArray<Fact>, site: (host: string) => Site): BuiltArticle[] => {
  const campaignNames = new Map(loadCampaigns().map((c) => [c.id, c.name_vi]))
  const seeds = loadSeedPlans()
  const seedFactIds = new Set(seeds.map((s) => s.factId).filter((x): x is string => x !== null))
  const built: BuiltArticle[] = [
    ...seeds.map((s) =>
      placeSeed(
        s,
        site(s.host),
        facts.find((f) => f.id === s.factId)
      )
    ),
    ...facts
      .filter((f) => !seedFactIds.has(f.id))
      .map((f) => rebuildFact(f, site(normalHost(f.url)), campaignNames)),
  ]
  const seenUrls = new Set<string>()
  for (const b of built) {
    if (seenUrls.has(b.page.url)) throw new Error(`two articles share the URL ${b.page.url}`)
    seenUrls.add(b.page.url)
  }
  // The newest article of two newspapers shows only a relative date ("2 giờ trước").
  const relativeIds = new Set<string>()
  for (const host of ['tienphong.vn', 'thanhnien.vn']) {
    const newest = built
      .filter((b) => normalHost(b.page.url) === host)
      .sort((a, b) => b.page.published_at.localeCompare(a.page.published_at))[0]
    if (newest) relativeIds.add(newest.page.url)
  }
  return built.map((b) =>
    relativeIds.has(b.page.url)
      ? { ...b, page: { ...b.page, variants: [...b.page.variants, 'relative-date'] } }
      : b
  )
}

const plannedSites = (facts: ReadonlyArray<Fact>): Map<string, Site> => {
  const to2025 = new Map(loadProvinces2008().map((p) => [p.code, p.new_code_2025]))
  const planned = planSources(facts, to2025, ({ host, origin, platform, config }) =>
    RENDERERS[platform].entryPoints({ source: config, host, origin, platform })
  )
  return new Map<string, Site>(
    planned.map((p: PlannedSource) => [
      p.host,
      { source: p.config, host: p.host, origin: p.origin, platform: p.config.platform },
    ])
  )
}

// data/sources.json is the hand-maintained registry; the snapshot's own list of its sites goes beside it.
export const buildSnapshot = (opts: { outDir?: string; sourcesFile?: string } = {}): BuildResult => {
  const outDir = opts.outDir ?? snapshotDir
  const sourcesFile = opts.sourcesFile ?? path.join(outDir, 'sources.json')
  const facts = loadFacts()
  const attachmentOf = new Map(planAttachments(facts).map((a) => [a.factId, a]))
  const siteOf = plannedSites(facts)
  const site = (host: string): Site => {
    const s = siteOf.get(host)
    if (!s) throw new Error(`no source planned for host ${host}`)
    return s
  }
  const built = placeArticles(facts, site)

  rmSync(path.join(outDir, 'sites'), { recursive: true, force: true })
  mkdirSync(path.join(outDir, 'sites'), { recursive: true })
  const truth: TruthLine[] = []
  let routes = 0
  let bytes = 0
  for (const s of [...siteOf.values()].sort((a, b) => a.host.localeCompare(b.host))) {
    const arts = built
      .filter((b) => normalHost(b.page.url) === s.host)
      .sort(
        (a, b) =>
          b.page.published_at.localeCompare(a.page.published_at) || a.page.url.localeCompare(b.page.url)
      )
    const written = writeSite(path.join(outDir, 'sites'), s, arts, attachmentOf)
    truth.push(...written.truth)
    routes += written.routes
    bytes += written.bytes
  }

  truth.sort((a, b) => a.url.localeCompare(b.url))
  writeFileSync(path.join(outDir, 'truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n') + '\n')
  const sources: SourceConfig[] = [...siteOf.values()]
    .map((s) => s.source)
    .sort((a, b) => a.id.localeCompare(b.id))
  writeFileSync(sourcesFile, `${JSON.stringify(sources, null, 2)}\n`)
  return {
    sites: siteOf.size,
    articles: truth.length,
    rebuilt: truth.filter((t) => t.origin === 'rebuilt').length,
    captured: truth.filter((t) => t.origin === 'captured').length,
    routes,
    bytes,
    provinces2008: new Set(truth.map((t) => t.province_code_2008).filter((x) => x !== null)).size,
    sourcesFile,
    outDir,
  }
}
