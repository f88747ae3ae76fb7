import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error.ts'
import { p, pagination } from './params.ts'
import { querySchema } from './query-schema.ts'

const spec = { province: p.provinces('codes'), ...pagination(20, 200) }
const validate = (raw: Record<string, string | string[]>) => querySchema(spec)['~standard'].validate(raw)

describe('route parameters as a Standard Schema', () => {
  it('gives typed values with defaults, and the format', () => {
    expect(validate({ province: '20,40,20', limit: '5' })).toEqual({
      value: { province: ['20', '40'], limit: 5, offset: 0, format: 'json' },
    })
  })

  it('refuses unknown, repeated and malformed parameters with the bilingual error of the parameter', () => {
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ nope: '1' }, 'nope', 'unknown parameter'],
      [{ limit: ['1', '2'] }, 'limit', 'must be given once'],
      [{ limit: '0' }, 'limit', 'between 1 and 200'],
      [{ province: '2x' }, 'province', 'two digits'],
      [{ format: 'xml' }, 'format', 'one of json, csv, arrow'],
    ]
    for (const [raw, param, code] of cases) {
      const r = validate(raw)
      if (!('issues' in r) || !r.issues) throw new Error(`accepted ${JSON.stringify(raw)}`)
      const [issue] = r.issues
      expect(issue?.path).toEqual([param])
      expect(issue?.refusal).toBeInstanceOf(ApiError)
      expect(issue?.refusal.status).toBe(400)
      expect(issue?.refusal.en).toContain(code)
      expect(issue?.refusal.vi).toContain(`"${param}"`)
    }
  })
})
