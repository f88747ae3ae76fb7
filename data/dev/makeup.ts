/**
 * Prints the corpus make-up tables of data/dev/README.md from manifest.jsonl (no texts needed).
 * Run: npx tsx data/dev/makeup.ts
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type Row = Record<string, unknown> & { site: string; split: string; published: string | null; province_code: string | null }
const DIR = new URL('.', import.meta.url).pathname
const rows = readFileSync(join(DIR, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row)

/** Coarse site kind from the host name (a heuristic, stated as such in the README). */
export function siteKind(site: string): string {
  if (/hethongphapluat|thuvienphapluat|vanban123|phapluatcongdong|lingo\.vn|vbpl\.vn|nhansu\.vn|hoatieu|truyenhinhcapsongthu|dqtv\.vn/.test(site)) return 'legal database'
  if (/dangcongsan|dcs\.vn|tinhuy|huyenuy|danguy|tapchicongsan|tuyengiao/.test(site)) return 'party'
  if (/mattran|mttq|hoilhpn|cuuchienbinh|congdoan|nhandao|redcross|hoinongdan|hnd\.|tuoitre|doanthanhnien/.test(site)) return 'mass organisation'
  if (/\.gov\.vn$/.test(site)) return site.split('.').length >= 4 && !site.startsWith('www.') ? 'district/commune/department portal' : 'provincial or central portal'
  if (/tv\.vn|vtv|vov|thvl|truyenhinh|vnews|btv\.org/.test(site)) return 'radio/TV'
  if (/^(bao|m\.bao|www\.bao)|tienphong|nhandan|vietnamplus|vnexpress|thanhnien|nld|sggp|plo|vtcnews|znews|soha|kienthuc|laodong|cand|qdnd|daidoanket|vneconomy|vietnamnet|24h|cafef|tamnhin|congthuong|suckhoedoisong|anninhthudo|hanoimoi|kinhtedothi|nongnghiep|bnews|enternews|thoibao|tapchi|vanhoa|doanhnghiep|thuonghieu|nghean24h|phunuvietnam|nguoihanoi|baomoi|xosobinhdinh|laodongthudo|saigon/.test(site)) return 'newspaper/magazine'
  return 'other (school, company, aggregator)'
}

const count = <T,>(xs: T[]): Map<T, number> => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>())
const table = (title: string, m: Map<string, number>): string =>
  `| ${title} | excerpts |\n|---|---|\n` + [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `| ${k} | ${v} |`).join('\n')

const list = (r: Row, k: string): Record<string, unknown>[] => (r[k] as Record<string, unknown>[]) ?? []
const test = rows.filter((r) => r.split === 'test')
console.log(`${rows.length} excerpts (${test.length} test = ${((100 * test.length) / rows.length).toFixed(1)} %), ` +
  `${new Set(rows.map((r) => r.site)).size} sites, ${new Set(rows.map((r) => r.province_code).filter(Boolean)).size} provinces (2008 codes)\n`)
console.log(table('site kind', count(rows.map((r) => siteKind(r.site)))) + '\n')
console.log(table('published year', count(rows.map((r) => (r.published ? r.published.slice(0, 4) : 'unknown')))) + '\n')
// Year an excerpt is about: its publication date, else the latest labelled time that is not a long
// period (a proxy, since most stored excerpts carry no date line).
const about = (r: Row): string => {
  if (r.published) return r.published.slice(0, 7)
  const ends = list(r, 'times').filter((t) => t.granularity !== 'period').map((t) => String(t.end)).filter((e) => e <= '2026-12-31').sort()
  return ends.length ? ends[ends.length - 1]!.slice(0, 7) : 'unknown'
}
console.log(table('year it is about (published, else latest labelled time)', count(rows.map((r) => (about(r) === 'unknown' ? 'unknown' : about(r).slice(0, 4))))) + '\n')
console.log(table('about vs 1 July 2025', count(rows.map((r) => { const a = about(r); return a === 'unknown' ? 'unknown' : a >= '2025-07' ? 'on/after' : 'before' }))) + '\n')
console.log(table('published vs 1 July 2025', count(rows.map((r) => (!r.published ? 'unknown' : r.published >= '2025-07-01' ? 'on/after' : 'before')))) + '\n')
const ev = rows.flatMap((r) => list(r, 'events'))
const labels = new Map<string, number>([
  ['documents', rows.reduce((a, r) => a + list(r, 'documents').length, 0)],
  ['events', ev.length],
  ['campaign tags (ids)', rows.reduce((a, r) => a + (r.campaigns as string[]).filter((c) => !c.startsWith('candidate:')).length, 0)],
  ['campaign tags (candidate:)', rows.reduce((a, r) => a + (r.campaigns as string[]).filter((c) => c.startsWith('candidate:')).length, 0)],
  ['times', rows.reduce((a, r) => a + list(r, 'times').length, 0)],
  ['relations', rows.reduce((a, r) => a + list(r, 'relations').length, 0)],
  ['excerpts with no label of any kind except times', rows.filter((r) => ['documents', 'events', 'campaigns', 'relations'].every((k) => (r[k] as unknown[]).length === 0)).length],
])
console.log(table('label', labels) + '\n')
console.log(table('event kind / organisation', count(ev.map((e) => `${e.kind}${e.organization ? ' / ' + e.organization : ''}`))) + '\n')
console.log(table('event scope', count(ev.map((e) => String(e.scope)))) + '\n')
console.log(table('relation', count(rows.flatMap((r) => list(r, 'relations')).map((x) => String(x.relation)))) + '\n')
console.log(table('province (2008 code)', count(rows.map((r) => r.province_code ?? 'none (national)'))))
