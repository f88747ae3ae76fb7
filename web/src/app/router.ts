/**
 * A tiny history router: plain <a href> links, intercepted for same-origin navigation so views switch
 * without a reload. Filters live in the query string, so any URL reproduces its view.
 */
import { useCallback, useEffect, useState } from 'react'

const EVENT = 'thidua:navigate'

export const navigate = (to: string, opts: { replace?: boolean } = {}): void => {
  if (opts.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.dispatchEvent(new Event(EVENT))
}

export interface Location {
  readonly path: string
  readonly search: URLSearchParams
}

const current = (): Location => ({ path: location.pathname, search: new URLSearchParams(location.search) })

export const useLocation = (): Location => {
  const [loc, setLoc] = useState(current)
  useEffect(() => {
    const on = () => setLoc(current())
    window.addEventListener('popstate', on)
    window.addEventListener(EVENT, on)
    return () => {
      window.removeEventListener('popstate', on)
      window.removeEventListener(EVENT, on)
    }
  }, [])
  return loc
}

/** Intercepts clicks on same-origin links (keeps modifier-clicks and downloads native). */
export const installLinkInterception = (): (() => void) => {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    const a = (e.target as Element | null)?.closest?.('a')
    if (!a || a.target || a.hasAttribute('download')) return
    const url = new URL(a.href, location.href)
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return
    e.preventDefault()
    navigate(url.pathname + url.search)
    window.scrollTo(0, 0)
  }
  document.addEventListener('click', onClick)
  return () => document.removeEventListener('click', onClick)
}

/** Reads and writes query-string filters of the current view. */
export const useQuery = (): [URLSearchParams, (patch: Record<string, string | null | undefined>) => void] => {
  const { search } = useLocation()
  const set = useCallback((patch: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(location.search)
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k)
      else next.set(k, v)
    }
    const qs = next.toString()
    navigate(`${location.pathname}${qs ? `?${qs}` : ''}`, { replace: true })
  }, [])
  return [search, set]
}

export const href = (path: string, params: Record<string, string | number | null | undefined>): string => {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') qs.set(k, String(v))
  const s = qs.toString()
  return s ? `${path}?${s}` : path
}
