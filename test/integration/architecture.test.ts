/**
 * The walls between folders (issue #15), checked by dependency-cruiser with the rules in
 * `.dependency-cruiser.cjs`: no cycles; web ↛ pipeline; server ↛ crawl/parse/extract; extract ↛
 * warehouse/parse/snapshot; parse ↛ crawl; platforms ↛ the stages that read them; no test kit in production code.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../pipeline/src/paths.ts'

const exec = promisify(execFile)

interface Cruise {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number }
}

describe('architecture', () => {
  it('no import crosses a wall', async () => {
    const { stdout } = await exec(
      'npx',
      [
        'depcruise',
        'pipeline/src',
        'server/src',
        'web/src',
        'test',
        'bench',
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'json',
      ],
      { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 }
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }))
    const result = JSON.parse(stdout) as Cruise
    expect(result.summary.totalCruised).toBeGreaterThan(200)
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([])
  }, 120_000)

  it('the rules are the ones the issue names (a rule deleted from the config fails here)', async () => {
    const { createRequire } = await import('node:module')
    const config = createRequire(import.meta.url)(`${repoRoot}/.dependency-cruiser.cjs`) as {
      forbidden: Array<{ name: string }>
    }
    expect(config.forbidden.map((r) => r.name).sort()).toEqual([
      'extract-is-pure',
      'no-cycles',
      'no-test-kit-in-production',
      'parse-not-crawl',
      'platforms-are-leaves',
      'server-not-stages',
      'web-not-pipeline',
    ])
  })
})
