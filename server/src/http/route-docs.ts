/**
 * Routes register themselves together with their documentation, so /api/openapi.json is generated
 * from the same declarations that validate requests and cannot drift from them. `Router` is the one
 * shape of a read-only route: validated query → a query on the request's database version → a table
 * (JSON/CSV/Arrow, paged when the route takes limit/offset) or a JSON document.
 */
import { Hono, type Context } from 'hono'
import type { TableResult } from '../db/duck-values.ts'
import type { Lease } from '../db/published-db.ts'
import { splitTotal } from '../routes/paging.ts'
import type { AppEnv } from './env.ts'
import type { ParamSpec } from './params.ts'
import { type QueryOf, validated, validQuery } from './query-schema.ts'
import { sendTable } from './respond.ts'

export interface RouteDoc {
  readonly method: 'get' | 'post'
  /** Hono path, e.g. /api/articles/:id */
  readonly path: string
  readonly summary: string
  readonly description?: string
  readonly params: ParamSpec
  readonly pathParams?: Record<string, string>
  /** Table endpoints also answer ?format=csv|arrow. */
  readonly table: boolean
  readonly tag: string
}

type Handler<S extends ParamSpec> = (c: Context<AppEnv>, params: QueryOf<S>) => Promise<Response>

export class RouteRegistry {
  readonly docs: RouteDoc[] = []

  get<S extends ParamSpec>(
    app: Hono<AppEnv>,
    prefix: string,
    path: string,
    doc: Omit<RouteDoc, 'method' | 'path' | 'params'> & { params: S },
    handler: Handler<S>
  ): void {
    this.docs.push({ ...doc, method: 'get', path: `${prefix}${path}`.replace(/\/$/, '') || '/' })
    app.get(path, validQuery(doc.params), (c) => handler(c, validated<S>(c)))
  }

  post(prefix: string, path: string, doc: Omit<RouteDoc, 'method' | 'path'>): void {
    this.docs.push({ ...doc, method: 'post', path: `${prefix}${path}` })
  }

  /** A sub-app under `prefix` whose routes carry `tag` in OpenAPI. */
  router(prefix: string, tag: string): Router {
    return new Router(this, prefix, tag)
  }
}

/** What a route's body receives beside its parameters. */
export interface RouteCtx {
  readonly c: Context<AppEnv>
  readonly lease: Lease
}

interface Doc<S extends ParamSpec> {
  readonly summary: string
  readonly description?: string
  readonly params: S
  readonly pathParams?: Record<string, string>
}

class Router {
  readonly app = new Hono<AppEnv>()

  constructor(
    private readonly reg: RouteRegistry,
    private readonly prefix: string,
    private readonly tag: string
  ) {}

  /**
   * A table endpoint. With limit/offset in its parameters, the query's `count(*) OVER ()` column
   * `total` becomes the page's total (JSON field and X-Total-Count).
   */
  table<S extends ParamSpec>(
    path: string,
    doc: Doc<S> & { readonly name: string | ((q: QueryOf<S>) => string) },
    run: (q: QueryOf<S>, ctx: RouteCtx) => Promise<TableResult>
  ): this {
    const { name, ...rest } = doc
    this.reg.get(this.app, this.prefix, path, { ...rest, table: true, tag: this.tag }, async (c, q) => {
      const t = await run(q, { c, lease: c.get('lease') })
      const file = typeof name === 'string' ? name : name(q)
      const paged = q as { limit?: unknown; offset?: unknown }
      if (typeof paged.limit !== 'number') return sendTable(c, q.format, t, { name: file })
      const { table, total } = splitTotal(t)
      const offset = typeof paged.offset === 'number' ? paged.offset : 0
      return sendTable(c, q.format, table, { name: file, total, limit: paged.limit, offset })
    })
    return this
  }

  /** A JSON document endpoint. */
  json<S extends ParamSpec>(
    path: string,
    doc: Doc<S>,
    run: (q: QueryOf<S>, ctx: RouteCtx) => Promise<unknown>
  ): this {
    return this.raw(path, doc, async (q, ctx) => ctx.c.json((await run(q, ctx)) as object))
  }

  /** Any other answer (feeds): the body builds the response itself. */
  raw<S extends ParamSpec>(
    path: string,
    doc: Doc<S>,
    run: (q: QueryOf<S>, ctx: RouteCtx) => Promise<Response>
  ): this {
    this.reg.get(this.app, this.prefix, path, { ...doc, table: false, tag: this.tag }, (c, q) =>
      run(q, { c, lease: c.get('lease') })
    )
    return this
  }
}
