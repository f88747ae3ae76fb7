/**
 * The general development set (data/dev-pages-general, issue #12): article pages of many sites in
 * many languages from a public extraction benchmark, each with its ground-truth body. It teaches
 * the generic body rules where the Vietnamese real-page set is too small. Only the list (repository,
 * path, commit, url) is committed; the pages and the ground-truth bodies are third-party material,
 * rebuilt into the git-ignored pages/ directory by `npx tsx data/dev-pages-general/build.ts`.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../paths.ts'
import { decodeHtml } from './crawl-utils.ts'
import { readManifest } from './dev-pages.ts'

export const generalPagesDir = path.join(repoRoot, 'data', 'dev-pages-general')

export interface GeneralPageEntry {
  readonly id: string
  readonly repo: string
  /** The page in the repository (gzipped HTML). */
  readonly path: string
  readonly commit: string
  /** Where the ground-truth body sits: a JSON file of the same commit and the key of this page. */
  readonly truth: { readonly path: string; readonly key: string }
  readonly url: string
  /** "dev" may be looked at page by page while tuning; "holdout" is reported in aggregate only. */
  readonly split: 'dev' | 'holdout'
}

export interface GeneralPage extends GeneralPageEntry {
  readonly html: string
  readonly body: string
}

export const loadGeneralManifest = (dir = generalPagesDir): GeneralPageEntry[] =>
  readManifest<GeneralPageEntry>(dir)

export const generalPageFiles = (dir: string, id: string): { html: string; body: string } => ({
  html: path.join(dir, 'pages', `${id}.html`),
  body: path.join(dir, 'pages', `${id}.body.txt`),
})

/** The pages that have been rebuilt (the others are skipped: CI has no mirror). */
export const loadGeneralPages = (dir = generalPagesDir): GeneralPage[] =>
  loadGeneralManifest(dir).flatMap((e) => {
    const f = generalPageFiles(dir, e.id)
    if (!existsSync(f.html) || !existsSync(f.body)) return []
    return [{ ...e, html: decodeHtml(readFileSync(f.html), null).text, body: readFileSync(f.body, 'utf8') }]
  })
