/**
 * Builds `texts.jsonl` (git-ignored) and `manifest.jsonl` (committed) from the hand-labelled batch
 * files in `raw/` (git-ignored). Shorthand so that labelling by hand stays fast; see README.md.
 * Run: npx tsx data/dev/build.ts
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = new URL('.', import.meta.url).pathname
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')
const nul = (s: string | undefined): string | null => (s === undefined || s === '' || s === '-' ? null : s.trim())
const num = (s: string | undefined): number | null => (nul(s) === null ? null : Number(s))

// 2008 code -> 2025 code, for event province codes (the guide keys events by the 2025 unit).
const to2025 = new Map<string, string>()
for (const line of readFileSync(join(DIR, '../reference/provinces-2008.csv'), 'utf8').split('\n').slice(1)) {
  const cells = line.split(',')
  if (cells.length > 13) to2025.set(cells[0]!, cells[12]!)
}

function time(spec: string): { start: string; end: string; granularity: string } {
  const s = spec.trim()
  let m: RegExpMatchArray | null
  const last = (y: number, mo: number): string => String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')
  if ((m = s.match(/^(\d{4})\.\.(\d{4})$/))) return { start: `${m[1]}-01-01`, end: `${m[2]}-12-31`, granularity: 'period' }
  if ((m = s.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) return { start: m[1]!, end: m[2]!, granularity: 'range' }
  if ((m = s.match(/^(\d{4}-\d{2}-\d{2})$/))) return { start: m[1]!, end: m[1]!, granularity: 'day' }
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) return { start: `${s}-01`, end: `${s}-${last(+m[1]!, +m[2]!)}`, granularity: 'month' }
  if ((m = s.match(/^(\d{4})Q([1-4])$/))) {
    const q = +m[2]!
    const a = String(q * 3 - 2).padStart(2, '0')
    const b = String(q * 3).padStart(2, '0')
    return { start: `${m[1]}-${a}-01`, end: `${m[1]}-${b}-${last(+m[1]!, q * 3)}`, granularity: 'quarter' }
  }
  if ((m = s.match(/^(\d{4})H([12])$/)))
    return m[2] === '1'
      ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30`, granularity: 'half' }
      : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31`, granularity: 'half' }
  if ((m = s.match(/^(\d{4})$/))) return { start: `${s}-01-01`, end: `${s}-12-31`, granularity: 'year' }
  throw new Error(`bad time: ${spec}`)
}

function event(spec: string): Record<string, unknown> {
  const [kind, scope, place, prov, ordinal, year, period, status, org, ...extra] = spec.split('|')
  const code = nul(prov)
  const e: Record<string, unknown> = {
    kind: kind!.trim(), scope: nul(scope), place: nul(place),
    province_code: code === null ? null : (to2025.get(code) ?? code),
    ordinal: num(ordinal), year: num(year), period: nul(period), status: nul(status), organization: nul(org),
  }
  for (const x of extra) {
    const [k, v] = x.split('=')
    if (!['planned_start', 'planned_end', 'held_on'].includes(k!.trim())) throw new Error(`bad event field ${x}`)
    e[k!.trim()] = v!.trim()
  }
  return e
}

function doc(spec: string): Record<string, unknown> {
  const [type, number, symbol, date, issuer, level, yis] = spec.split('|')
  return {
    type: type!.trim(), number: nul(number), symbol: nul(symbol)?.replace(/\s+/g, '') ?? null,
    year_in_symbol: num(yis), date: nul(date), issuer: nul(issuer), issuer_level: nul(level) ?? 'unknown',
  }
}

function relation(spec: string): Record<string, string> {
  const [from, rel, to] = spec.split('>').map((x) => x.trim())
  if (!from || !to || !['implements', 'amends', 'replaces', 'cites'].includes(rel!)) throw new Error(`bad relation ${spec}`)
  return { from, relation: rel!, to }
}

// Ids are snake_case; a piece that is not an id continues the previous candidate name (names hold commas).
function campaignList(val: string): string[] {
  const out: string[] = []
  for (const piece of val.split(',')) {
    const p = piece.trim()
    if (!p) continue
    if (/^(candidate:|[a-z0-9_]+$)/.test(p) || out.length === 0) out.push(p)
    else out[out.length - 1] += `,${piece}`
  }
  return out
}

type Item = { manifest: Record<string, unknown>; text: string }
function parse(block: string, file: string): Item {
  const [head, rest] = block.split('\n>>>\n')
  if (rest === undefined) throw new Error(`${file}: no text in block ${block.slice(0, 40)}`)
  const text = (JSON.parse(rest.trim()) as string).normalize('NFC')
  const lines = head!.split('\n')
  const id = lines[0]!.trim()
  const m: Record<string, unknown> = { id }
  const docs: unknown[] = [], events: unknown[] = [], times: unknown[] = [], rels: unknown[] = []
  let campaigns: string[] = []
  for (const l of lines.slice(1)) {
    const [key, ...v] = l.split(' ')
    const val = v.join(' ').trim()
    if (key === 'url:') m.url = val
    else if (key === 'pub:') m.published = nul(val)
    else if (key === 'prov:') m.province_code = nul(val)
    else if (key === 'q:') m.found_by = val
    else if (key === 'note:') m.note = val
    else if (key === 'D') docs.push(doc(val))
    else if (key === 'E') events.push(event(val))
    else if (key === 'C') campaigns = campaignList(val)
    else if (key === 'T') {
      for (const t of val.split(';')) if (t.trim()) times.push(time(t))
    }
    else if (key === 'R') rels.push(relation(val))
    else if (l.trim()) throw new Error(`${file} ${id}: bad line ${l}`)
  }
  m.site = new URL(String(m.url)).host.replace(/^www\./, '')
  m.sha256 = sha(text)
  m.chars = text.length
  m.head_sha256 = sha(text.slice(0, 64))
  Object.assign(m, { documents: docs, events, campaigns, times, relations: rels })
  return { manifest: m, text }
}

// Deterministic split by the site's registrable domain (svvn.tienphong.vn goes with tienphong.vn): test when
// the first byte of sha256(domain) < 96 (~3/8 of domains), then OVERRIDES (none so far).
export function domainOf(site: string): string {
  const parts = site.split('.')
  const k = parts.length > 2 && parts.at(-1) === 'vn' && /^(com|org|gov|edu|net|info|ac|int)$/.test(parts.at(-2)!) ? 3 : 2
  return parts.slice(-k).join('.')
}
// splits.json freezes every domain once it has a side, so a domain never changes side after the
// extraction rules were tuned on it. New domains take the hash rule; if the test part would fall under a
// third, new dev domains move to test in ascending hash order (deterministic).
const domainHash = (d: string): string => createHash('sha256').update(d).digest('hex')
function assignSplits(sites: string[]): Map<string, 'dev' | 'test'> {
  const frozenFile = join(DIR, 'splits.json')
  const frozen = JSON.parse(readFileSync(frozenFile, 'utf8')) as Record<string, 'dev' | 'test'>
  const count = new Map<string, number>()
  for (const s of sites) count.set(domainOf(s), (count.get(domainOf(s)) ?? 0) + 1)
  const side = new Map<string, 'dev' | 'test'>()
  for (const d of count.keys()) side.set(d, frozen[d] ?? (parseInt(domainHash(d).slice(0, 2), 16) < 96 ? 'test' : 'dev'))
  let test = [...count].filter(([d]) => side.get(d) === 'test').reduce((a, [, n]) => a + n, 0)
  const movable = [...count.keys()].filter((d) => !(d in frozen) && side.get(d) === 'dev').sort((a, b) => (domainHash(a) < domainHash(b) ? -1 : 1))
  for (const d of movable) {
    if (test * 3 >= sites.length) break
    side.set(d, 'test')
    test += count.get(d)!
  }
  const out: Record<string, 'dev' | 'test'> = { ...frozen }
  for (const [d, v] of side) out[d] = v
  writeFileSync(frozenFile, JSON.stringify(Object.fromEntries(Object.entries(out).sort()), null, 0).replace(/,"/g, ',\n"') + '\n')
  return side
}

const items: Item[] = []
for (const f of readdirSync(join(DIR, 'raw')).filter((x) => x.endsWith('.txt')).sort()) {
  const body = readFileSync(join(DIR, 'raw', f), 'utf8')
  for (const block of body.split(/^## /m).slice(1)) items.push(parse(block, f))
}
const seen = new Set<string>()
for (const it of items) {
  if (seen.has(String(it.manifest.id))) throw new Error(`duplicate id ${it.manifest.id}`)
  seen.add(String(it.manifest.id))
}
const order = ['id', 'url', 'site', 'province_code', 'published', 'found_by', 'split', 'sha256', 'chars', 'head_sha256']
const sides = assignSplits(items.map((i) => String(i.manifest.site)))
const lines = items.map(({ manifest: m }) => {
  m.split = sides.get(domainOf(String(m.site)))!
  const o: Record<string, unknown> = {}
  for (const k of [...order, 'documents', 'events', 'campaigns', 'times', 'relations', 'note']) if (k in m) o[k] = m[k]
  return JSON.stringify(o)
})
writeFileSync(join(DIR, 'manifest.jsonl'), lines.join('\n') + '\n')
writeFileSync(join(DIR, 'texts.jsonl'), items.map((i) => JSON.stringify({ id: i.manifest.id, text: i.text })).join('\n') + '\n')
const test = items.filter((i) => i.manifest.split === 'test').length
const sites = new Set(items.map((i) => i.manifest.site))
const provs = new Set(items.map((i) => i.manifest.province_code).filter(Boolean))
console.log(`${items.length} excerpts, ${test} test (${((100 * test) / Math.max(1, items.length)).toFixed(1)} %), ${sites.size} sites, ${provs.size} provinces`)
