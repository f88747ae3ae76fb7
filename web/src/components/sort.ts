/**
 * Sorting a table's rows by one column, as a reader expects: numbers by value, text in Vietnamese
 * alphabetical order, empty cells last in either direction. The sort is stable and returns a copy.
 */
type SortDir = 'asc' | 'desc'
export interface SortState {
  readonly key: string
  readonly dir: SortDir
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' })

const empty = (v: unknown) => v === null || v === undefined || v === ''

const compare = (a: unknown, b: unknown): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))

export const sortRows = <R extends Record<string, unknown>>(
  rows: ReadonlyArray<R>,
  s: SortState | null
): R[] => {
  if (s === null) return [...rows]
  const sign = s.dir === 'asc' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row[s.key]
      const b = y.row[s.key]
      if (empty(a) || empty(b)) return empty(a) === empty(b) ? x.i - y.i : empty(a) ? 1 : -1
      return sign * compare(a, b) || x.i - y.i
    })
    .map((x) => x.row)
}

/** A header click: a new column sorts ascending, the same column flips, a third click restores the order. */
export const nextSort = (s: SortState | null, key: string): SortState | null =>
  s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null
