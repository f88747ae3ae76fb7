// `pnpm thidua`: runs the compiled command line (pipeline/dist/thidua.js), compiling it first when a
// source under pipeline/src or server/src is newer than the build, so a stale build never answers.
// The `thidua` bin of @thidua/pipeline is the compiled file itself, without this check.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = path.join(root, 'pipeline', 'dist', 'thidua.js')

/** True as soon as one file or folder under `dir` changed after `since` (ms). */
const changedSince = (dir, since) => {
  const st = statSync(dir)
  if (st.mtimeMs > since) return true
  if (!st.isDirectory()) return false
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory() ? changedSince(p, since) : statSync(p).mtimeMs > since) return true
  }
  return false
}

let builtAt = 0
try {
  builtAt = statSync(entry).mtimeMs
} catch {
  // not built yet
}
const sources = ['pipeline/src', 'server/src', 'scripts/build.mjs'].map((p) => path.join(root, p))
if (sources.some((p) => changedSince(p, builtAt))) {
  // The build's own output goes to stderr: stdout belongs to the command (JSON, CSV).
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: ['ignore', process.stderr, 'inherit'],
  })
  if (r.status !== 0) {
    process.stderr.write('thidua: build failed (pnpm build)\n')
    process.exit(1)
  }
}
await import(pathToFileURL(entry).href)
