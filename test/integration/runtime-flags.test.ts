/**
 * The `thidua` command runs with the product's runtime flags (scripts/runtime-flags.mjs, issue #15):
 * every way the repo starts it carries the one list, so the parse workers (threads of that process)
 * run with V8's single-threaded GC.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '@thidua/pipeline/paths'
import { describe, expect, it } from 'vitest'
import { hasRuntimeFlags, RUNTIME_FLAGS, shebang } from '../../scripts/runtime-flags.mjs'

const scripts = (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

describe('runtime flags', () => {
  it('are the single-threaded GC', () => {
    expect(RUNTIME_FLAGS).toContain('--single-threaded-gc')
  })

  it.each(['thidua', 'thidua:dev'])('the `%s` script starts node with every flag', (name) => {
    const words = (scripts[name] ?? '').split(/\s+/)
    expect(words[0]).toBe('node')
    expect(hasRuntimeFlags(words)).toBe(true)
  })

  it('tells a process started without them', () => {
    expect(hasRuntimeFlags([])).toBe(false)
    expect(hasRuntimeFlags(['--import', 'tsx'])).toBe(false)
  })

  // `pnpm test` builds first; run alone after changing the build, `pnpm build` first.
  it('the build writes them into the bin, which runs with them', () => {
    const bin = path.join(repoRoot, 'pipeline/dist/thidua.js')
    expect(readFileSync(bin, 'utf8').split('\n', 1)[0]).toBe(shebang())
    // Executed through its shebang (`env -S node <flags>`), not through `node bin`.
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toMatch(/\d+\.\d+\.\d+/)
  })
})
