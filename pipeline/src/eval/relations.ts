/**
 * Relations F1 (issue #16): on the hand-written gold set data/gold/relations.jsonl, and on the frozen
 * test part of the real development corpus (data/dev/manifest.jsonl + the git-ignored texts.jsonl).
 * A relation is (from, relation, to) with documents written "<type> <number><symbol>" ("plan
 * 45/KH-UBND", "directive 41-CT/TW"); campaigns "campaign:<id>"; congresses "event:<kind>:<ordinal>".
 * Set semantics per text. Only the test part of the dev corpus is scored and printed: rules are tuned
 * on the gold set and the dev part, never on test texts.
 */
import type { HeldOutScore } from './heldout-score.ts'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { DocumentMention, Extraction } from '../domain/extraction.ts'
import { extract } from '../extract/extract.ts'
import { dataDir } from '../paths.ts'

export const relationsGoldFile = path.join(dataDir, 'gold', 'relations.jsonl')
export const devDir = path.join(dataDir, 'dev')

export interface GoldRelation {
  readonly from: string
  readonly relation: string
  readonly to: string
}
export interface RelationItem {
  readonly id: string
  readonly text: string
  readonly published: string | null
  readonly relations: ReadonlyArray<GoldRelation>
}
// The counts and ratios are a held-out score's; a relation score adds the texts read and the misses.
export interface RelationScore extends HeldOutScore {
  texts: number
  errors: string[]
}

const VI_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^kế hoạch/i, 'plan'],
  [/^chỉ thị/i, 'directive'],
  [/^nghị quyết/i, 'resolution'],
  [/^quyết định/i, 'decision'],
  [/^(công văn|văn bản)/i, 'official_letter'],
  [/^thông báo/i, 'notice'],
  [/^kết luận/i, 'conclusion'],
  [/^thông tư/i, 'circular'],
  [/^nghị định/i, 'decree'],
  [/^luật/i, 'law'],
  [/^hướng dẫn/i, 'guideline'],
  [/^chương trình/i, 'program'],
  [/^báo cáo/i, 'report'],
  [/^công điện/i, 'telegram'],
]

const symbolKey = (s: string): string =>
  s
    .normalize('NFC')
    .toUpperCase()
    .replace(/TƯ/g, 'TW')
    .replace(/[^\p{L}\p{N}]/gu, '')

/** One comparable key for a label: "directive 41-CT/TW", "Chỉ thị 41-CT/TW", "campaign:x", "event:k:6". */
export function labelKey(label: string): string {
  const l = label.normalize('NFC').trim()
  if (/^(campaign|event):/i.test(l)) return l.toLowerCase()
  let type = 'other'
  let rest = l
  const en = /^([a-z_]+)\s+(.*)$/.exec(l)
  if (en) {
    type = en[1]!
    rest = en[2]!
  } else {
    for (const [re, t] of VI_TYPES) {
      const m = re.exec(l)
      if (m) {
        type = t
        rest = l.slice(m[0].length).replace(/^\s*(số)?\s*/i, '')
        break
      }
    }
  }
  const m = /^0*(\d+)(.*)$/.exec(rest.trim())
  // The dev corpus writes symbols without their year ("decree 42/NĐ-CP" for 42/2010/NĐ-CP): compare without it.
  const symbol = (s: string) => symbolKey(s.replace(/^\s*[/-]\s*(?:19|20)\d{2}(?=\s*[/-])/, ''))
  if (!m) return `${type} ${symbolKey(rest)}`
  // Number and symbol name a document on their own; its type is the document extractor's to get right
  // (scored by the documents eval), so a relation between the right documents counts whatever their type.
  const sym = symbol(m[2]!)
  return sym ? `doc ${m[1]}|${sym}` : `${type} ${m[1]}|`
}

const docLabel = (d: DocumentMention): string =>
  `${d.type} ${d.number}${d.year_in_symbol ? `/${d.year_in_symbol}` : ''}${d.symbol ? `/${d.symbol}` : ''}`

/** The extraction's relations as label triples (the same form as the gold). */
export function predictedTriples(x: Extraction): string[] {
  const out = new Set<string>()
  for (const r of x.relations ?? []) {
    const f = x.documents[r.from]
    if (!f) continue
    let to: string | null = null
    if (r.to !== null && x.documents[r.to]) to = docLabel(x.documents[r.to]!)
    else if (r.campaign) to = `campaign:${r.campaign}`
    else if (r.event !== null && r.event !== undefined && x.events[r.event]) {
      const e = x.events[r.event]!
      to = `event:${e.kind}:${e.ordinal ?? ''}`
    }
    if (to !== null) out.add(`${labelKey(docLabel(f))} ${r.relation} ${labelKey(to)}`)
  }
  return [...out]
}

/**
 * `documentsOnly`: compare only relations between two documents (the dev corpus labels no campaign or
 * congress relation, so predicting one there is no error).
 */
