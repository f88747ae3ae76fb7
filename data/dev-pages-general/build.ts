/**
 * Rebuilds data/dev-pages-general/pages/<id>.html and <id>.body.txt (the ground-truth body) from
 * the public benchmark repository named in manifest.jsonl, using a local mirror (git directory):
 * `npx tsx data/dev-pages-general/build.ts [MIRRORS_DIR]`. MIRRORS_DIR defaults to
 * $DEV_PAGES_MIRRORS or /work/.mirror, laid out as <owner>+<name>/repo (as the `fetch` tool leaves
 * it). Everything written is third-party material and stays out of git (.gitignore).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { generalPageFiles, generalPagesDir, loadGeneralManifest } from '../../pipeline/src/parse/dev-pages-general.ts'

const mirrors = process.argv[2] ?? process.env.DEV_PAGES_MIRRORS ?? '/work/.mirror'
mkdirSync(path.join(generalPagesDir, 'pages'), { recursive: true })

const show = (gitDir: string, commit: string, file: string): Buffer =>
  execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${commit}:${file}`], { maxBuffer: 256 * 1024 * 1024 })

// One ground-truth file serves many pages: read it once per repository, commit and path.
const truths = new Map<string, Record<string, { articleBody?: string }>>()
let built = 0
const missing: string[] = []
for (const e of loadGeneralManifest()) {
  const gitDir = path.join(mirrors, e.repo.replace('/', '+'), 'repo')
  if (!existsSync(gitDir)) {
    missing.push(`${e.id}: no mirror of ${e.repo} at ${gitDir}`)
    continue
  }
  try {
    const tkey = `${e.repo}@${e.commit}:${e.truth.path}`
    if (!truths.has(tkey)) truths.set(tkey, JSON.parse(show(gitDir, e.commit, e.truth.path).toString('utf8')))
    const body = truths.get(tkey)?.[e.truth.key]?.articleBody
    if (typeof body !== 'string') throw new Error(`no articleBody for ${e.truth.key}`)
    const raw = show(gitDir, e.commit, e.path)
    const f = generalPageFiles(generalPagesDir, e.id)
    writeFileSync(f.html, e.path.endsWith('.gz') ? gunzipSync(raw) : raw)
    writeFileSync(f.body, body)
    built++
  } catch (err) {
    missing.push(`${e.id}: ${e.repo}@${e.commit.slice(0, 10)}:${e.path} not readable (${(err as Error).message.split('\n')[0]})`)
  }
}
console.log(`${built} page(s) written to ${path.join(path.relative(process.cwd(), generalPagesDir), 'pages')}`)
for (const m of missing) console.log(`missing ${m}`)
if (missing.length > 0) process.exitCode = 1
