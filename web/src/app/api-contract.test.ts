/**
 * The typed client (issue #15): the answer types the views rely on are what the server routes declare,
 * and the query names the web may send are those the routes validate (both checked by `tsc -p web`,
 * which compiles this file); `routeUrl` builds the URLs the views fetched by hand before (run time).
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Citation } from '../charts/citations.ts'
import type { PlannedHeld } from '../charts/timeline.ts'
import {
  type ApiQuery,
  type ApiRoutes,
  type Loadable,
  type RouteArgs,
  routeUrl,
  type Table,
  useApi,
} from './api.ts'
import { type FilterModel, type FilterParams, filterParams } from './filters.ts'

const model: FilterModel = {
  system: '2008',
  provinces: ['20', '15'],
  fromYear: 2020,
  toYear: null,
  sourceKind: 'portal',
  campaign: null,
}

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

  it('accept exactly the query names each route validates (a rename on one side fails here)', () => {
    expectTypeOf<keyof ApiQuery<'/api/alerts'>>().toEqualTypeOf<
      'rule' | 'kind' | 'province' | 'system' | 'limit' | 'offset' | 'format'
    >()
    expectTypeOf<keyof ApiQuery<'/api/sources/ledger'>>().toEqualTypeOf<'source' | 'gaps_only' | 'format'>()
    expectTypeOf<keyof ApiQuery<'/api/health'>>().toEqualTypeOf<'format'>()
    // the dashboard's filter model speaks the overview's names, and the map's route takes all but provinces
    expectTypeOf<keyof FilterParams<keyof FilterModel> | 'format'>().toEqualTypeOf<
      keyof ApiQuery<'/api/overview/figures'>
    >()
    expectTypeOf<keyof ApiQuery<'/api/coverage/provinces'>>().toEqualTypeOf<
      Exclude<keyof ApiQuery<'/api/coverage'>, 'province'>
    >()
    // @ts-expect-error a name the route does not validate
    routeUrl('/api/alerts', { query: { provinces: '20' } })
    const everyFilter = filterParams(model)
    // @ts-expect-error a query built beforehand is held to the same names (the map takes no province)
    routeUrl('/api/coverage/provinces', { query: everyFilter })
    routeUrl('/api/coverage', { query: everyFilter })
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
      routeUrl('/api/overview/figures', { query: filterParams(model) }),
      '/api/overview/figures?system=2008&province=20%2C15&from_year=2020&source_kind=portal',
    ],
    [
      routeUrl('/api/coverage/provinces', { query: filterParams(model, ['system', 'fromYear', 'campaign']) }),
      '/api/coverage/provinces?system=2008&from_year=2020',
    ],
    [routeUrl('/api/geo/:system', { params: { system: '2025' } }), '/api/geo/2025'],
    [routeUrl('/api/documents', {}), '/api/documents'],
  ])('%s', (got, want) => {
    expect(got).toBe(want)
  })
})
