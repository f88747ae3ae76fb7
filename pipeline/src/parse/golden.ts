/**
 * Hand-checked golden records (test/golden/parse/*.json): one snapshot page each, with the fields a
 * person verified by reading the page. Shared by the golden test and bench/parse.bench.ts.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../paths.ts'
import { decodeHtml } from './crawl-utils.ts'

export const goldenDir = path.join(repoRoot, 'test', 'golden', 'parse')

export interface GoldenRecord {
  /** Page file relative to the repository root (raw bytes as served). */
  readonly page: string
  /** sha256 of the page bytes when the golden was checked: a rebuilt snapshot page needs re-checking. */
  readonly page_sha256: string
  readonly url: string
  /** Fetch time of the page (manifest last_modified): the reference for relative dates. */
  readonly now: string
  readonly content_type: string | null
  readonly platform: string
  readonly origin: string
  /** How the expected values were checked. */
  readonly checked: string
  readonly expected: {
    readonly title: string
    readonly published_at: string | null
    readonly authors: ReadonlyArray<string>
    readonly body_text: string
  }
}

export interface GoldenCase extends GoldenRecord {
  readonly name: string
  readonly html: string
  readonly actual_sha256: string
}

export const loadGoldens = (dir = goldenDir): GoldenCase[] => {
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  return names.sort().map((name) => {
    const g = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as GoldenRecord
    const bytes = readFileSync(path.join(repoRoot, g.page))
    const actual_sha256 = createHash('sha256').update(bytes).digest('hex')
    return { ...g, name, html: decodeHtml(bytes, g.content_type).text, actual_sha256 }
  })
}
