/**
 * The real-page development set (data/dev-pages, issue #12): whole HTML pages of Vietnamese portals
 * and newspapers saved in public repositories, labelled by hand. Only the list and the labels are
 * committed; the pages are rebuilt from the mirrors into the git-ignored data/dev-pages/pages/
 * (`npx tsx data/dev-pages/build.ts`). Shared by bench/parse.bench.ts and the dev-page test.
 *
 * A label gives the first and last words of the body; the reference body is the page's own text
 * between them, so body F1 needs no copy of the text in the repository.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { repoRoot } from '../paths.ts'
import { textOf } from './blocks.ts'
import { decodeHtml } from './crawl-utils.ts'
import { parseHtml } from './doc.ts'
import { cleanInline, foldVietnamese } from './text.ts'

export const devPagesDir = path.join(repoRoot, 'data', 'dev-pages')

export type DevPageKind = 'article' | 'home' | 'listing'

export interface DevPageEntry {
  readonly id: string
  readonly repo: string
  readonly path: string
  readonly commit: string
  /** The page's own URL (from the saved copy or the mirror's layout). */
  readonly url: string
  readonly site: string
  readonly platform: string
  /** "dev" pages may be looked at while tuning; "test" pages (whole sites) never. */
  readonly split: 'dev' | 'test'
  readonly kind: DevPageKind
  /** How the repository mangled the stored page, undone by build.ts (see there). */
  readonly repair?: 'utf8-mojibake'
  readonly labels: {
    readonly title?: string
    /** ISO with +07:00 from the date printed on the page, null when it prints none. */
    readonly published_at?: string | null
    /** The date as printed, for the reader. */
    readonly date_printed?: string | null
    readonly body_first?: string
    readonly body_last?: string
  }
}

export interface DevPage extends DevPageEntry {
  readonly html: string | null
}

/** The entries of a JSON-lines manifest (`<dir>/manifest.jsonl`), or none when it is absent. */
export const readManifest = <T>(dir: string): T[] => {
  const file = path.join(dir, 'manifest.jsonl')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T)
}

export const loadDevManifest = (dir = devPagesDir): DevPageEntry[] => readManifest<DevPageEntry>(dir)

/** The manifest with each page's HTML, or null for pages not rebuilt yet. */
export const loadDevPages = (dir = devPagesDir): DevPage[] =>
  loadDevManifest(dir).map((e) => {
    const file = path.join(dir, 'pages', `${e.id}.html`)
    return { ...e, html: existsSync(file) ? decodeHtml(readFileSync(file), null).text : null }
  })

/**
 * Whether a parsed publication date is the labelled one, at the precision the page prints: the
 * minute when the printed date has a time ("22/10/2025, 19:25" while the meta tag says 19:25:52),
 * else the day. A label of null (the page prints no date) is matched by null only.
 */
export const dateMatches = (
  got: string | null,
  labels: Pick<DevPageEntry['labels'], 'published_at' | 'date_printed'>
): boolean => {
  const want = labels.published_at ?? null
  if (want === null || got === null) return want === got
  const printedTime = /\d{1,2}\s*(?::|h)\s*\d{2}/.test(labels.date_printed ?? want)
  const n = printedTime ? 16 : 10
  return got.slice(0, n) === want.slice(0, n) && got.slice(19) === want.slice(19)
}

/**
 * The page's bytes as the site served them, from the bytes the repository keeps (build.ts): a
 * `.gz` path is gunzipped, and `repair: "utf8-mojibake"` undoes UTF-8 that was read as Latin-1
 * and saved again ("Viá»‡t" → "Việt").
 */
export const restorePage = (e: Pick<DevPageEntry, 'path' | 'repair'>, stored: Buffer): Buffer => {
  const raw = e.path.endsWith('.gz') ? gunzipSync(stored) : stored
  if (e.repair !== 'utf8-mojibake') return raw
  const text = raw.toString('utf8')
  // Only a text made wholly of Latin-1 code points can be such mojibake; anything else is refused.
  if (/[^\u0000-\u00ff]/u.test(text)) throw new Error('not Latin-1 mojibake: it has code points above U+00FF')
  return Buffer.from(text, 'latin1')
}

// Folded words with their start and end offsets in the original text.
const words = (s: string): Array<{ w: string; start: number; end: number }> => {
  const out: Array<{ w: string; start: number; end: number }> = []
  for (const m of s.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ w: foldVietnamese(m[0]), start: m.index!, end: m.index! + m[0].length })
  }
  return out
}

const findWords = (
  hay: ReadonlyArray<{ w: string }>,
  needle: ReadonlyArray<string>,
  from: number
): number => {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k]!.w !== needle[k]) continue outer
    return i
  }
  return -1
}

/**
 * The page's text from the labelled first words to the labelled last words (the last occurrence
 * after the first), or null when the labels are not found on the page.
 */
export const referenceBody = (html: string, first: string, last: string): string | null => {
  const doc = parseHtml(html)
  const body = doc.byTag('body')[0]
  // A page kept as the article's container only (copied from a browser) has no <body>: read it all.
  const roots = body ? [body] : doc.document.children
  const text = cleanInline(roots.map(textOf).join(' '))
  const all = words(text)
  const a = words(first).map((x) => x.w)
  const b = words(last).map((x) => x.w)
  if (a.length === 0 || b.length === 0) return null
  const start = findWords(all, a, 0)
  if (start < 0) return null
  let end = -1
  for (let i = findWords(all, b, start); i >= 0; i = findWords(all, b, i + 1)) end = i
  if (end < 0) return null
  return text.slice(all[start]!.start, all[end + b.length - 1]!.end)
}
