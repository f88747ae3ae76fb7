/** Where things live on disk. Everything is resolved from the repository root, never from the cwd. */
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const dataDir = path.join(repoRoot, 'data')
export const referenceDir = path.join(dataDir, 'reference')
export const seedsDir = path.join(dataDir, 'seeds')
export const snapshotDir = path.join(dataDir, 'snapshot')
/** The hand-maintained national registry of portals, newspapers and emulation boards (real sites). */
export const registryFile = path.join(dataDir, 'sources.json')
/** The offline snapshot's own sites, written by `thidua snapshot build`. */
export const snapshotSourcesFile = path.join(snapshotDir, 'sources.json')
/** What offline commands crawl by default: the snapshot's sites (the registry is for --live and checks). */
export const defaultSourcesFile = snapshotSourcesFile
/** Generated state (databases, raw archive, published versions). Gitignored. */
export const varDir = path.join(repoRoot, 'var')
export const defaultDbFile = path.join(varDir, 'thidua.duckdb')
export const webDistDir = path.join(repoRoot, 'web', 'dist')
