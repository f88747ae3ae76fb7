/**
 * Rebuilds data/dev-pages/pages/<id>.html from the public repositories named in manifest.jsonl,
 * using local mirrors (git directories): `npx tsx data/dev-pages/build.ts [MIRRORS_DIR]`.
 * MIRRORS_DIR defaults to $DEV_PAGES_MIRRORS or /work/.mirror, laid out as <owner>+<name>/repo.
 * A page whose mirror is missing is reported (mirror the repository, then run again); the pages
 * are third-party material and stay out of git (.gitignore).
 *
 * Two repairs undo how a repository stored a page, never what the site served: a path ending in
 * `.gz` is gunzipped (test sets that keep pages compressed), and `repair: "utf8-mojibake"` undoes
 * a page saved after its UTF-8 had been read as Latin-1 ("Viá»‡t" → "Việt").
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { devPagesDir, loadDevManifest, restorePage } from '../../pipeline/src/parse/dev-pages.ts'

const mirrors = process.argv[2] ?? process.env.DEV_PAGES_MIRRORS ?? '/work/.mirror'
const out = path.join(devPagesDir, 'pages')
mkdirSync(out, { recursive: true })

let built = 0
const missing: string[] = []
for (const e of loadDevManifest()) {
  const gitDir = path.join(mirrors, e.repo.replace('/', '+'), 'repo')
  if (!existsSync(gitDir)) {
    missing.push(`${e.id}: no mirror of ${e.repo} at ${gitDir}`)
    continue
  }
  try {
    const bytes = execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${e.commit}:${e.path}`], {
      maxBuffer: 64 * 1024 * 1024,
    })
    writeFileSync(path.join(out, `${e.id}.html`), restorePage(e, bytes))
    built++
  } catch (err) {
    missing.push(`${e.id}: ${e.repo}@${e.commit.slice(0, 10)}:${e.path} not readable (${(err as Error).message.split('\n')[0]})`)
  }
}
console.log(`${built} page(s) written to ${path.relative(process.cwd(), out) || out}`)
for (const m of missing) console.log(`missing ${m}`)
if (missing.length > 0) process.exitCode = 1
