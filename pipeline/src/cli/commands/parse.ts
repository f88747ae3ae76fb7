/**
 * `thidua parse <file.html|dir> [--url URL]`: parse saved pages and print the article record(s) as
 * JSON, so a person can check a page by hand. A file prints one record; a folder prints a JSON array
 * with one entry per page, where a page that cannot be parsed gets `{ file, url, error }` and the run
 * goes on. Bytes are decoded like the crawler does (decodeHtml). Without --url the page URL comes
 * from the snapshot manifest next to the file, else from the page's canonical/og:url link.
 */
import * as Args from '@effect/cli/Args'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as FileSystem from '@effect/platform/FileSystem'
import * as Console from 'effect/Console'
import * as Data from 'effect/Data'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import path from 'node:path'
import { type MessageKey, t } from '../messages.ts'
import { notHtmlKind } from '../sniff.ts'

export class ParseCommandError extends Data.TaggedError('ParseCommandError')<{ readonly message: string }> {}

const target = Args.path({ name: 'path' }).pipe(Args.withDescription('An HTML file or a folder of them'))
const urlOption = Options.text('url').pipe(
  Options.withDescription(
    'The page URL (single file only); default: snapshot manifest or the page canonical link'
  ),
  Options.optional
)

interface Manifest {
  readonly host: string
  readonly routes: ReadonlyArray<{
    readonly path: string
    readonly file: string
    readonly content_type?: string
  }>
}

/** URL and content type of a snapshot file, from the nearest data/snapshot/sites/<host>/manifest.json. */
const fromManifest = (fs: FileSystem.FileSystem, file: string, cache: Map<string, Manifest | null>) =>
  Effect.gen(function* () {
    let dir = path.dirname(file)
    for (let i = 0; i < 6; i++) {
      const manifestFile = path.join(dir, 'manifest.json')
      if (!cache.has(manifestFile)) {
        const text = yield* fs.readFileString(manifestFile).pipe(Effect.option)
        let m: Manifest | null = null
        if (Option.isSome(text)) {
          try {
            m = JSON.parse(text.value) as Manifest
          } catch {
            m = null
          }
        }
        cache.set(manifestFile, m)
      }
      const m = cache.get(manifestFile)
      if (m?.host && Array.isArray(m.routes)) {
        const rel = path.relative(dir, file).split(path.sep).join('/')
        const route = m.routes.find((r) => r.file === rel)
        if (route) return { url: `https://${m.host}${route.path}`, contentType: route.content_type ?? null }
      }
      const up = path.dirname(dir)
      if (up === dir) break
      dir = up
    }
    return null
  })

const linkedUrl = (html: string): string | null => {
  const m =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html) ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']/i.exec(html) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)
  return m?.[1] && /^https?:\/\//i.test(m[1]) ? m[1] : null
}

type Entry = Record<string, unknown>

/** notHtmlKind's descriptions in the user's language (file formats keep their names). */
const KIND_MESSAGES: Record<string, MessageKey> = {
  'binary data': 'kindBinary',
  'no HTML markup': 'kindNoMarkup',
  'empty file': 'kindEmpty',
}

const parseFile = (
  fs: FileSystem.FileSystem,
  file: string,
  explicitUrl: string | null,
  cache: Map<string, Manifest | null>
) =>
  Effect.gen(function* () {
    const bytes = yield* fs
      .readFile(file)
      .pipe(Effect.mapError((e) => new ParseCommandError({ message: `cannot read ${file}: ${e.message}` })))
    const sniffed = notHtmlKind(bytes)
    const kind = sniffed === null ? null : KIND_MESSAGES[sniffed] ? t(KIND_MESSAGES[sniffed]) : sniffed
    if (kind !== null)
      return {
        ok: false as const,
        notHtml: true,
        entry: { file, url: null, error: t('notHtml', { file, kind }) },
      }
    const { decodeHtml } = yield* Effect.promise(() => import('../../parse/crawl-utils.ts'))
    const { parseArticle } = yield* Effect.promise(() => import('../../parse/parse-article.ts'))
    const known = explicitUrl ? null : yield* fromManifest(fs, file, cache)
    const { text } = decodeHtml(bytes, known?.contentType ?? null)
    const url = explicitUrl ?? known?.url ?? linkedUrl(text)
    if (!url)
      return {
        ok: false as const,
        entry: { file, url: null, error: 'no URL known for this page: pass --url' },
      }
    const r = parseArticle(text, url)
    return r.ok
      ? { ok: true as const, entry: r.article as unknown as Entry }
      : { ok: false as const, entry: { file, url, error: r.reason } }
  })

export const parseCommand = Command.make('parse', { target, url: urlOption }, ({ target, url }) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs
      .stat(target)
      .pipe(Effect.mapError(() => new ParseCommandError({ message: t('noSuchPath', { path: target }) })))
    const cache = new Map<string, Manifest | null>()
    if (info.type !== 'Directory') {
      const r = yield* parseFile(fs, target, Option.getOrNull(url), cache)
      if (!r.ok)
        return yield* new ParseCommandError({
          message:
            'notHtml' in r ? String(r.entry.error) : `cannot parse ${target}: ${String(r.entry.error)}`,
        })
      return yield* Console.log(JSON.stringify(r.entry, null, 2))
    }
    if (Option.isSome(url))
      return yield* new ParseCommandError({ message: '--url applies to a single file, not a folder' })
    const names = yield* fs
      .readDirectory(target, { recursive: true })
      .pipe(Effect.mapError((e) => new ParseCommandError({ message: `cannot list ${target}: ${e.message}` })))
    const files = names.filter((n) => /\.html?$/i.test(n)).sort()
    const out: Entry[] = []
    for (const name of files) {
      const file = path.join(target, name)
      const r = yield* parseFile(fs, file, null, cache).pipe(
        Effect.catchTag('ParseCommandError', (e) =>
          Effect.succeed({ ok: false as const, entry: { file, url: null, error: e.message } })
        )
      )
      out.push(r.ok ? { file, ...r.entry } : r.entry)
    }
    yield* Console.log(JSON.stringify(out, null, 2))
  })
).pipe(Command.withDescription('Parse saved article pages and print the clean record(s) as JSON'))
