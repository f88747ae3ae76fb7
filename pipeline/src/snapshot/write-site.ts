/**
 * Writes one site of the offline snapshot: its article pages (with attachments and print views), the
 * other URL forms of the same articles, listings, home, feed, sitemaps, robots.txt and its manifest.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { snapshotDir } from '../paths.ts'
import { homePath, RENDERERS } from '../platforms/index.ts'
import type { PlannedAttachment } from './attachments/plan.ts'
import { encodePage, type PageEncoding, toCp1258Form, toTcvnForm } from './encode.ts'
import { slugify } from './text.ts'
import type { ManifestRoute, PageArticle, RouteKind, Site, SiteManifest, TruthLine } from './types.ts'

/** One article as the builder places it: the page, its encoding and what the page truly says. */
export interface BuiltArticle {
  readonly page: PageArticle
  readonly truth: Omit<TruthLine, 'aliases' | 'variants'>
  readonly encoding: PageEncoding
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

/** What writing a site gives back: its truth lines and the size of what was written. */
export interface WrittenSite {
  readonly truth: TruthLine[]
  readonly routes: number
  readonly bytes: number
}

interface SiteContext {
  readonly s: Site
  readonly w: SiteWriter
  readonly pages: ReadonlyArray<PageArticle>
  readonly newest: string
  readonly alias: (a: PageArticle, u: string) => void
}

const writeAttachment = (w: SiteWriter, a: PageArticle, attachment: PlannedAttachment): void => {
  const file = path.join(attachmentFilesDir, attachment.file)
  if (!existsSync(file))
    throw new Error(`attachment ${attachment.file} missing: run \`thidua snapshot build\` to generate it`)
  w.add(attachment.path, 'attachment', new Uint8Array(readFileSync(file)), {
    contentType: ATTACHMENT_TYPES[path.extname(file).slice(1)] ?? 'application/octet-stream',
    lastModified: a.published_at,
  })
}

/** An article page (and its attachment and print view); returns its truth line. */
const writeArticle = (
  ctx: SiteContext,
  b: BuiltArticle,
  attachmentOf: ReadonlyMap<string, PlannedAttachment>
): TruthLine => {
  const { s, w } = ctx
  const r = RENDERERS[s.platform]
  const a = b.page
  const related = ctx.pages.filter((x) => x !== a)
  const attachment = a.factId ? attachmentOf.get(a.factId) : undefined
  const html = withAttachmentLink(r.renderArticle(s, a, related), attachment)
  if (attachment) writeAttachment(w, a, attachment)
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
    ctx.alias(a, `${s.origin}${print.path}`)
  }
  return {
    ...b.truth,
    title: asServed(b.truth.title, b.encoding),
    lead: b.truth.lead === null ? null : asServed(b.truth.lead, b.encoding),
    body_paragraphs: b.truth.body_paragraphs.map((p) => asServed(p, b.encoding)),
    aliases: [],
    variants: a.variants,
  }
}

/** Tracking parameters, http and a removed page on one portal; the home page links them. */
const langsonForms = (ctx: SiteContext, first: PageArticle): string[] => {
  const { s, w } = ctx
  const u = new URL(first.url)
  const tracked = `${u.pathname}?utm_source=facebook&utm_medium=social&fbclid=IwAR0xThiDua`
  w.add(tracked, 'article', RENDERERS[s.platform].renderArticle(s, first, []), {
    lastModified: first.published_at,
    origin: first.origin,
  })
  ctx.alias(first, `${s.origin}${tracked}`)
  w.add('/vi/news/tin-tuc-su-kien/bai-viet-da-go-bo-1.html', 'other', NOT_FOUND_HTML, {
    status: 404,
    lastModified: ctx.newest,
  })
  ctx.alias(first, `http://${s.host}${u.pathname}`)
  return [
    `${s.origin}${tracked}`,
    `http://${s.host}${u.pathname}`,
    `${s.origin}/vi/news/${'tin-tuc-su-kien'}/bai-viet-da-go-bo-1.html`,
  ]
}

/** WordPress shortlinks (?p=) for every post and a trailing-slash form of the captured one. */
const wordpressForms = (ctx: SiteContext): string[] => {
  const { s, w } = ctx
  for (const a of ctx.pages) {
    w.redirect(`/?p=${a.id}`, a.url)
    ctx.alias(a, `${s.origin}/?p=${a.id}`)
  }
  const seed = ctx.pages.find((a) => a.origin === 'captured')
  if (!seed) return []
  const slashPath = `${new URL(seed.url).pathname}/`
  w.redirect(slashPath, seed.url)
  ctx.alias(seed, `${s.origin}${slashPath}`)
  return [`${s.origin}${slashPath}`, `${s.origin}/?p=${seed.id}`]
}

/** The same article under other URL forms; returns the links the home page shows for them. */
const otherForms = (ctx: SiteContext): string[] => {
  const { s, w } = ctx
  const first = ctx.pages[0]
  const links: string[] = []
  if (first && s.host === 'langson.gov.vn') links.push(...langsonForms(ctx, first))
  if (s.platform === 'wordpress') links.push(...wordpressForms(ctx))
  if (s.host === 'baonghean.vn') {
    links.push(`${s.origin}/bai-viet-khong-ton-tai-10000001.html`)
    w.add('/bai-viet-khong-ton-tai-10000001.html', 'other', NOT_FOUND_HTML, {
      status: 404,
      lastModified: ctx.newest,
    })
  }
  return links
}

/** Listings, home (with the extra links), feed, sitemaps and robots.txt. */
const writeIndexPages = (ctx: SiteContext, extraHomeLinks: ReadonlyArray<string>): void => {
  const { s, w, pages, newest } = ctx
  const r = RENDERERS[s.platform]
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
}

/** Writes one site under `sitesDir`; `arts` are its articles, newest first. */
export const writeSite = (
  sitesDir: string,
  s: Site,
  arts: ReadonlyArray<BuiltArticle>,
  attachmentOf: ReadonlyMap<string, PlannedAttachment>
): WrittenSite => {
  const pages = arts.map((b) => b.page)
  const w = new SiteWriter(path.join(sitesDir, s.host), s)
  const aliasesOf = new Map<string, string[]>()
  const ctx: SiteContext = {
    s,
    w,
    pages,
    newest: pages[0]?.published_at ?? '2020-01-01T00:00:00+07:00',
    alias: (a, u) => aliasesOf.set(a.url, [...(aliasesOf.get(a.url) ?? []), u]),
  }
  const truth = arts.map((b) => writeArticle(ctx, b, attachmentOf))
  writeIndexPages(ctx, otherForms(ctx))
  const manifest: SiteManifest = {
    host: s.host,
    origin: s.origin,
    source_id: s.source.id,
    platform: s.platform,
    routes: [...w.routes].sort((a, b) => a.path.localeCompare(b.path)),
  }
  writeFileSync(path.join(w.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`)
  const withAliases = truth.map((t) => {
    const al = aliasesOf.get(t.url)
    return al && t.source_id === s.source.id ? { ...t, aliases: al } : t
  })
  return { truth: withAliases, routes: w.routes.length, bytes: w.bytes }
}
