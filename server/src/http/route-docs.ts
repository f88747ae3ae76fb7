/**
 * Routes register themselves together with their documentation, so /api/openapi.json is generated
 * from the same declarations that validate requests and cannot drift from them.
 */
import type { Context, Hono } from 'hono'
import type { AppEnv } from './env.ts'
import { readParams, type ParamSpec, type ParsedParams } from './params.ts'

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

export class RouteRegistry {
  readonly docs: RouteDoc[] = []

  get<S extends ParamSpec>(
    app: Hono<AppEnv>,
    prefix: string,
    path: string,
    doc: Omit<RouteDoc, 'method' | 'path' | 'params'> & { params: S },
    handler: (
      c: Context<AppEnv>,
      params: ParsedParams<S> & { format: 'json' | 'csv' | 'arrow' }
    ) => Promise<Response>
  ): void {
    this.docs.push({ ...doc, method: 'get', path: `${prefix}${path}`.replace(/\/$/, '') || '/' })
    app.get(path, (c) => handler(c, readParams(c, doc.params)))
  }

  post(prefix: string, path: string, doc: Omit<RouteDoc, 'method' | 'path'>): void {
    this.docs.push({ ...doc, method: 'post', path: `${prefix}${path}` })
  }
}
