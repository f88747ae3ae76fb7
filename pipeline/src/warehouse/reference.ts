/**
 * Loads the reference tables (provinces in both unit systems, lineage, aliases, campaigns, milestones,
 * national congresses) from data/reference/. Reloaded only when a file's content changed, so opening
 * the warehouse stays cheap and idempotent.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { referenceDir } from '../paths.ts'
import { inTransaction, queryRows, sqlString } from './db.ts'

/** The 63-unit system was valid from the Hà Tây merger (2008-08-01) to the eve of the 2025 reform. */
export const SYSTEM_2008_VALID_FROM = '2008-08-01'
export const SYSTEM_2008_VALID_TO = '2025-06-30'
export const SYSTEM_2025_VALID_FROM = '2025-07-01'

const FILES = [
  'provinces-2008.csv',
  'provinces-2025.csv',
  'province-lineage-2025.csv',
  'province-aliases.csv',
  'campaigns.json',
  'milestones.csv',
  'national-congresses.csv',
] as const

interface CampaignJson {
  readonly id: string
  readonly name_vi: string
  readonly launched_on?: string | null
  readonly launched_on_precision?: string | null
  readonly launched_by?: string | null
  readonly launching_document?: string | null
  readonly scope?: string | null
}

/** '2011-09-20' stays, '2000' becomes '2000-01-01', '2020-09' becomes '2020-09-01', anything else null. */
export const partialDateToIso = (s: string | null | undefined): string | null => {
  if (!s) return null
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s.trim())
  if (!m) return null
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`
}

const csv = (dir: string, f: string) =>
  `read_csv(${sqlString(path.join(dir, f))}, header = true, all_varchar = true)`

export const loadReferenceTables = async (
  conn: DuckDBConnection,
  dir: string = referenceDir
): Promise<{ reloaded: boolean }> => {
  const contents = FILES.map((f) => readFileSync(path.join(dir, f)))
  const hash = createHash('sha256')
  for (const c of contents) hash.update(c)
  const digest = hash.digest('hex')
  const state = await queryRows(conn, `SELECT content_hash FROM reference_state WHERE name = 'all'`)
  if (state[0]?.content_hash === digest) return { reloaded: false }

  const campaigns = JSON.parse(
    contents[FILES.indexOf('campaigns.json')]?.toString('utf8') ?? '[]'
  ) as CampaignJson[]
  if (!Array.isArray(campaigns)) throw new Error('campaigns.json must be a JSON array')

  await inTransaction(conn, async () => {
    for (const t of [
      'provinces',
      'province_lineage',
      'province_aliases',
      'campaigns',
      'milestones',
      'national_congresses',
    ])
      await conn.run(`DELETE FROM ${t}`)
    await conn.run(`INSERT INTO provinces
      SELECT code, '2008', name_vi, full_name_vi, name_ascii, slug, type, region_6,
        DATE '${SYSTEM_2008_VALID_FROM}', DATE '${SYSTEM_2008_VALID_TO}'
      FROM ${csv(dir, 'provinces-2008.csv')}`)
    await conn.run(`INSERT INTO provinces
      SELECT code, '2025', name_vi, full_name_vi, name_ascii, slug, type, old_regions_6,
        DATE '${SYSTEM_2025_VALID_FROM}', NULL
      FROM ${csv(dir, 'provinces-2025.csv')}`)
    await conn.run(`INSERT INTO province_lineage
      SELECT old_code, new_code, CAST(effective_date AS DATE), old_name, new_name, change, is_centre = 'yes'
      FROM ${csv(dir, 'province-lineage-2025.csv')}`)
    await conn.run(`INSERT INTO province_aliases
      SELECT alias, canonical_name_vi, nullif(code_2008, ''), nullif(code_2025, ''), alias_kind
      FROM ${csv(dir, 'province-aliases.csv')}`)
    await conn.run(`INSERT INTO milestones
      SELECT id, TRY_CAST(date AS DATE), event_vi, nullif(document, ''), nullif(issuer, '')
      FROM ${csv(dir, 'milestones.csv')}`)
    await conn.run(`INSERT INTO national_congresses
      SELECT CAST(number AS INTEGER), ordinal, name_vi, TRY_CAST(start_date AS DATE), TRY_CAST(end_date AS DATE), location
      FROM ${csv(dir, 'national-congresses.csv')}`)
    const app = await conn.createAppender('campaigns')
    for (const c of campaigns) {
      if (typeof c.id !== 'string' || typeof c.name_vi !== 'string')
        throw new Error(`campaigns.json: entry without id/name_vi: ${JSON.stringify(c).slice(0, 120)}`)
      app.appendVarchar(c.id)
      app.appendVarchar(c.name_vi)
      const d = partialDateToIso(c.launched_on)
      if (d) app.appendVarchar(d)
      else app.appendNull()
      for (const v of [c.launched_on_precision, c.launched_by, c.launching_document, c.scope]) {
        if (typeof v === 'string') app.appendVarchar(v)
        else app.appendNull()
      }
      app.endRow()
    }
    app.flushSync()
    app.closeSync()
    await conn.run(`INSERT OR REPLACE INTO reference_state VALUES ('all', ${sqlString(digest)})`)
  })
  return { reloaded: true }
}
