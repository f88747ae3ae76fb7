/**
 * Atom feeds (issue #16) per province, campaign, document and alert rule, built with the `feed` library
 * (pipeline/src/digest/atom.ts): /api/feeds/provinces/<code>.atom, /campaigns/<id>.atom,
 * /documents/<id>.atom, /alerts.atom and /alerts/<rule>.atom. Newest 50 entries.
 */
import { type Context, Hono } from 'hono'
import { atomFeed, type FeedEntry } from '../../../pipeline/src/digest/atom.ts'
import { notFound } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { pathId } from '../http/ids.ts'
import { systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
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

export const feedsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const doc = (summary: string, pathParams?: Record<string, string>) => ({
    summary,
    params: {},
    ...(pathParams ? { pathParams } : {}),
    table: false,
    tag: 'feeds',
  })

  const alerts = async (c: Context<AppEnv>, rule: string | null) => {
    const lease = c.get('lease')
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
  reg.get(app, prefix, '/alerts.atom', doc('Atom feed of all alerts'), (c) => alerts(c, null))
  reg.get(
    app,
    prefix,
    '/alerts/:rule',
    doc('Atom feed of one alert rule', { rule: 'Rule id, e.g. source-failing.atom' }),
    (c) => alerts(c, stem(c, 'rule'))
  )

  reg.get(
    app,
    prefix,
    '/provinces/:code',
    {
      ...doc('Atom feed of a province’s emulation articles', { code: 'Province code, e.g. 20.atom' }),
      params: { system: systemParam },
    },
    async (c, q) => {
      const code = stem(c, 'code')
      const lease = c.get('lease')
      const name = (
        await lease.query(`SELECT name_vi FROM provinces WHERE system = $system AND code = $code`, {
          system: q.system,
          code,
        })
      ).rows[0]
      if (!name) throw notFound(code, `Không có tỉnh "${code}".`, `No province "${code}".`)
      const rows = (await lease.query(PROVINCE_ENTRIES_SQL, { system: q.system, code })).rows
      const base = origin(c)
      return send(
        c,
        atomFeed({
          key: `province/${q.system}/${code}`,
          title: `Thi Đua Atlas – ${String(name.name_vi)}`,
          subtitle: 'Bài viết về thi đua, khen thưởng',
          self: `${base}${c.req.path}?system=${q.system}`,
          page: `${base}/articles?system=${q.system}&province=${code}`,
          entries: entries(rows, base),
          fallbackUpdated: new Date(0),
        })
      )
    }
  )

  reg.get(
    app,
    prefix,
    '/campaigns/:id',
    doc('Atom feed of articles naming a campaign', { id: 'Campaign id, e.g. xoa_nha_tam.atom' }),
    async (c) => {
      const id = stem(c, 'id')
      const lease = c.get('lease')
      const k = (await lease.query(`SELECT name_vi FROM campaigns WHERE campaign_id = $id`, { id })).rows[0]
      if (!k) throw notFound(id, `Không có phong trào "${id}".`, `No campaign "${id}".`)
      const base = origin(c)
      return send(
        c,
        atomFeed({
          key: `campaign/${id}`,
          title: `Thi Đua Atlas – ${String(k.name_vi)}`,
          self: `${base}${c.req.path}`,
          page: `${base}/campaigns?campaign=${id}`,
          entries: entries((await lease.query(CAMPAIGN_ENTRIES_SQL, { id })).rows, base),
          fallbackUpdated: new Date(0),
        })
      )
    }
  )

  reg.get(
    app,
    prefix,
    '/documents/:id',
    doc('Atom feed of a document: articles citing it, documents implementing it', {
      id: 'Document id, e.g. d_….atom',
    }),
    async (c) => {
      const id = stem(c, 'id')
      const lease = c.get('lease')
      const d = (await lease.query(`SELECT label FROM documents WHERE document_id = $id`, { id })).rows[0]
      if (!d) throw notFound(id, `Không tìm thấy văn bản "${id}".`, `No document "${id}".`)
      const base = origin(c)
      return send(
        c,
        atomFeed({
          key: `document/${id}`,
          title: `Thi Đua Atlas – ${String(d.label)}`,
          self: `${base}${c.req.path}`,
          page: `${base}/documents/${id}`,
          entries: entries((await lease.query(DOCUMENT_ENTRIES_SQL, { id })).rows, base),
          fallbackUpdated: new Date(0),
        })
      )
    }
  )
  return app
}
