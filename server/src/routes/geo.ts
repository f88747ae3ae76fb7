/**
 * Province polygons for the choropleth, read from data/reference/geo at first use and slimmed to the
 * properties the map needs. CC BY-SA 4.0 (Open Development Vietnam); the attribution travels with it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import type { GeoCollection } from './geo-types.ts'

export const GEO_ATTRIBUTION =
  'Province boundaries © Open Development Vietnam / Open Development Mekong, dataset "Địa phận tỉnh" (https://data.vietnam.opendevelopmentmekong.net/dataset/a-phn-tnh), licensed CC BY-SA 4.0. Modified: simplified, renamed/re-coded, and (34-unit layer) dissolved according to Nghị quyết 202/2025/QH15. The modified data is licensed CC BY-SA 4.0.'

interface Feature {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: unknown
}

export const geoRoutes = (reg: RouteRegistry, prefix: string, referenceDir: string) => {
  const app = new Hono<AppEnv>()
  const cache = new Map<string, string>()
  const load = (system: '2008' | '2025'): string => {
    const hit = cache.get(system)
    if (hit) return hit
    const file = path.join(
      referenceDir,
      'geo',
      system === '2008' ? 'vn-provinces-63.geojson' : 'vn-provinces-34.geojson'
    )
    let parsed: { features: Feature[] }
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }
    } catch {
      throw new ApiError(503, 'geo_unavailable', 'Không đọc được dữ liệu bản đồ.', 'Map data is unavailable.')
    }
    const slim: GeoCollection = {
      type: 'FeatureCollection',
      attribution: GEO_ATTRIBUTION,
      license: 'CC BY-SA 4.0',
      features: parsed.features.map((f) => ({
        type: 'Feature',
        properties: { name: f.properties.name, code: f.properties.code, name_ascii: f.properties.name_ascii },
        geometry: f.geometry,
      })),
    }
    const text = JSON.stringify(slim)
    cache.set(system, text)
    return text
  }
  for (const system of ['2008', '2025'] as const) {
    reg.get(
      app,
      prefix,
      `/${system}`,
      {
        summary: `Province polygons (GeoJSON) of the ${system === '2008' ? '63' : '34'}-unit system, CC BY-SA 4.0`,
        params: {},
        table: false,
        tag: 'reference',
      },
      async (c) => {
        const body = load(system)
        c.header('Content-Type', 'application/geo+json; charset=utf-8')
        c.header('Cache-Control', 'public, max-age=86400')
        return c.body(body)
      }
    )
  }
  return app
}
