/** Small SQL builders shared by the query modules. Values always travel as bound parameters. */
export type Params = Record<string, string | number | boolean | null>

/** `col IN ($p0, $p1, ...)` with the values added to `params`; empty list means no filter. */
export const inList = (
  col: string,
  values: ReadonlyArray<string>,
  params: Params,
  prefix: string
): string => {
  if (values.length === 0) return 'TRUE'
  const names = values.map((v, i) => {
    params[`${prefix}${i}`] = v
    return `$${prefix}${i}`
  })
  return `${col} IN (${names.join(', ')})`
}

export const where = (conds: ReadonlyArray<string>): string => {
  const real = conds.filter((c) => c !== 'TRUE')
  return real.length ? `WHERE ${real.join(' AND ')}` : ''
}

/** The province column of `articles` for a unit system. */
export const provinceCol = (system: '2008' | '2025', alias = 'a'): string =>
  `${alias}.province_code_${system}`
