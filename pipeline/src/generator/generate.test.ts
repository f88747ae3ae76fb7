import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Simulator, startSimulator } from '../simulator/server.ts'
import { toRoman } from '../snapshot/text.ts'
import { type GeneratedArticle, generateCorpus } from './generate.ts'

const a = mkdtempSync(path.join(os.tmpdir(), 'thidua-gen-a-'))
const b = mkdtempSync(path.join(os.tmpdir(), 'thidua-gen-b-'))
const c = mkdtempSync(path.join(os.tmpdir(), 'thidua-gen-c-'))
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
let sim: Simulator

beforeAll(async () => {
  await generateCorpus({ n: 300, seed: 7, out: a })
  await generateCorpus({ n: 300, seed: 7, out: b })
  await generateCorpus({ n: 300, seed: 8, out: c })
  sim = await startSimulator({ root: null, generated: { dir: a } })
})
afterAll(async () => {
  await sim.close()
  for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true })
})

const truth = (dir: string): GeneratedArticle[] =>
  readFileSync(path.join(dir, 'truth-0000.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GeneratedArticle)

describe('scale corpus generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(sha(path.join(a, 'truth-0000.jsonl'))).toBe(sha(path.join(b, 'truth-0000.jsonl')))
    expect(sha(path.join(a, 'corpus.json'))).toBe(sha(path.join(b, 'corpus.json')))
    expect(sha(path.join(a, 'truth-0000.jsonl'))).not.toBe(sha(path.join(c, 'truth-0000.jsonl')))
  })

  it('spreads articles over provinces, platforms and both sides of the 2025 merger', () => {
    const t = truth(a)
    expect(t).toHaveLength(300)
    expect(new Set(t.map((x) => x.province_code_2008)).size).toBeGreaterThan(40)
    expect(new Set(t.map((x) => new URL(x.url).hostname.split('.')[1])).size).toBe(8)
    expect(t.some((x) => x.published_at >= '2025-07-01')).toBe(true)
  })

  it('serves pages whose text carries every planted entity', async () => {
    const sample = truth(a)
      .filter((x) => x.documents.length + x.events.length + x.campaigns.length > 0)
      .slice(0, 25)
    expect(sample.length).toBe(25)
    for (const t of sample) {
      const u = new URL(t.url)
      const res = await fetch(`${sim.hostMap[u.hostname]}${u.pathname}${u.search}`)
      expect(res.status, t.url).toBe(200)
      const html = (await res.text()).replaceAll('&quot;', '"')
      expect(html).toContain(t.title)
      for (const d of t.documents) expect(html).toMatch(new RegExp(`${d.number}(\\s-\\s|[-/])`))
      for (const e of t.events)
        expect(
          html.includes(`lần thứ ${toRoman(e.ordinal!)}`) ||
            html.includes(`lần thứ ${e.ordinal}`) ||
            html.includes(`lần ${toRoman(e.ordinal!)}`)
        ).toBe(true)
    }
  })

  it('lists every article of a site in its sitemap', async () => {
    const t = truth(a)
    const host = new URL(t[0]!.url).hostname
    const platform = host.split('.')[1]
    const smPath =
      platform === 'wordpress'
        ? '/wp-sitemap-posts-post-1.xml'
        : platform === 'nukeviet'
          ? '/sitemap-vi.news.xml'
          : platform === 'gov-portal'
            ? null
            : '/sitemap.xml'
    if (smPath === null) return expect((await fetch(`${sim.hostMap[host]}/`)).status).toBe(200)
    const xml = await (await fetch(`${sim.hostMap[host]}${smPath}`)).text()
    for (const x of t.filter((y) => new URL(y.url).hostname === host))
      expect(xml).toContain(x.url.replaceAll('&', '&amp;'))
  })
})
