/**
 * Query-string validation. Each route declares the parameters it accepts; anything else, or a value
 * of the wrong shape, is a 400 naming the parameter in Vietnamese and English.
 */
import { badParam } from './api-error.ts'

export interface Param<T> {
  /** For OpenAPI and docs. */
  readonly schema: Record<string, unknown>
  readonly description: string
  parse(name: string, raw: string | undefined): T
}

const PROVINCE_CODE = /^\d{2}$/
const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/

const isRealDate = (s: string): boolean => {
  const full = s.length === 7 ? `${s}-01` : s
  const d = new Date(`${full}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === full
}

export const p = {
  int(opts: { min: number; max: number; default: number; description: string }): Param<number> {
    return {
      schema: { type: 'integer', minimum: opts.min, maximum: opts.max, default: opts.default },
      description: opts.description,
      parse(name, raw) {
        if (raw === undefined || raw === '') return opts.default
        if (!/^-?\d+$/.test(raw))
          throw badParam(name, `phải là số nguyên, nhận "${raw}"`, `must be an integer, got "${raw}"`)
        const n = Number(raw)
        if (n < opts.min || n > opts.max)
          throw badParam(
            name,
            `phải trong khoảng ${opts.min}–${opts.max}`,
            `must be between ${opts.min} and ${opts.max}`
          )
        return n
      },
    }
  },
  optionalInt(opts: { min: number; max: number; description: string }): Param<number | null> {
    const inner = p.int({ ...opts, default: 0 })
    return {
      schema: { type: 'integer', minimum: opts.min, maximum: opts.max },
      description: opts.description,
      parse: (name, raw) => (raw === undefined || raw === '' ? null : inner.parse(name, raw)),
    }
  },
  choice<const T extends string>(values: ReadonlyArray<T>, def: T, description: string): Param<T> {
    const inner = p.optionalChoice(values, description)
    return {
      schema: { ...inner.schema, default: def },
      description,
      parse: (name, raw) => inner.parse(name, raw) ?? def,
    }
  },
  optionalChoice<const T extends string>(values: ReadonlyArray<T>, description: string): Param<T | null> {
    return {
      schema: { type: 'string', enum: values },
      description,
      parse(name, raw) {
        if (raw === undefined || raw === '') return null
        if (!(values as ReadonlyArray<string>).includes(raw))
          throw badParam(name, `chỉ nhận ${values.join(', ')}`, `must be one of ${values.join(', ')}`)
        return raw as T
      },
    }
  },
  /** YYYY-MM-DD or YYYY-MM (a month means its first day). */
  date(description: string): Param<string | null> {
    return {
      schema: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' },
      description,
      parse(name, raw) {
        if (raw === undefined || raw === '') return null
        if (!ISO_DATE.test(raw) || !isRealDate(raw))
          throw badParam(
            name,
            `phải là ngày dạng YYYY-MM-DD hoặc YYYY-MM, nhận "${raw}"`,
            `must be a date YYYY-MM-DD or YYYY-MM, got "${raw}"`
          )
        return raw.length === 7 ? `${raw}-01` : raw
      },
    }
  },
  /** Comma-separated two-digit GSO codes. */
  provinces(description: string, maxCount = 63): Param<string[]> {
    return {
      schema: { type: 'string', pattern: '^\\d{2}(,\\d{2})*$' },
      description,
      parse(name, raw) {
        if (raw === undefined || raw === '') return []
        const codes = raw.split(',').map((s) => s.trim())
        for (const c of codes)
          if (!PROVINCE_CODE.test(c))
            throw badParam(
              name,
              `mã tỉnh phải gồm 2 chữ số (vd. 20), nhận "${c}"`,
              `province codes are two digits (e.g. 20), got "${c}"`
            )
        if (codes.length > maxCount)
          throw badParam(name, `tối đa ${maxCount} tỉnh`, `at most ${maxCount} provinces`)
        return [...new Set(codes)]
      },
    }
  },
  text(opts: { maxLength: number; description: string; pattern?: RegExp }): Param<string | null> {
    return {
      schema: {
        type: 'string',
        maxLength: opts.maxLength,
        ...(opts.pattern ? { pattern: opts.pattern.source } : {}),
      },
      description: opts.description,
      parse(name, raw) {
        if (raw === undefined) return null
        const s = raw.normalize('NFC').trim()
        if (s === '') return null
        if (s.length > opts.maxLength)
          throw badParam(name, `dài tối đa ${opts.maxLength} ký tự`, `at most ${opts.maxLength} characters`)
        if (opts.pattern && !opts.pattern.test(s))
          throw badParam(
            name,
            `không đúng định dạng ${opts.pattern.source}`,
            `does not match ${opts.pattern.source}`
          )
        return s
      },
    }
  },
}

export type ParamSpec = Record<string, Param<unknown>>
export type ParsedParams<S extends ParamSpec> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never }

/** Parameters every table endpoint accepts besides its own. */
export const FORMAT_PARAM = p.choice(
  ['json', 'csv', 'arrow'] as const,
  'json',
  'Response format: JSON, CSV (UTF-8 with BOM) or Arrow IPC stream'
)

export const pagination = (defLimit = 50, maxLimit = 500) => ({
  limit: p.int({ min: 1, max: maxLimit, default: defLimit, description: 'Rows per page' }),
  offset: p.int({ min: 0, max: 1_000_000, default: 0, description: 'Rows to skip' }),
})

export const systemParam = p.choice(
  ['2008', '2025'] as const,
  '2025',
  'Province system: 2008 (63 units, to 2025-06-30) or 2025 (34 units)'
)
