/**
 * Console requests. Unlike the dashboard's fetchJson these keep DuckDB's detail of a refusal, and send
 * the access token the reader entered (kept for this tab only, in sessionStorage) when the server asks
 * who they are.
 */
import type { Schema, SqlResult } from './types.ts'

const TOKEN_KEY = 'thidua.token'

export const readToken = (): string => {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? ''
  } catch {
    return ''
  }
}

export const writeToken = (token: string): void => {
  try {
    if (token === '') sessionStorage.removeItem(TOKEN_KEY)
    else sessionStorage.setItem(TOKEN_KEY, token)
  } catch {}
}

export class SqlFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly detail: string | null
  ) {
    super(en)
  }
}

const request = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
  const token = readToken()
  const headers = new Headers(init.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  let res: Response
  try {
    res = await fetch(url, { ...init, headers })
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    throw new SqlFailure(
      0,
      'network',
      `Không kết nối được máy chủ: ${msg}`,
      `Cannot reach the server: ${msg}`,
      null
    )
  }
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message_vi?: string; message_en?: string; detail?: string }
  } | null
  if (!res.ok) {
    const e = body?.error
    throw new SqlFailure(
      res.status,
      e?.code ?? 'http_error',
      e?.message_vi ?? `Lỗi ${res.status}`,
      e?.message_en ?? `Error ${res.status}`,
      e?.detail ?? null
    )
  }
  return body as T
}

export const runSql = (sql: string): Promise<SqlResult> =>
  request<SqlResult>('/api/sql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql }),
  })

export const fetchSchema = (): Promise<Schema> => request<Schema>('/api/sql/schema')
