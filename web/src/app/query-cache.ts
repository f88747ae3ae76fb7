/**
 * A small cache of GET answers by URL. A view and its filter controls ask for the same reference lists
 * (provinces, campaigns), and a user flips a filter back and forth: one request serves them all. Answers
 * live `ttlMs` (the server may publish a new version; a page reload always starts empty), failures are
 * not kept, and the oldest entry leaves once `max` are held.
 */
export interface QueryCache {
  readonly get: <T>(url: string) => Promise<T>
}

export const createQueryCache = (opts: {
  readonly fetch: (url: string) => Promise<unknown>
  readonly now: () => number
  readonly ttlMs: number
  readonly max: number
}): QueryCache => {
  const entries = new Map<string, { at: number; answer: Promise<unknown> }>()
  const get = <T>(url: string): Promise<T> => {
    const hit = entries.get(url)
    if (hit && opts.now() - hit.at < opts.ttlMs) return hit.answer as Promise<T>
    entries.delete(url)
    const answer = opts.fetch(url)
    // a failed answer is dropped, so the next ask tries again
    answer.catch(() => entries.get(url)?.answer === answer && entries.delete(url))
    entries.set(url, { at: opts.now(), answer })
    for (const key of entries.keys()) {
      if (entries.size <= opts.max) break
      entries.delete(key)
    }
    return answer as Promise<T>
  }
  return { get }
}
