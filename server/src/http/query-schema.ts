/**
 * A route's query parameters as a Standard Schema (https://standardschema.dev), validated by
 * `@hono/standard-validator`: the same declaration gives the handler its typed values
 * (`c.req.valid('query')`), the OpenAPI parameters and the 400 answers. Unknown or repeated
 * parameters, and values of the wrong shape, are refused naming the parameter in both languages.
 */
import { sValidator } from '@hono/standard-validator'
import type { Context } from 'hono'
import { ApiError, badParam } from './api-error.ts'
import { FORMAT_PARAM, type ParamSpec, type ParsedParams } from './params.ts'

type Format = 'json' | 'csv' | 'arrow'
export type QueryOf<S extends ParamSpec> = ParsedParams<S> & { format: Format }

/**
 * The query a client may send to a route whose parameters are `S` (type only: the web's typed client,
 * web/src/app/api.ts, reads it): exactly the names the route validates plus `format`, each optional.
 * Values travel as text, so their shape stays the server's to refuse (a 400 naming the parameter); an
 * empty value means "not given", as `parse` treats it.
 */
export type QueryInput<S extends ParamSpec> = {
  readonly [K in keyof S | 'format']?: string | number | null
}

/** The raw query as Hono's validator hands it over: one string, or several for a repeated name. */
type RawQuery = Record<string, string | string[]>

/** An issue (Standard Schema's shape) that keeps the bilingual refusal it came from. */
interface ParamIssue {
  readonly message: string
  readonly path: ReadonlyArray<PropertyKey>
  readonly refusal: ApiError
}

/** Standard Schema v1, declared here since its spec package is a types-only dependency of the validator. */
interface QuerySchema<O> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly types?: { readonly input: RawQuery; readonly output: O }
    readonly validate: (
      value: unknown
    ) => { readonly value: O; readonly issues?: undefined } | { readonly issues: ReadonlyArray<ParamIssue> }
  }
}

const parse = <S extends ParamSpec>(spec: S, raw: RawQuery): QueryOf<S> => {
  const allowed = new Set([...Object.keys(spec), 'format'])
  for (const [name, value] of Object.entries(raw)) {
    if (!allowed.has(name))
      throw badParam(
        name,
        `tham số không được hỗ trợ (cho phép: ${[...allowed].join(', ')})`,
        `unknown parameter (allowed: ${[...allowed].join(', ')})`
      )
    if (Array.isArray(value)) throw badParam(name, 'chỉ được truyền một lần', 'must be given once')
  }
  const one = (name: string): string | undefined => {
    const v = raw[name]
    return Array.isArray(v) ? v[0] : v
  }
  const out: Record<string, unknown> = {}
  for (const [name, param] of Object.entries(spec)) out[name] = param.parse(name, one(name))
  out.format = FORMAT_PARAM.parse('format', one('format'))
  return out as QueryOf<S>
}

export const querySchema = <S extends ParamSpec>(spec: S): QuerySchema<QueryOf<S>> => ({
  '~standard': {
    version: 1,
    vendor: 'thidua',
    validate(value) {
      try {
        return { value: parse(spec, (value ?? {}) as RawQuery) }
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        const issue: ParamIssue = { message: e.en, path: e.extra.param ? [e.extra.param] : [], refusal: e }
        return { issues: [issue] }
      }
    },
  },
})

/** The validating middleware: a refusal is thrown as the ApiError the parameter raised. */
export const validQuery = <S extends ParamSpec>(spec: S) =>
  sValidator('query', querySchema(spec), (result) => {
    if (result.success) return
    const first = result.error[0] as Partial<ParamIssue> | undefined
    throw first?.refusal ?? badParam('query', 'không hợp lệ', 'invalid')
  })

/** The validated query of a request that went through `validQuery`. */
export const validated = <S extends ParamSpec>(c: Context): QueryOf<S> =>
  (c.req as unknown as { valid(target: 'query'): QueryOf<S> }).valid('query')

/** Parses a query outside a route (the console's GET form). */
export const readQuery = <S extends ParamSpec>(c: Context, spec: S): QueryOf<S> =>
  parse(
    spec,
    Object.fromEntries(
      Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v])
    )
  )
