/**
 * The real development corpus (data/dev, issue #11): the committed manifest must keep its schema,
 * keep every site on one side of the dev/test split, keep at least a third in the frozen test part,
 * and match the git-ignored texts by sha256 whenever they are present on this machine.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ISSUER_LEVELS } from '../domain/issuer-levels.ts'

const root = new URL('../../../data/dev/', import.meta.url).pathname
const lines = readFileSync(`${root}manifest.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>)

const DOC_TYPES = new Set([
  'plan',
  'directive',
  'resolution',
  'decision',
  'official_letter',
  'notice',
  'conclusion',
  'circular',
  'decree',
  'law',
  'guideline',
  'program',
  'report',
  'telegram',
  'other',
])
const LEVELS = new Set<string>(ISSUER_LEVELS)
const KINDS = new Set(['dai_hoi_thi_dua', 'hoi_nghi_dien_hinh', 'other'])
const SCOPES = new Set(['national', 'province', 'city', 'district', 'commune', 'sector', 'unknown'])
const ORGS = new Set([
  'party',
  'farmers_union',
  'trade_union',
  'youth_union',
  'women_union',
  'fatherland_front',
  'veterans',
  'ethnic_minorities',
  'armed_forces',
  'other',
])
const GRANULARITIES = new Set(['day', 'month', 'quarter', 'half', 'year', 'period', 'range'])
const RELATIONS = new Set(['implements', 'amends', 'replaces', 'cites'])
const ISO = /^\d{4}-\d{2}-\d{2}$/
const campaignIds = new Set(
  (JSON.parse(readFileSync(`${root}../reference/campaigns.json`, 'utf8')) as { id: string }[]).map(
    (c) => c.id
  )
)
const isoOrNull = (v: unknown): boolean => v === null || (typeof v === 'string' && ISO.test(v))

function problems(r: Record<string, unknown>): string[] {
  const out: string[] = []
  const need = (ok: boolean, what: string): void => void (ok || out.push(`${String(r.id)}: ${what}`))
  need(typeof r.id === 'string' && /^r\d{3,}$/.test(r.id), 'id')
  need(typeof r.url === 'string' && /^https?:\/\//.test(r.url), 'url')
  need(typeof r.site === 'string' && r.site.length > 3, 'site')
  need(r.province_code === null || /^\d{2}$/.test(String(r.province_code)), 'province_code')
  need(isoOrNull(r.published), 'published')
  need(typeof r.found_by === 'string' && r.found_by.length > 5, 'found_by')
  need(r.split === 'dev' || r.split === 'test', 'split')
  need(typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256), 'sha256')
  const docs = r.documents as Record<string, unknown>[]
  const keys = new Set<string>()
  for (const d of docs) {
    need(
      DOC_TYPES.has(String(d.type)) && LEVELS.has(String(d.issuer_level)) && isoOrNull(d.date),
      `document ${d.number}`
    )
    need(d.symbol === null || !/\s/.test(String(d.symbol)), `symbol without spaces ${d.symbol}`)
    keys.add(d.symbol === null ? `${d.type} ${d.number}` : `${d.type} ${d.number}/${d.symbol}`)
  }
  need(keys.size === docs.length, 'one entity per document')
  for (const e of r.events as Record<string, unknown>[]) {
    need(KINDS.has(String(e.kind)) && SCOPES.has(String(e.scope)), `event ${e.kind} ${e.scope}`)
    need(
      e.kind === 'other' ? ORGS.has(String(e.organization)) : e.organization === null,
      'event organization'
    )
    need(
      isoOrNull(e.held_on ?? null) && isoOrNull(e.planned_start ?? null) && isoOrNull(e.planned_end ?? null),
      'event days'
    )
    need(
      e.kind !== 'other' ||
        e.ordinal !== null ||
        e.year !== null ||
        e.planned_start !== undefined ||
        e.held_on !== undefined,
      'congress needs ordinal or date'
    )
  }
  for (const c of r.campaigns as string[])
    need(campaignIds.has(c) || c.startsWith('candidate:'), `campaign ${c}`)
  for (const t of r.times as Record<string, unknown>[])
    need(GRANULARITIES.has(String(t.granularity)) && String(t.start) <= String(t.end), `time ${t.start}`)
  for (const x of r.relations as Record<string, unknown>[])
    need(
      RELATIONS.has(String(x.relation)) && keys.has(String(x.from)) && keys.has(String(x.to)),
      `relation ${x.from}`
    )
  return out
}

describe('data/dev manifest', () => {
  it('has a valid schema on every line and unique ids', () => {
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.flatMap(problems)).toEqual([])
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
  })

  it('keeps every site on one side of the split and at least a third in test', () => {
    // Sites of one registrable domain (svvn.tienphong.vn, tienphong.vn) count as one site here.
    const domain = (site: string): string => {
      const p = site.split('.')
      const k =
        p.length > 2 && p.at(-1) === 'vn' && /^(com|org|gov|edu|net|info|ac|int)$/.test(p.at(-2)!) ? 3 : 2
      return p.slice(-k).join('.')
    }
    const side = new Map<string, Set<unknown>>()
    for (const r of rows)
      side.set(domain(String(r.site)), (side.get(domain(String(r.site))) ?? new Set()).add(r.split))
    expect([...side].filter(([, s]) => s.size > 1).map(([site]) => site)).toEqual([])
    // A domain's side is frozen in splits.json once assigned, so it can never move after tuning.
    const frozen = JSON.parse(readFileSync(`${root}splits.json`, 'utf8')) as Record<string, string>
    expect(rows.filter((r) => frozen[domain(String(r.site))] !== r.split).map((r) => r.id)).toEqual([])
    expect(rows.filter((r) => r.split === 'test').length * 3).toBeGreaterThanOrEqual(rows.length)
  })

  it('carries a sha256 per excerpt, matching texts.jsonl where the git-ignored texts are present', () => {
    // every excerpt names the hash its rebuilt text must have (data/dev/rebuild.ts checks it)
    expect(rows.filter((r) => !/^[0-9a-f]{64}$/.test(String(r.sha256))).map((r) => r.id)).toEqual([])
    if (!existsSync(`${root}texts.jsonl`)) return
    const texts = new Map<string, string>()
    for (const l of readFileSync(`${root}texts.jsonl`, 'utf8')
      .split('\n')
      .filter((x) => x.trim() !== '')) {
      const t = JSON.parse(l) as { id: string; text: string }
      texts.set(t.id, t.text)
    }
    const bad = rows.filter((r) => {
      const t = texts.get(String(r.id))
      return (
        t === undefined ||
        t !== t.normalize('NFC') ||
        createHash('sha256').update(t).digest('hex') !== r.sha256
      )
    })
    expect(bad.map((r) => r.id)).toEqual([])
  })
})
