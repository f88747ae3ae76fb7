/**
 * Read access to the offline snapshot (contract 1): every route of every site as one flat list, and
 * the raw bytes of a page. Synchronous on purpose: the snapshot is a few MB on local disk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { snapshotDir } from '../paths.ts'
import type { ManifestRoute, SiteManifest, TruthLine } from './types.ts'

export interface SnapshotPage extends ManifestRoute {
  readonly host: string
  readonly source_id: string
  readonly platform: SiteManifest['platform']
  /** Absolute URL with the real host and the site's scheme. */
  readonly url: string
  /** Absolute path of the body file ("" for redirects). */
  readonly abs_file: string
}

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError'
}

export const readManifest = (file: string): SiteManifest => {
  let m: SiteManifest
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as SiteManifest
  } catch (e) {
    throw new SnapshotError(`${file}: unreadable manifest (${e instanceof Error ? e.message : String(e)})`)
  }
  if (typeof m.host !== 'string' || !Array.isArray(m.routes))
    throw new SnapshotError(`${file}: manifest lacks host or routes`)
  return m
}

export const listSnapshotSites = (root: string = snapshotDir): SiteManifest[] => {
  const sites = path.join(root, 'sites')
  if (!existsSync(sites))
    throw new SnapshotError(`no snapshot at ${root} (run \`pnpm thidua snapshot build\`)`)
  return readdirSync(sites)
    .sort()
    .filter((h) => existsSync(path.join(sites, h, 'manifest.json')))
    .map((h) => readManifest(path.join(sites, h, 'manifest.json')))
}

export const listSnapshotPages = (root: string = snapshotDir): SnapshotPage[] =>
  listSnapshotSites(root).flatMap((m) => {
    const origin = m.origin ?? `https://${m.host}`
    return m.routes.map((r) => ({
      ...r,
      host: m.host,
      source_id: m.source_id,
      platform: m.platform,
      url: `${origin}${r.path}`,
      abs_file: r.file ? path.join(root, 'sites', m.host, r.file) : '',
    }))
  })

export const readSnapshotPage = (entry: Pick<SnapshotPage, 'abs_file' | 'url'>): Uint8Array => {
  if (!entry.abs_file) return new Uint8Array()
  try {
    return new Uint8Array(readFileSync(entry.abs_file))
  } catch (e) {
    throw new SnapshotError(`${entry.url}: body file missing (${e instanceof Error ? e.message : String(e)})`)
  }
}

export const readTruth = (root: string = snapshotDir): TruthLine[] =>
  readFileSync(path.join(root, 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TruthLine)
