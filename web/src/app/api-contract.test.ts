/**
 * The typed client (issue #15): the answer types the views rely on are what the server routes declare
 * (checked by `tsc -p web`, which compiles this file), and `routeUrl` builds the URLs the views fetched
 * by hand before (checked at run time).
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Citation } from '../charts/citations.ts'
import type { PlannedHeld } from '../charts/timeline.ts'
import { type ApiRoutes, type Loadable, type RouteArgs, routeUrl, type Table, useApi } from './api.ts'

describe('typed routes', () => {
  it('answer the shapes the charts and tables read', () => {
    expectTypeOf<ApiRoutes['/api/provinces/:code/profile']['events'][number]>().toExtend<PlannedHeld>()
    expectTypeOf<ApiRoutes['/api/documents/:id']['citations'][number]>().toExtend<Citation>()
    expectTypeOf<ApiRoutes['/api/documents']>().toExtend<Table>()
    expectTypeOf<ApiRoutes['/api/articles']['rows'][number]['is_copy']>().toEqualTypeOf<boolean>()
    expectTypeOf<ApiRoutes['/api/documents/:id/implementation']['system']>().toEqualTypeOf<'2008' | '2025'>()
  })

  it('useApi(path, args) answers the route’s declared type', () => {
    // Never called (a hook outside a component): only its inferred type is checked.
    const implementation = (id: string) =>
      useApi('/api/documents/:id/implementation', { params: { id }, query: { system: '2025' } })
    expectTypeOf<ReturnType<typeof implementation>>().toEqualTypeOf<
      Loadable<ApiRoutes['/api/documents/:id/implementation']>
    >()
    expectTypeOf<ReturnType<typeof implementation>>().not.toEqualTypeOf<Loadable<unknown>>()
  })

  it('require path parameters exactly for templates that have them', () => {
    expectTypeOf<RouteArgs<'/api/provinces/:code/profile'>['params']>().toEqualTypeOf<
      Readonly<Record<'code', string>>
    >()
    expectTypeOf<RouteArgs<'/api/documents'>['params']>().toEqualTypeOf<undefined>()
    // @ts-expect-error a template with :id needs its id
    routeUrl('/api/documents/:id', { query: { system: '2025' } })
    // @ts-expect-error a path the contract does not know
    routeUrl('/api/nowhere', {})
  })
})

describe('routeUrl', () => {
  it.each([
    [
      routeUrl('/api/documents/:id/implementation', { params: { id: 'a/b c' }, query: { system: '2025' } }),
      '/api/documents/a%2Fb%20c/implementation?system=2025',
    ],
    [
      routeUrl('/api/provinces/:code/profile', {
        params: { code: '20' },
        query: { system: '2008', from_year: '', to_year: null },
      }),
      '/api/provinces/20/profile?system=2008',
    ],
    [
      routeUrl('/api/overview/figures', { query: 'system=2025&province=20' }),
      '/api/overview/figures?system=2025&province=20',
    ],
    [routeUrl('/api/documents', {}), '/api/documents'],
  ])('%s', (got, want) => {
    expect(got).toBe(want)
  })
})
