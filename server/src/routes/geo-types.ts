/**
 * The answer of GET /api/geo/2008 and /api/geo/2025 (geo.ts): province polygons slimmed to what the
 * map needs, with their licence. The web's map loader (web/src/components/useGeoMap.ts) imports it as a
 * type only.
 */
export interface GeoFeature {
  readonly type: 'Feature'
  readonly properties: { readonly name: unknown; readonly code: unknown; readonly name_ascii: unknown }
  readonly geometry: unknown
}
export interface GeoCollection {
  readonly type: 'FeatureCollection'
  readonly attribution: string
  readonly license: string
  readonly features: ReadonlyArray<GeoFeature>
}
