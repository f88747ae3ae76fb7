/**
 * `thidua snapshot build`: renders the offline snapshot (data/snapshot/) and its sites' data/snapshot/sources.json from the
 * seeds and the corpus facts. Pure function of its inputs: the same inputs give byte-identical output.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { SourceConfig } from '../domain/source.ts'
import { snapshotDir } from '../paths.ts'
import { type PlannedAttachment, planAttachments } from './attachments/plan.ts'
import { encodePage, type PageEncoding, toCp1258Form, toTcvnForm } from './encode.ts'
import { type Fact, loadCampaigns, loadFacts, loadProvinces2008 } from './facts.ts'
import { RENDERERS, homePath } from '../platforms/index.ts'
import { composeArticle } from './prose/compose.ts'
import { loadSeedPlans, type SeedPlan } from './seeds.ts'
import { type PlannedSource, normalHost, planSources } from './source-plan.ts'
import { makeRng, hashString } from './rng.ts'
import { addDays, isoVn, parseYmd, slugify } from './text.ts'
import type { ManifestRoute, PageArticle, RouteKind, SiteManifest, Site, TruthLine } from './types.ts'

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

interface BuiltArticle {
  readonly page: PageArticle
  readonly truth: Omit<TruthLine, 'aliases' | 'variants'>
  readonly encoding: PageEncoding
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

/** The text the page really carries after its legacy encoding round trip. */
const asServed = (s: string, enc: PageEncoding): string =>
  enc === 'tcvn3' ? toTcvnForm(s) : enc === 'windows-1258' ? toCp1258Form(s).normalize('NFC') : s

class SiteWriter {
  readonly routes: ManifestRoute[] = []
  bytes = 0
  private readonly files = new Set<string>()
  constructor(
    readonly dir: string,
    readonly site: Site
  ) {}

  add(
    p: string,
    kind: RouteKind,
    body: Uint8Array | string,
    opts: {
      contentType?: string
      lastModified: string
      capturedAt?: string
      origin?: 'captured' | 'rebuilt' | null
      status?: number
    }
  ) {
    if (this.routes.some((r) => r.path === p)) throw new Error(`${this.site.host}: duplicate route ${p}`)
    const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : body
    const ext =
      kind === 'attachment'
        ? path.extname(p).slice(1) || 'bin'
        : kind === 'feed' || kind === 'sitemap'
          ? 'xml'
          : kind === 'robots'
            ? 'txt'
            : 'html'
    const base =
      p === '/' ? 'index' : slugify(decodeURIComponent(p.replace(/[?&=]/g, ' ')), 8).slice(0, 60) || 'page'
    let file = `pages/${kind}-${base}-${createHash('sha1').update(p).digest('hex').slice(0, 8)}.${ext}`
    while (this.files.has(file)) file = file.replace(/\.(\w+)$/, '-x.$1')
    this.files.add(file)
    mkdirSync(path.join(this.dir, 'pages'), { recursive: true })
    writeFileSync(path.join(this.dir, file), bytes)
    this.bytes += bytes.length
    this.routes.push({
      path: p,
      file,
      status: opts.status ?? 200,
      content_type:
        opts.contentType ??
        (ext === 'xml'
          ? 'application/xml; charset=utf-8'
          : ext === 'txt'
            ? 'text/plain; charset=utf-8'
            : 'text/html; charset=utf-8'),
      last_modified: new Date(opts.lastModified).toISOString(),
      ...(opts.capturedAt ? { captured_at: new Date(opts.capturedAt).toISOString() } : {}),
      kind,
      origin: opts.origin ?? null,
    })
  }

  redirect(p: string, to: string, status = 301) {
    this.routes.push({
      path: p,
      file: '',
      status,
      content_type: 'text/html; charset=utf-8',
      last_modified: '2025-01-01T00:00:00.000Z',
      kind: 'other',
      origin: null,
      redirect_to: to,
    })
  }
}

const NOT_FOUND_HTML =
  '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404 - Không tìm thấy trang</title></head><body><h1>404</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ.</p></body></html>\n'

/** Attachment files are generated once (attachments/files.ts) and kept beside the snapshot. */
export const attachmentFilesDir = path.join(snapshotDir, 'attachments')

const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
}

