/**
 * Least-recently-used bookkeeping on a plain Map (insertion order = use order), shared by the
 * per-version result cache, the search answers and the search workers.
 */

/** The value of `key`, marked most recently used (moved to the end), or undefined. */
export const lruGet = <K, V>(map: Map<K, V>, key: K): V | undefined => {
  const v = map.get(key)
  if (v === undefined) return undefined
  map.delete(key)
  map.set(key, v)
  return v
}

/** Sets `key` as most recently used, then drops the least recently used beyond `max` (each given to `evict`). */
export const lruSet = <K, V>(map: Map<K, V>, key: K, value: V, max: number, evict?: (v: V) => void): void => {
  map.delete(key)
  map.set(key, value)
  while (map.size > max) {
    const [oldKey, oldValue] = map.entries().next().value as [K, V]
    map.delete(oldKey)
    evict?.(oldValue)
  }
}
