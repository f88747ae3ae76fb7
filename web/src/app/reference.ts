/** Shared look-ups the views need: province names per system, campaign names. */
import { useMemo } from 'react'
import type {
  CampaignRow,
  ProvinceListRow as ProvinceRow,
} from '../../../server/src/routes/reference-types.ts'
import { useApi, type Loadable, type Table } from './api.ts'

export type System = '2008' | '2025'

export type { CampaignRow, ProvinceRow }

export const useProvinces = (system: System): Loadable<Table<ProvinceRow>> =>
  useApi('/api/provinces', { query: { system } })

export const useCampaigns = () => useApi('/api/campaigns', {})

export const useNameMap = <R extends Record<string, unknown>>(
  v: Loadable<Table<R>>,
  key: string,
  label: string
) =>
  useMemo(() => {
    const m = new Map<string, string>()
    if (v.state === 'ready') for (const r of v.data.rows) m.set(String(r[key]), String(r[label]))
    return m
  }, [v, key, label])

export const systemOf = (v: string | null): System => (v === '2008' ? '2008' : '2025')

export const MERGER_DATE = '2025-07-01'
