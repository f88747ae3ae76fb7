/**
 * Serves a corpus written by `thidua generate`: every page is rendered on request from its planted
 * record (the ground-truth line), with the snapshot's platform renderers and prose composer, so what
 * the crawler sees always matches the truth file.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import path from 'node:path'
import type { CorpusMeta, GeneratedArticle, GeneratedSite } from '../generator/generate.ts'
import { loadCampaigns } from '../snapshot/facts.ts'
import type { Fact } from '../snapshot/facts.ts'
import { RENDERERS, homePath } from '../platforms/index.ts'
import { composeArticle } from '../snapshot/prose/compose.ts'
import { makeRng } from '../snapshot/rng.ts'
import { slugify } from '../snapshot/text.ts'
import type { PageArticle, RouteKind, Site } from '../snapshot/types.ts'
import { type ResolvedRoute, type RouteSource, pathKey } from './routes.ts'

interface IndexEntry {
  readonly shard: number
  readonly offset: number
  readonly length: number
  readonly url: string
  readonly title: string
  readonly published_at: string
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'))

/** A generated record as the renderers' page model (prose composed from the planted entities). */
export const pageOf = (
  a: GeneratedArticle,
  site: Site,
  campaignNames: ReadonlyMap<string, string>
): PageArticle => {
  const fact: Fact = {
    id: `g${a.n}`,
    url: a.url,
    host: site.host,
    kind: 'other',
    province: a.province,
    province_code_2008: a.province_code_2008,
    province_code_2025: a.province_code_2025,
    published: a.published_at.slice(0, 10),
    year_hint: Number(a.published_at.slice(0, 4)),
    topic: 'other',
    headline_vi: a.title,
    summary_vi: a.summary,
    documents: a.documents,
    events: a.events,
    campaigns: a.campaigns,
    campaigns_other: [],
    times: a.times,
    figures: [],
    people_roles: [],
  }
  const c = composeArticle(fact, {
    rng: makeRng(`gen:${a.n}`),
    campaignNames,
    publishedYear: Number(a.published_at.slice(0, 4)),
  })
  return rebuiltPage(site, {
    id: a.id,
    url: a.url,
    title: a.title,
    lead: c.lead,
    paragraphs: c.paragraphs,
    authors: c.authors,
    published_at: a.published_at,
    slug: slugify(a.title),
  })
}

type PageText = Pick<
  PageArticle,
  'id' | 'url' | 'title' | 'lead' | 'paragraphs' | 'authors' | 'published_at' | 'slug'
>

/** A generated page in the renderers' model: its text, the rest as every rebuilt page of the site has it. */
const rebuiltPage = (site: Site, t: PageText): PageArticle => ({
  ...t,
  images: [],
  category: RENDERERS[site.platform].category(site),
  tags: [],
  origin: 'rebuilt',
  factId: null,
  dateline: null,
  variants: [],
})

/** An index entry as a listing item: the renderers print only its link, title and date. */
const stub = (e: IndexEntry, site: Site): PageArticle =>
  rebuiltPage(site, {
    id: '',
    url: e.url,
    title: e.title,
    lead: null,
    paragraphs: [],
    authors: [],
    published_at: e.published_at,
    slug: '',
  })

export class GeneratedRoutes implements RouteSource {
  private readonly meta: CorpusMeta
  private readonly sites = new Map<string, Site>()
  private readonly articles = new Map<string, Map<string, IndexEntry>>()
  private readonly byHost = new Map<string, IndexEntry[]>()
  private readonly campaignNames = new Map(loadCampaigns().map((c) => [c.id, c.name_vi]))
  private readonly listings = new Map<string, ReadonlyMap<string, string>>()

