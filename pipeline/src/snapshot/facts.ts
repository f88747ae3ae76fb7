/** The shape of data/reference/corpus-facts.jsonl (see corpus-facts.README.md) and its loader. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { referenceDir } from '../paths.ts'

export interface FactDocument {
  readonly type: string
  readonly number: string | null
  readonly symbol: string | null
  readonly year_in_symbol: number | null
  readonly date: string | null
  readonly issuer: string | null
  readonly title_topic: string | null
}

export interface FactEvent {
  readonly kind: string
  readonly scope: string
  readonly place: string | null
  readonly ordinal: number | null
  readonly period: string | null
  readonly status: string
  readonly date: string | null
  readonly planned_time: string | null
}

export interface FactTime {
  readonly expression_kind: string
  readonly start: string
  readonly end: string
  readonly role: string
}

export interface Fact {
  readonly id: string
  readonly url: string
  readonly host: string
  readonly kind: string
  readonly province: string | null
  readonly province_code_2008: string | null
  readonly province_code_2025: string | null
  readonly published: string | null
  readonly year_hint: number | null
  readonly topic: string
  readonly headline_vi: string
  readonly summary_vi: string
  readonly documents: ReadonlyArray<FactDocument>
  readonly events: ReadonlyArray<FactEvent>
  readonly campaigns: ReadonlyArray<string>
  readonly campaigns_other: ReadonlyArray<string>
  readonly times: ReadonlyArray<FactTime>
  readonly figures: ReadonlyArray<{ readonly what: string; readonly value: number }>
  readonly people_roles: ReadonlyArray<{ readonly name: string; readonly role: string }>
}

export const loadFacts = (file = path.join(referenceDir, 'corpus-facts.jsonl')): Fact[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Fact
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})`)
      }
    })

export interface CampaignRef {
  readonly id: string
  readonly name_vi: string
}

export const loadCampaigns = (file = path.join(referenceDir, 'campaigns.json')): CampaignRef[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as CampaignRef[]).map((c) => ({ id: c.id, name_vi: c.name_vi }))

export interface ProvinceRef {
  readonly code: string
  readonly name_vi: string
  readonly full_name_vi: string
  readonly new_code_2025: string
}

/** Minimal CSV reader for the reference files (quoted fields with commas, doubled quotes). */
export const parseCsv = (text: string): Array<Record<string, string>> => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''))
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  const [header, ...body] = rows
  if (!header) return []
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

/** A provinces CSV of data/reference; `newCode` reads the unit's code in the 2025 system. */
const loadProvinceRefs = (file: string, newCode: (r: Record<string, string>) => string): ProvinceRef[] =>
  parseCsv(readFileSync(file, 'utf8')).map((r) => ({
    code: r.code ?? '',
    name_vi: r.name_vi ?? '',
    full_name_vi: r.full_name_vi ?? '',
    new_code_2025: newCode(r),
  }))

export const loadProvinces2008 = (file = path.join(referenceDir, 'provinces-2008.csv')): ProvinceRef[] =>
  loadProvinceRefs(file, (r) => r.new_code_2025 ?? '')

export const loadProvinces2025 = (file = path.join(referenceDir, 'provinces-2025.csv')): ProvinceRef[] =>
  loadProvinceRefs(file, (r) => r.code ?? '')
