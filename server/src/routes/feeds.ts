/**
 * Atom feeds (issue #16) per province, campaign, document and alert rule, built with the `feed` library
 * (pipeline/src/digest/atom.ts): /api/feeds/provinces/<code>.atom, /campaigns/<id>.atom,
 * /documents/<id>.atom, /alerts.atom and /alerts/<rule>.atom. Newest 50 entries.
 */
import type { Context } from 'hono'
import { atomFeed, type FeedEntry } from '../../../pipeline/src/digest/atom.ts'
import { notFound } from '../http/api-error.ts'
import { pathId } from '../http/ids.ts'
import { systemParam } from '../http/params.ts'
import type { RouteCtx, RouteRegistry } from '../http/route-docs.ts'
import {
  ALERT_ENTRIES_SQL,
  CAMPAIGN_ENTRIES_SQL,
  DOCUMENT_ENTRIES_SQL,
  PROVINCE_ENTRIES_SQL,
  ALERTS_PRESENT_SQL,
} from '../queries/feeds.ts'

const origin = (c: Context) => new URL(c.req.url).origin
const stem = (c: Context, name: string) => pathId(c, name).replace(/\.atom$/, '')

const entries = (rows: ReadonlyArray<Record<string, unknown>>, base: string): FeedEntry[] =>
  rows.map((r) => ({
    key: String(r.key),
    title: String(r.title),
    link: `${base}${String(r.path)}`,
    updated: new Date(String(r.updated)),
    summary: r.summary === null || r.summary === undefined ? null : String(r.summary),
  }))

const send = (c: Context, xml: string) =>
  c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })

/** A feed named after one row (province, campaign, document): 404 when the row is missing. */
interface Named {
  readonly what: string
  /** The row's display name, or undefined when there is none. */
  readonly name: string | undefined
  readonly key: string
  readonly subtitle?: string
  /** The query string of the feed's own URL, if any. */
  readonly selfQuery?: string
  readonly page: string
  readonly entriesSql: string
  readonly args: Record<string, string>
  readonly missing: readonly [vi: string, en: string]
}

const namedFeed = async ({ c, lease }: RouteCtx, f: Named) => {
  if (f.name === undefined) throw notFound(f.what, f.missing[0], f.missing[1])
  const base = origin(c)
  return send(
    c,
    atomFeed({
      key: f.key,
      title: `Thi Đua Atlas – ${f.name}`,
      ...(f.subtitle ? { subtitle: f.subtitle } : {}),
      self: `${base}${c.req.path}${f.selfQuery ?? ''}`,
      page: `${base}${f.page}`,
      entries: entries((await lease.query(f.entriesSql, f.args)).rows, base),
      fallbackUpdated: new Date(0),
    })
  )
}

/** The first column of the first row, as text. */
const firstName = async (ctx: RouteCtx, sql: string, args: Record<string, string>) => {
  const row = (await ctx.lease.query(sql, args)).rows[0]
  return row ? String(Object.values(row)[0]) : undefined
}

const alerts = async ({ c, lease }: RouteCtx, rule: string | null) => {
  const has = (await lease.query(ALERTS_PRESENT_SQL)).rows.length > 0
  const rows = has ? (await lease.query(ALERT_ENTRIES_SQL, { rule })).rows : []
  const base = origin(c)
  return send(
    c,
    atomFeed({
      key: rule ? `alerts/${rule}` : 'alerts',
      title: rule ? `Thi Đua Atlas – cảnh báo ${rule}` : 'Thi Đua Atlas – cảnh báo',
      self: `${base}${c.req.path}`,
      page: `${base}/pipeline`,
      entries: entries(rows, base),
      fallbackUpdated: new Date(0),
    })
  )
}

const provinceFeed = async (system: '2008' | '2025', ctx: RouteCtx) => {
  const code = stem(ctx.c, 'code')
  const args = { system, code }
  return namedFeed(ctx, {
    what: code,
    name: await firstName(ctx, `SELECT name_vi FROM provinces WHERE system = $system AND code = $code`, args),
    key: `province/${system}/${code}`,
    subtitle: 'Bài viết về thi đua, khen thưởng',
    selfQuery: `?system=${system}`,
    page: `/articles?system=${system}&province=${code}`,
    entriesSql: PROVINCE_ENTRIES_SQL,
    args,
    missing: [`Không có tỉnh "${code}".`, `No province "${code}".`],
  })
}

/** Feeds of one campaign or one document: the row that names the feed, the dashboard page, the entries. */
const ROW_FEEDS = {
  campaign: {
    nameSql: `SELECT name_vi FROM campaigns WHERE campaign_id = $id`,
    page: (id: string) => `/campaigns?campaign=${id}`,
    entriesSql: CAMPAIGN_ENTRIES_SQL,
    missing: (id: string) => [`Không có phong trào "${id}".`, `No campaign "${id}".`] as const,
  },
  document: {
    nameSql: `SELECT label FROM documents WHERE document_id = $id`,
    page: (id: string) => `/documents/${id}`,
    entriesSql: DOCUMENT_ENTRIES_SQL,
    missing: (id: string) => [`Không tìm thấy văn bản "${id}".`, `No document "${id}".`] as const,
  },
}

const rowFeed = async (kind: keyof typeof ROW_FEEDS, ctx: RouteCtx) => {
  const id = stem(ctx.c, 'id')
  const f = ROW_FEEDS[kind]
  return namedFeed(ctx, {
    what: id,
    name: await firstName(ctx, f.nameSql, { id }),
    key: `${kind}/${id}`,
    page: f.page(id),
    entriesSql: f.entriesSql,
    args: { id },
    missing: f.missing(id),
  })
}

const doc = (summary: string, pathParams?: Record<string, string>) => ({
  summary,
  params: {},
  ...(pathParams ? { pathParams } : {}),
})

export const feedsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'feeds')
    .raw('/alerts.atom', doc('Atom feed of all alerts'), (_q, ctx) => alerts(ctx, null))
    .raw(
      '/alerts/:rule',
      doc('Atom feed of one alert rule', { rule: 'Rule id, e.g. source-failing.atom' }),
      (_q, ctx) => alerts(ctx, stem(ctx.c, 'rule'))
    )
    .raw(
      '/provinces/:code',
      {
        ...doc('Atom feed of a province’s emulation articles', { code: 'Province code, e.g. 20.atom' }),
        params: { system: systemParam },
      },
      (q, ctx) => provinceFeed(q.system, ctx)
    )
    .raw(
      '/campaigns/:id',
      doc('Atom feed of articles naming a campaign', { id: 'Campaign id, e.g. xoa_nha_tam.atom' }),
      (_q, ctx) => rowFeed('campaign', ctx)
    )
    .raw(
      '/documents/:id',
      doc('Atom feed of a document: articles citing it, documents implementing it', {
        id: 'Document id, e.g. d_….atom',
      }),
      (_q, ctx) => rowFeed('document', ctx)
    ).app
