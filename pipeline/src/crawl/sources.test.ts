import { readFileSync } from 'node:fs'
import { Effect, Either, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import { defaultSourcesFile } from '../paths.ts'
import { loadSources, sourceHosts, validateSources } from './sources.ts'

const good = {
  id: 'langson-portal',
  name: 'Cổng TTĐT tỉnh Lạng Sơn',
  province_code_2008: '20',
  province_code_2025: '20',
  platform: 'nukeviet',
  base_url: 'https://langson.gov.vn/',
  entry_points: ['https://langson.gov.vn/vi/news/rss/'],
}

const errorOf = (json: unknown): string => {
  const r = validateSources(json, 'test.json')
  if (Either.isRight(r)) throw new Error('expected a validation error')
  return r.left.message
}

describe('sources', () => {
  it('loads the shipped data/sources.json: every entry valid, the four focus provinces present', async () => {
    const sources = await Effect.runPromise(loadSources(defaultSourcesFile))
    expect(sources.length).toBe((JSON.parse(readFileSync(defaultSourcesFile, 'utf8')) as unknown[]).length)
    const provinces = new Set(sources.map((s) => s.province_code_2008))
    for (const code of ['20', '40', '10', '62']) expect(provinces).toContain(code) // Lạng Sơn, Nghệ An, Lào Cai, Kon Tum
  })

  it('names the entry and the field of each problem', () => {
    const msg = errorOf([
      good,
      { ...good, id: 'Bad Id', base_url: 'https://other.vn/' },
      { ...good, id: 'x', base_url: 'https://x.vn/', platform: 'joomla' },
      { ...good, id: 'y', base_url: 'ftp://y.vn/', province_code_2008: 20 },
    ])
    expect(msg).toContain('entry 1 ("Bad Id"): field id: must be a lower-case slug')
    expect(msg).toMatch(/entry 2 \("x"\): field platform: /)
    expect(msg).toContain('entry 3 ("y"): field base_url: must be an http(s) URL')
    expect(msg).toMatch(/entry 3 \("y"\): field province_code_2008: /)
  })

  it('refuses duplicate ids, shared hosts, foreign entry points and unknown fields', () => {
    expect(errorOf([good, good])).toContain('entry 1 ("langson-portal"): field id: duplicates entry 0')
    expect(errorOf([good, { ...good, id: 'twin' }])).toContain(
      'host langson.gov.vn already belongs to "langson-portal"'
    )
    expect(errorOf([{ ...good, entry_points: ['https://cdn.vn/rss'] }])).toContain(
      'field entry_points.0: host cdn.vn'
    )
    expect(errorOf([{ ...good, max_pagez: 3 }])).toContain('field max_pagez')
    expect(errorOf({ sources: [] })).toContain('expected a JSON array')
  })

  it('accepts extra hosts for entry points and reports the hosts of a source', () => {
    const r = validateSources([
      { ...good, extra_hosts: ['www.langson.gov.vn'], entry_points: ['https://www.langson.gov.vn/rss'] },
    ])
    expect(Either.isRight(r)).toBe(true)
    if (Either.isRight(r)) expect(sourceHosts(r.right[0]!)).toEqual(['langson.gov.vn', 'www.langson.gov.vn'])
  })

  it('a missing or broken file is a clear error', async () => {
    const missing = await Effect.runPromiseExit(loadSources('/nonexistent/sources.json'))
    expect(Exit.isFailure(missing) && JSON.stringify(missing.cause)).toContain('cannot read sources file')
  })
})
