/** Fetching from the API with loading/error state, and client-side CSV export. */
import { useEffect, useState } from 'react'
import { createQueryCache } from './query-cache.ts'

export interface Table<R = Record<string, unknown>> {
  readonly columns: string[]
  readonly rows: R[]
  readonly total?: number
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly vi: string,
    readonly en: string
  ) {
    super(en)
  }
}

export const fetchJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init)
  const body = (await res.json().catch(() => null)) as {
    error?: { message_vi: string; message_en: string }
  } | null
  if (!res.ok)
    throw new ApiFailure(
      res.status,
      body?.error?.message_vi ?? `Lỗi ${res.status}`,
      body?.error?.message_en ?? `Error ${res.status}`
    )
  return body as T
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiFailure | Error }
  | { state: 'ready'; data: T }

/** GET answers shared by the views for half a minute (see query-cache.ts). */
const queries = createQueryCache({
  fetch: (url) => fetchJson(url),
  now: () => Date.now(),
  ttlMs: 30_000,
  max: 100,
})

export const useApi = <T>(url: string | null): Loadable<T> => {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' })
  useEffect(() => {
    if (url === null) return
    let live = true
    setValue({ state: 'loading' })
    queries
      .get<T>(url)
      .then((data) => live && setValue({ state: 'ready', data }))
      .catch((error: Error) => live && setValue({ state: 'error', error }))
    return () => {
      live = false
    }
  }, [url])
  return value
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const toCsv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<Record<string, unknown>>): string =>
  `\uFEFF${[columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`

const downloadBlob = (name: string, blob: Blob): void => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export const downloadCsv = (
  name: string,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, unknown>>
): void => downloadBlob(`${name}.csv`, new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }))