  constructor(readonly dir: string) {
    this.meta = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as CorpusMeta
    for (const s of this.meta.sites as GeneratedSite[]) {
      this.sites.set(s.host, { source: s.source, host: s.host, origin: s.origin, platform: s.platform })
      this.articles.set(s.host, new Map())
      this.byHost.set(s.host, [])
    }
    this.meta.shards.forEach((name, shard) => {
      const buf = readFileSync(path.join(dir, name))
      let offset = 0
      while (offset < buf.length) {
        let end = buf.indexOf(10, offset)
        if (end < 0) end = buf.length
        const line = buf.subarray(offset, end).toString('utf8')
        // Only a few fields are needed for the index; pages are parsed in full when requested.
        const rec = JSON.parse(line) as GeneratedArticle
        const u = new URL(rec.url)
        const entry: IndexEntry = {
          shard,
          offset,
          length: end - offset,
          url: rec.url,
          title: rec.title,
          published_at: rec.published_at,
        }
        this.articles.get(u.hostname)?.set(pathKey(`${u.pathname}${u.search}`), entry)
        this.byHost.get(u.hostname)?.push(entry)
        offset = end + 1
      }
    })
    for (const list of this.byHost.values()) list.sort((a, b) => b.published_at.localeCompare(a.published_at))
  }

  hosts(): ReadonlyArray<string> {
    return [...this.sites.keys()]
  }

  private record(e: IndexEntry): GeneratedArticle {
    const fd = openSync(path.join(this.dir, this.meta.shards[e.shard]!), 'r')
    try {
      const buf = Buffer.alloc(e.length)
      readSync(fd, buf, 0, e.length, e.offset)
      return JSON.parse(buf.toString('utf8')) as GeneratedArticle
    } finally {
      closeSync(fd)
    }
  }

  resolve(host: string, pathAndQuery: string): ResolvedRoute | null {
    const site = this.sites.get(host)
    if (!site) return null
    const r = RENDERERS[site.platform]
    const list = this.byHost.get(host) ?? []
    const lastModified = list[0]?.published_at ?? '2015-01-01T00:00:00+07:00'
    const ok = (
      kind: RouteKind,
      body: () => string,
      contentType = 'text/html; charset=utf-8',
      lm = lastModified
    ): ResolvedRoute => {
      let cached: Uint8Array | null = null
      return {
        status: 200,
        contentType,
        lastModified: new Date(lm).toISOString(),
        kind,
        body: () => (cached ??= utf8(body())),
      }
    }
    const key = pathKey(pathAndQuery)
    const art = this.articles.get(host)?.get(key)
    if (art) {
      return ok(
        'article',
        () => {
          const rec = this.record(art)
          return r.renderArticle(
            site,
            pageOf(rec, site, this.campaignNames),
            list
              .slice(0, 4)
              .filter((x) => x !== art)
              .map((x) => stub(x, site))
          )
        },
        'text/html; charset=utf-8',
        art.published_at
      )
    }
    const recent = () => list.slice(0, 30).map((x) => stub(x, site))
    if (key === '/robots.txt') return ok('robots', () => r.robots(site), 'text/plain; charset=utf-8')
    if (key === homePath(site.platform)) return ok('home', () => r.renderHome(site, recent()))
    const feed = r.renderFeed?.(site, [])
    if (feed && key === feed.path)
      return ok('feed', () => r.renderFeed!(site, recent())!.xml, 'application/rss+xml; charset=utf-8')
    const all = () => list.map((x) => stub(x, site))
    for (const sm of r.renderSitemaps(site, []))
      if (key === sm.path)
        return ok(
          'sitemap',
          () => r.renderSitemaps(site, all()).find((x) => x.path === sm.path)!.xml,
          'application/xml; charset=utf-8'
        )
    const listing = this.listingsOf(host, site).get(key)
    if (listing !== undefined) return ok('listing', () => listing)
    return null
  }

  /**
   * A site's listing pages by path key, rendered once per host. Sites with sitemaps list the newest
   * eight items (older pages are reachable through the sitemaps); a platform without sitemaps
   * (gov-portal) pages through every item, else most of its articles could never be reached.
   */
  private listingsOf(host: string, site: Site): ReadonlyMap<string, string> {
    const cached = this.listings.get(host)
    if (cached) return cached
    const r = RENDERERS[site.platform]
    const list = this.byHost.get(host) ?? []
    const items = r.renderSitemaps(site, []).length > 0 ? list.slice(0, 8) : list
    const pages = new Map(
      r
        .renderListings(
          site,
          items.map((x) => stub(x, site))
        )
        .map((l) => [pathKey(l.path), l.html] as const)
    )
    this.listings.set(host, pages)
    return pages
  }
}
