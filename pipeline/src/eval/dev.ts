/**
 * The real development corpus (data/dev, issue #11) as evaluation items: labels from the committed
 * manifest, texts from the git-ignored texts.jsonl. Items are split into `dev` (rules may be tuned on
 * them; their misses are printed) and `test` (frozen: only scores are ever printed, never texts).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths.ts'
import type { GoldItem } from '../extract/evaluate.ts'

const devDir = path.join(dataDir, 'dev')

export interface DevCorpus {
  readonly dev: GoldItem[]
  readonly test: GoldItem[]
  /** Manifest lines whose text is not in texts.jsonl. */
  readonly missing: number
}

function readJsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON (${e instanceof Error ? e.message : e})`)
      }
    })
}

/** The corpus, or a one-line reason why it cannot be read on this machine. */
export function loadDev(dir = devDir): DevCorpus | string {
  const manifest = path.join(dir, 'manifest.jsonl')
  const textsFile = path.join(dir, 'texts.jsonl')
  if (!existsSync(manifest)) return `no development corpus: ${manifest} is absent`
  if (!existsSync(textsFile))
    return `development corpus texts absent (${textsFile}); see data/dev/README.md to rebuild them`
  const texts = new Map<string, string>()
  for (const row of readJsonl(textsFile)) {
    if (typeof row.id === 'string' && typeof row.text === 'string') texts.set(row.id, row.text)
  }
  const dev: GoldItem[] = []
  const test: GoldItem[] = []
  let missing = 0
  for (const row of readJsonl(manifest)) {
    const text = texts.get(String(row.id))
    if (text === undefined) {
      missing++
      continue
    }
    const item: GoldItem = {
      id: String(row.id),
      text: text.normalize('NFC'),
      published: typeof row.published === 'string' ? row.published : null,
      province: typeof row.province_code === 'string' ? row.province_code : null,
      documents: (row.documents ?? []) as GoldItem['documents'],
      events: (row.events ?? []) as GoldItem['events'],
      campaigns: (row.campaigns ?? []) as string[],
      times: (row.times ?? []) as GoldItem['times'],
    }
    ;(row.split === 'test' ? test : dev).push(item)
  }
  return { dev, test, missing }
}
