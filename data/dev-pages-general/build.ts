/**
 * Rebuilds data/dev-pages-general/pages/<id>.html and <id>.body.txt (the ground-truth body) from
 * the public benchmark repository named in manifest.jsonl, using a local mirror (git directory):
 * `npx tsx data/dev-pages-general/build.ts [MIRRORS_DIR]`. MIRRORS_DIR defaults to
 * $DEV_PAGES_MIRRORS or /work/.mirror, laid out as <owner>+<name>/repo (as the `fetch` tool leaves
 * it). Everything written is third-party material and stays out of git (.gitignore).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import {
  type GeneralPageEntry,
  generalPageFiles,
  generalPagesDir,
  loadGeneralManifest,
} from '../../pipeline/src/parse/dev-pages-general.ts'

const mirrors = process.argv[2] ?? process.env.DEV_PAGES_MIRRORS ?? '/work/.mirror'
mkdirSync(path.join(generalPagesDir, 'pages'), { recursive: true })

const show = (gitDir: string, commit: string, file: string): Buffer =>
  execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${commit}:${file}`], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  })

// One ground-truth file serves many pages: pages are grouped by the file that holds their truth.
const groups = new Map<string, GeneralPageEntry[]>()
for (const e of loadGeneralManifest()) {
  const key = `${e.repo}@${e.commit}:${e.truth.path}`
  groups.set(key, [...(groups.get(key) ?? []), e])
}

let built = 0
const missing: string[] = []
for (const [key, entries] of groups) {
  const { repo, commit, truth } = entries[0]!
  const gitDir = path.join(mirrors, repo.replace('/', '+'), 'repo')
  let truths: Record<string, { articleBody?: string }>
  try {
    truths = JSON.parse(show(gitDir, commit, truth.path).toString('utf8'))
  } catch (err) {
    missing.push(`${entries.length} page(s): ${key} not readable, mirror ${repo} at ${gitDir} (${(err as Error).message.split('\n')[0]})`)
    continue
  }
  for (const e of entries) {
    const body = truths[e.truth.key]?.articleBody
    const raw = typeof body === 'string' ? show(gitDir, e.commit, e.path) : null
    if (raw === null) {
      missing.push(`${e.id}: no articleBody for ${e.truth.key} in ${key}`)
      continue
    }
    const f = generalPageFiles(generalPagesDir, e.id)
    writeFileSync(f.html, e.path.endsWith('.gz') ? gunzipSync(raw) : raw)
    writeFileSync(f.body, body!)
    built++
  }
}
console.log(`${built} page(s) written to ${path.join(path.relative(process.cwd(), generalPagesDir), 'pages')}`)
for (const m of missing) console.log(`missing ${m}`)
if (missing.length > 0) process.exitCode = 1
