import type { TableResult } from '../db/duck-values.ts'

/** Queries return `count(*) OVER ()` as a `total` column; move it out of the rows. */
export const splitTotal = (t: TableResult): { table: TableResult; total: number } => {
  const i = t.columns.indexOf('total')
  if (i < 0) return { table: t, total: t.rows.length }
  const total = Number(t.rows[0]?.total ?? 0)
  return {
    total,
    table: {
      columns: t.columns.filter((_, j) => j !== i),
      types: t.types.filter((_, j) => j !== i),
      rows: t.rows.map(({ total: _t, ...rest }) => rest),
    },
  }
}
