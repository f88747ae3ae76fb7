/** The national emulation movements of data/reference/campaigns.json, keyed by id. */
import { cached, ReferenceFileError, readReferenceText } from './files.ts'

export interface CampaignPhase {
  readonly period?: string
  readonly name?: string
  readonly document?: string
  readonly date?: string
  readonly note?: string
}

export interface Campaign {
  readonly id: string
  readonly name_vi: string
  readonly variants: ReadonlyArray<string>
  /** "YYYY-MM-DD", "YYYY" or null. */
  readonly launched_on: string | null
  readonly launched_on_precision: string
  readonly launched_by: string | null
  readonly launching_document: string | null
  readonly phases: ReadonlyArray<CampaignPhase>
  readonly scope: string
  readonly certain: boolean
  readonly notes: string
}

export const campaigns = cached((): ReadonlyArray<Campaign> => {
  const raw: unknown = JSON.parse(readReferenceText('campaigns.json'))
  if (!Array.isArray(raw)) throw new ReferenceFileError('campaigns.json is not an array')
  return raw.map((c: Record<string, unknown>, i) => {
    if (typeof c.id !== 'string' || typeof c.name_vi !== 'string') {
      throw new ReferenceFileError(`campaigns.json entry ${i} lacks id or name_vi`)
    }
    return {
      id: c.id,
      name_vi: c.name_vi,
      variants: Array.isArray(c.variants) ? c.variants.filter((v): v is string => typeof v === 'string') : [],
      launched_on: typeof c.launched_on === 'string' ? c.launched_on : null,
      launched_on_precision:
        typeof c.launched_on_precision === 'string' ? c.launched_on_precision : 'unknown',
      launched_by: typeof c.launched_by === 'string' ? c.launched_by : null,
      launching_document: typeof c.launching_document === 'string' ? c.launching_document : null,
      phases: Array.isArray(c.phases) ? (c.phases as CampaignPhase[]) : [],
      scope: typeof c.scope === 'string' ? c.scope : '',
      certain: c.certain === true,
      notes: typeof c.notes === 'string' ? c.notes : '',
    }
  })
})

const byId = cached(() => new Map(campaigns().map((c) => [c.id, c])))

export function campaignById(id: string): Campaign | null {
  return byId().get(id) ?? null
}

/** The launch date as an ISO day when it is known to at least the year ("2000" → "2000-01-01"). */
export function campaignLaunchDay(c: Campaign): string | null {
  if (!c.launched_on) return null
  return /^\d{4}$/.test(c.launched_on) ? `${c.launched_on}-01-01` : c.launched_on
}
