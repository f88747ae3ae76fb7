/**
 * Saved queries live in this browser (localStorage) and travel as links: the statement is in the URL
 * (`/sql?q=…&view=bar`), so a link opens the same query and chart anywhere, with nothing stored on the
 * server. The console never runs a query from a link by itself; the reader presses Run.
 */
import { RESULT_VIEWS, type ResultView } from './types.ts'

export interface SavedQuery {
  readonly name: string
  readonly sql: string
  readonly view: ResultView
  readonly saved_at: string
}

const KEY = 'thidua.sql.saved'
const MAX_SAVED = 100

const isSaved = (v: unknown): v is SavedQuery => {
  const o = v as Partial<SavedQuery> | null
  return (
    typeof o?.name === 'string' &&
    typeof o.sql === 'string' &&
    typeof o.saved_at === 'string' &&
    RESULT_VIEWS.includes(o.view as ResultView)
  )
}

export const loadSaved = (): SavedQuery[] => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isSaved) : []
  } catch {
    return []
  }
}

const store = (list: ReadonlyArray<SavedQuery>): void => {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX_SAVED)))
  } catch {
    // Storage full or disabled (private mode): the link still carries the query.
  }
}

/** Saves under `name`, replacing a query of the same name; newest first. */
export const saveQuery = (q: Omit<SavedQuery, 'saved_at'>, now = new Date()): SavedQuery[] => {
  const next = [{ ...q, saved_at: now.toISOString() }, ...loadSaved().filter((s) => s.name !== q.name)]
  store(next)
  return next
}

export const deleteSaved = (name: string): SavedQuery[] => {
  const next = loadSaved().filter((s) => s.name !== name)
  store(next)
  return next
}

/** Path and query string of the console showing `sql` (relative; the origin is the reader's). */
export const shareHref = (sql: string, view: ResultView): string => {
  const qs = new URLSearchParams({ q: sql })
  if (view !== 'table') qs.set('view', view)
  return `/sql?${qs.toString()}`
}

export const viewFrom = (raw: string | null): ResultView =>
  RESULT_VIEWS.includes(raw as ResultView) ? (raw as ResultView) : 'table'
