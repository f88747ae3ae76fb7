/**
 * Extractor throughput on ~2 KB texts (issue #6 goal: ≥ 2,000 texts/s per core). Texts are built from the
 * gold set, concatenated to about 2 KB each, and extracted on one core; a plain NFC + lowercase pass over
 * the same texts is measured in the same run as the baseline the ratio refers to.
 */
import { extract } from '../pipeline/src/extract/extract.ts'
import { loadGold } from '../pipeline/src/extract/evaluate.ts'

function corpus(): string[] {
  const texts = loadGold().map((g) => g.text)
  const out: string[] = []
  let cur = ''
  for (let round = 0; out.length < 2000; round++) {
    for (const t of texts) {
      cur += `${t}\n\n`
      if (cur.length >= 2000) {
        out.push(cur.slice(0, 2048))
        cur = ''
      }
    }
    if (round > 100) break
  }
  return out
}

function timeIt(
  texts: string[],
  fn: (t: string, i: number) => unknown,
  minMs = 3000
): { perSec: number; n: number } {
  let n = 0
  const t0 = performance.now()
  while (performance.now() - t0 < minMs) {
    for (let i = 0; i < texts.length; i++) fn(texts[i]!, i)
    n += texts.length
  }
  return { perSec: (n * 1000) / (performance.now() - t0), n }
}

export async function run(): Promise<Record<string, unknown>> {
  const texts = corpus()
  const avgChars = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length)
  for (let i = 0; i < 200; i++) extract(texts[i % texts.length]!, { id: 'w', published: '2024-01-01' })
  const ext = timeIt(texts, (t, i) => extract(t, { id: String(i), published: '2024-06-01' }))
  const base = timeIt(texts, (t) => t.normalize('NFC').toLowerCase().length)
  return {
    texts: texts.length,
    avg_chars: avgChars,
    extract_texts_per_sec: Math.round(ext.perSec),
    baseline_nfc_lowercase_texts_per_sec: Math.round(base.perSec),
    extract_vs_baseline_ratio: Number((base.perSec / ext.perSec).toFixed(1)),
    goal_texts_per_sec: 2000,
    meets_goal: ext.perSec >= 2000,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)))
}
