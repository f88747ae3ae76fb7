/**
 * Where the simulator's responses come from: the snapshot's manifests (and, for scale runs, a
 * generated corpus). Paths are compared after percent-decoding and NFC, so "%CC%A3" and "%cc%a3",
 * or a decoded Vietnamese path, all find the same page.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { listSnapshotSites } from '../snapshot/catalog.ts'
import type { ManifestRoute, RouteKind } from '../snapshot/types.ts'

export interface ResolvedRoute {
  readonly status: number
  readonly contentType: string
  readonly lastModified: string
  readonly capturedAt?: string
  readonly kind: RouteKind
  readonly redirectTo?: string
  body(): Uint8Array
}

export interface RouteSource {
  hosts(): ReadonlyArray<string>
  resolve(host: string, pathAndQuery: string): ResolvedRoute | null
}

export const pathKey = (p: string): string => {
  let s = p
  try {
    s = decodeURIComponent(p.replace(/\+/g, '%2B'))
  } catch {
    // malformed escapes: compare the raw form
  }
  return s.normalize('NFC')
}

/** Kinds for which unknown query parameters (utm_*, fbclid, ...) are ignored, as real servers do. */
const QUERY_TOLERANT: ReadonlySet<RouteKind> = new Set([
  'article',
  'home',
  'listing',
  'feed',
  'sitemap',
  'print',
])

export class SnapshotRoutes implements RouteSource {
  private readonly byHost = new Map<string, Map<string, { route: ManifestRoute; dir: string }>>()
  private readonly cache = new Map<string, Uint8Array>()

  constructor(readonly root: string) {
    for (const m of listSnapshotSites(root)) {
      const dir = path.join(root, 'sites', m.host)
      const map = new Map<string, { route: ManifestRoute; dir: string }>()
      for (const r of m.routes) map.set(pathKey(r.path), { route: r, dir })
      this.byHost.set(m.host, map)
    }
  }

  hosts(): ReadonlyArray<string> {
    return [...this.byHost.keys()]
  }

  resolve(host: string, pathAndQuery: string): ResolvedRoute | null {
    const map = this.byHost.get(host)
    if (!map) return null
    let hit = map.get(pathKey(pathAndQuery))
    if (!hit) {
      const q = pathAndQuery.indexOf('?')
      const bare = q >= 0 ? map.get(pathKey(pathAndQuery.slice(0, q))) : undefined
      if (bare && QUERY_TOLERANT.has(bare.route.kind)) hit = bare
    }
    if (!hit) return null
    const { route, dir } = hit
    const file = route.file ? path.join(dir, route.file) : ''
    return {
      status: route.status,
      contentType: route.content_type,
      lastModified: route.last_modified,
      ...(route.captured_at ? { capturedAt: route.captured_at } : {}),
      kind: route.kind,
      ...(route.redirect_to ? { redirectTo: route.redirect_to } : {}),
      body: () => {
        if (!file) return new Uint8Array()
        let b = this.cache.get(file)
        if (!b) {
          b = new Uint8Array(readFileSync(file))
          this.cache.set(file, b)
        }
        return b
      },
    }
  }
}

/** Several sources behind one server: the first that knows the host answers. */
export class MergedRoutes implements RouteSource {
  constructor(private readonly sources: ReadonlyArray<RouteSource>) {}
  hosts(): ReadonlyArray<string> {
    return [...new Set(this.sources.flatMap((s) => s.hosts()))]
  }
  resolve(host: string, p: string): ResolvedRoute | null {
    for (const s of this.sources) if (s.hosts().includes(host)) return s.resolve(host, p)
    return null
  }
}

export const NOT_FOUND_PAGE = new Uint8Array(
  Buffer.from(
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404</title></head><body><h1>404 - Không tìm thấy trang</h1></body></html>\n'
  )
)

export const readBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file))