export function scoreRelations(
  items: ReadonlyArray<RelationItem>,
  opts: { documentsOnly?: boolean } = {}
): RelationScore {
  const s: RelationScore = {
    texts: items.length,
    tp: 0,
    fp: 0,
    fn: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    errors: [],
  }
  for (const it of items) {
    const x = extract(it.text, { id: it.id, published: it.published })
    const triples = predictedTriples(x)
    const pred = new Set(opts.documentsOnly ? triples.filter((t) => !/ (campaign|event):/.test(t)) : triples)
    const gold = new Set(it.relations.map((r) => `${labelKey(r.from)} ${r.relation} ${labelKey(r.to)}`))
    for (const p of pred)
      if (gold.has(p)) s.tp++
      else {
        s.fp++
        s.errors.push(`${it.id} FP ${p}`)
      }
    for (const g of gold)
      if (!pred.has(g)) {
        s.fn++
        s.errors.push(`${it.id} FN ${g}`)
      }
  }
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall)
  return s
}

const readJsonl = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => {
      if (l.trim() === '') return null
      try {
        return JSON.parse(l) as Record<string, unknown>
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`)
      }
    })
    .filter((v): v is Record<string, unknown> => v !== null)

export function loadRelationGold(file = relationsGoldFile): RelationItem[] {
  return readJsonl(file).map((v, i) => {
    if (typeof v.id !== 'string' || typeof v.text !== 'string' || !Array.isArray(v.relations))
      throw new Error(`${file}:${i + 1}: needs id, text and relations`)
    return {
      id: v.id,
      text: v.text.normalize('NFC'),
      published: typeof v.published === 'string' ? v.published : null,
      relations: v.relations as GoldRelation[],
    }
  })
}

/** The frozen split: the manifest's own `split`, else a hash of the id (one in four to test). */
export const splitOf = (id: string, given: unknown): 'dev' | 'test' =>
  given === 'test' || given === 'dev'
    ? given
    : createHash('sha256').update(id).digest()[0]! % 4 === 0
      ? 'test'
      : 'dev'

/** The dev corpus part with relation labels and a text, or null when the corpus is absent. */
export function loadDevCorpus(part: 'dev' | 'test', dir = devDir): RelationItem[] | null {
  const manifest = path.join(dir, 'manifest.jsonl')
  const texts = path.join(dir, 'texts.jsonl')
  if (!existsSync(manifest) || !existsSync(texts)) return null
  const byId = new Map<string, Record<string, unknown>>()
  for (const t of readJsonl(texts)) if (typeof t.id === 'string') byId.set(t.id, t)
  const out: RelationItem[] = []
  for (const m of readJsonl(manifest)) {
    const id = String(m.id ?? '')
    const labels = (m.labels ?? m) as Record<string, unknown>
    const rels = labels.relations
    const t = byId.get(id)
    const text = t?.text ?? t?.body_text
    if (!Array.isArray(rels) || typeof text !== 'string' || splitOf(id, m.split) !== part) continue
    const pub = m.published ?? m.published_at ?? t?.published ?? t?.published_at
    out.push({
      id,
      text: text.normalize('NFC'),
      published: typeof pub === 'string' ? pub.slice(0, 10) : null,
      relations: rels as GoldRelation[],
    })
  }
  return out
}

const pct = (v: number) => (100 * v).toFixed(1)

export const formatRelationScore = (name: string, s: RelationScore, maxErrors = 30): string =>
  [
    `${name}: ${s.texts} texts, P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`,
    ...s.errors.slice(0, maxErrors).map((e) => `  ${e}`),
    ...(s.errors.length > maxErrors ? [`  … ${s.errors.length - maxErrors} more`] : []),
  ].join('\n')

/** The relations section of `pnpm eval`. */
export function relationsReport(goldFile = relationsGoldFile, dir = devDir): string {
  const lines = ['== relations (issue #16)']
  const gold = scoreRelations(loadRelationGold(goldFile))
  lines.push(formatRelationScore(`gold set (${path.relative(dataDir, goldFile)})`, gold))
  const f1s = [`gold ${pct(gold.f1)}`]
  // The rules are tuned on the dev part (its misses are printed) and only scored on the frozen test part.
  for (const [part, name, errors, short] of [
    ['dev', 'dev corpus, dev part', 30, 'dev'],
    ['test', 'dev corpus, frozen test part', 0, 'frozen test'],
  ] as const) {
    const items = loadDevCorpus(part, dir)
    const labelled = items?.reduce((n, t) => n + t.relations.length, 0) ?? 0
    if (items === null) lines.push(`${name}: data/dev/manifest.jsonl or texts.jsonl absent, not scored`)
    else if (labelled === 0)
      lines.push(`${name}: ${items.length} texts but no relation labelled yet, no score`)
    else {
      const s = scoreRelations(items, { documentsOnly: true })
      lines.push(formatRelationScore(`${name} (${labelled} relations)`, s, errors))
      f1s.push(`${short} ${pct(s.f1)}`)
    }
  }
  // The three sets side by side (issue #16's goal is on the frozen test part).
  lines.push(`relations F1: ${f1s.join(' | ')} (goal ≥ 90.0 on frozen test)`)
  return lines.join('\n')
}