/** The article page with a download link to its attachment, as portals print it under the text. */
const withAttachmentLink = (html: string, a: PlannedAttachment | undefined): string =>
  a
    ? html.replace(
        /<\/body>/i,
        `<div class="attachments"><a href="${a.path}" class="file-download">${a.label}</a></div></body>`
      )
    : html

// data/sources.json is the hand-maintained registry; the snapshot's own list of its sites goes beside it.
export const buildSnapshot = (opts: { outDir?: string; sourcesFile?: string } = {}): BuildResult => {
  const outDir = opts.outDir ?? snapshotDir
  const sourcesFile = opts.sourcesFile ?? path.join(outDir, 'sources.json')
  const facts = loadFacts()
  const attachmentOf = new Map(planAttachments(facts).map((a) => [a.factId, a]))
  const campaignNames = new Map(loadCampaigns().map((c) => [c.id, c.name_vi]))
  const to2025 = new Map(loadProvinces2008().map((p) => [p.code, p.new_code_2025]))
  const seeds = loadSeedPlans()
  const planned = planSources(facts, to2025, ({ host, origin, platform, config }) =>
    RENDERERS[platform].entryPoints({ source: config, host, origin, platform })
  )
  const siteOf = new Map<string, Site>(
    planned.map((p: PlannedSource) => [
      p.host,
      { source: p.config, host: p.host, origin: p.origin, platform: p.config.platform },
    ])
  )
  const site = (host: string): Site => {
    const s = siteOf.get(host)
    if (!s) throw new Error(`no source planned for host ${host}`)
    return s
  }

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
  const withVariants = built.map((b) =>
    relativeIds.has(b.page.url)
      ? { ...b, page: { ...b.page, variants: [...b.page.variants, 'relative-date'] } }
      : b
  )

  rmSync(path.join(outDir, 'sites'), { recursive: true, force: true })
  mkdirSync(path.join(outDir, 'sites'), { recursive: true })
  const truth: TruthLine[] = []
  let routes = 0
  let bytes = 0
  for (const s of [...siteOf.values()].sort((a, b) => a.host.localeCompare(b.host))) {
    const r = RENDERERS[s.platform]
    const arts = withVariants
      .filter((b) => normalHost(b.page.url) === s.host)
      .sort(
        (a, b) =>
          b.page.published_at.localeCompare(a.page.published_at) || a.page.url.localeCompare(b.page.url)
      )
    const pages = arts.map((b) => b.page)
    const newest = pages[0]?.published_at ?? '2020-01-01T00:00:00+07:00'
    const w = new SiteWriter(path.join(outDir, 'sites', s.host), s)
    const aliasesOf = new Map<string, string[]>()
    const alias = (a: PageArticle, u: string) => aliasesOf.set(a.url, [...(aliasesOf.get(a.url) ?? []), u])

    for (const b of arts) {
      const a = b.page
      const related = pages.filter((x) => x !== a)
      const attachment = a.factId ? attachmentOf.get(a.factId) : undefined
      const html = withAttachmentLink(r.renderArticle(s, a, related), attachment)
      if (attachment) {
        const file = path.join(attachmentFilesDir, attachment.file)
        if (!existsSync(file))
          throw new Error(
            `attachment ${attachment.file} missing: run \`thidua snapshot build\` to generate it`
          )
        w.add(attachment.path, 'attachment', new Uint8Array(readFileSync(file)), {
          contentType: ATTACHMENT_TYPES[path.extname(file).slice(1)] ?? 'application/octet-stream',
          lastModified: a.published_at,
        })
      }
      const enc = encodePage(html, b.encoding)
      const u = new URL(a.url)
      w.add(`${u.pathname}${u.search}`, 'article', enc.bytes, {
        contentType: enc.contentType,
        lastModified: a.published_at,
        // A page that says "2 giờ trước" was captured two hours after publication.
        ...(a.variants.includes('relative-date')
          ? { capturedAt: new Date(Date.parse(a.published_at) + 2 * 3600_000).toISOString() }
          : {}),
        origin: a.origin,
      })
      const print = r.renderPrint?.(s, a)
      if (print) {
        w.add(print.path, 'print', print.html, { lastModified: a.published_at, origin: a.origin })
        alias(a, `${s.origin}${print.path}`)
      }
      truth.push({
        ...b.truth,
        title: asServed(b.truth.title, b.encoding),
        lead: b.truth.lead === null ? null : asServed(b.truth.lead, b.encoding),
        body_paragraphs: b.truth.body_paragraphs.map((p) => asServed(p, b.encoding)),
        aliases: [],
        variants: a.variants,
      })
    }

    // The same article under other URL forms: tracking parameters, trailing slash, WordPress shortlink.
    const first = arts[0]?.page
    const extraHomeLinks: string[] = []
    if (first && s.host === 'langson.gov.vn') {
      const u = new URL(first.url)
      const tracked = `${u.pathname}?utm_source=facebook&utm_medium=social&fbclid=IwAR0xThiDua`
      w.add(tracked, 'article', r.renderArticle(s, first, []), {
        lastModified: first.published_at,
        origin: first.origin,
      })
      alias(first, `${s.origin}${tracked}`)
      extraHomeLinks.push(
        `${s.origin}${tracked}`,
        `http://${s.host}${u.pathname}`,
        `${s.origin}/vi/news/${'tin-tuc-su-kien'}/bai-viet-da-go-bo-1.html`
      )
      w.add('/vi/news/tin-tuc-su-kien/bai-viet-da-go-bo-1.html', 'other', NOT_FOUND_HTML, {
        status: 404,
        lastModified: newest,
      })
      alias(first, `http://${s.host}${u.pathname}`)
    }
    if (s.platform === 'wordpress') {
      for (const a of pages) {
        w.redirect(`/?p=${a.id}`, a.url)
        alias(a, `${s.origin}/?p=${a.id}`)
      }
      const seed = pages.find((a) => a.origin === 'captured')
      if (seed) {
        const slashPath = `${new URL(seed.url).pathname}/`
        w.redirect(slashPath, seed.url)
        alias(seed, `${s.origin}${slashPath}`)
        extraHomeLinks.push(`${s.origin}${slashPath}`, `${s.origin}/?p=${seed.id}`)
      }
    }
    if (s.host === 'baonghean.vn') {
      extraHomeLinks.push(`${s.origin}/bai-viet-khong-ton-tai-10000001.html`)
      w.add('/bai-viet-khong-ton-tai-10000001.html', 'other', NOT_FOUND_HTML, {
        status: 404,
        lastModified: newest,
      })
    }

    const listings = r.renderListings(s, pages)
    for (const l of listings) w.add(l.path, 'listing', l.html, { lastModified: newest })
    if (s.platform === 'nukeviet') {
      // Out-of-range page numbers redirect to the category base, as NukeViet does.
      w.redirect(`/vi/news/tin-tuc-su-kien/page-${listings.length + 1}/`, `${s.origin}${listings[0]!.path}`)
      w.redirect('/vi/news/', `${s.origin}${listings[0]!.path}`, 302)
    }
    const home = r
      .renderHome(s, pages)
      .replace(
        '</body>',
        `${extraHomeLinks.length > 0 ? `<div class="hot-links">${extraHomeLinks.map((h, i) => `<a href="${h}">Tin nổi bật ${i + 1}</a>`).join(' ')}</div>` : ''}</body>`
      )
    w.add(homePath(s.platform), 'home', home, { lastModified: newest })
    if (homePath(s.platform) !== '/') w.redirect('/', `${s.origin}${homePath(s.platform)}`, 302)
    const feed = r.renderFeed?.(s, pages)
    if (feed)
      w.add(feed.path, 'feed', feed.xml, {
        lastModified: newest,
        contentType: 'application/rss+xml; charset=utf-8',
      })
    for (const sm of r.renderSitemaps(s, pages)) w.add(sm.path, 'sitemap', sm.xml, { lastModified: newest })
    // One site asks for a crawl delay; every robots.txt has Disallow rules.
    const robots =
      s.host === 'langson.gov.vn'
        ? r.robots(s).replace('User-agent: *', 'User-agent: *\nCrawl-delay: 1')
        : r.robots(s)
    w.add('/robots.txt', 'robots', robots, { lastModified: '2024-01-01T00:00:00+07:00' })

    const manifest: SiteManifest = {
      host: s.host,
      origin: s.origin,
      source_id: s.source.id,
      platform: s.platform,
      routes: [...w.routes].sort((a, b) => a.path.localeCompare(b.path)),
    }
    writeFileSync(path.join(w.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`)
    routes += w.routes.length
    bytes += w.bytes
    for (const t of truth) {
      const al = aliasesOf.get(t.url)
      if (al && t.source_id === s.source.id) (t as { aliases: ReadonlyArray<string> }).aliases = al
    }
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
