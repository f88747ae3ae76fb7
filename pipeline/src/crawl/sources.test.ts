import { readFileSync } from 'node:fs'
import { Effect, Either, Exit } from 'effect'
import { describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { defaultSourcesFile, registryFile } from '../paths.ts'
import { loadProvinces2008, loadProvinces2025 } from '../snapshot/facts.ts'
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
  it("loads the snapshot's data/snapshot/sources.json: every entry valid, the four focus provinces present", async () => {
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

  it('refuses a bad registry field in one line naming it', () => {
    expect(errorOf([{ ...good, role: 'blog' }])).toContain(
      'field role: "blog" is not one of portal, newspaper'
    )
    expect(errorOf([{ ...good, evidence: [] }])).toMatch(/field evidence: /)
    expect(errorOf([{ ...good, evidence: ['somewhere on the web'] }])).toContain('must be a URL or github:')
    expect(errorOf([{ ...good, active_until: '30/06/2025' }])).toContain('field active_until: must be a date')
    expect(errorOf([{ ...good, platform_basis: 'unknown' }])).toContain(
      'an unknown platform is read as generic'
    )
    const ok = validateSources([
      {
        ...good,
        role: 'portal',
        platform_basis: 'the design notes',
        active_until: '2025-06-30',
        evidence: ['github:o/r@0123456789abcdef0123456789abcdef01234567:a/b.txt — names the site'],
      },
    ])
    expect(Either.isRight(ok)).toBe(true)
  })

  it('a missing or broken file is a clear error', async () => {
    const missing = await Effect.runPromiseExit(loadSources('/nonexistent/sources.json'))
    expect(Exit.isFailure(missing) && JSON.stringify(missing.cause)).toContain('cannot read sources file')
  })
})

describe('national registry (data/sources.json)', () => {
  const p2008 = loadProvinces2008()
  const p2025 = loadProvinces2025()
  let registry: SourceConfig[] = []
  const load = async () => {
    if (registry.length === 0) registry = await Effect.runPromise(loadSources(registryFile))
    return registry
  }

  it('is valid, every entry a role, a platform basis and evidence; hosts unique', async () => {
    const r = await load()
    for (const s of r) {
      expect(s.role, s.id).toBeDefined()
      expect(s.platform_basis, s.id).toBeTruthy()
      expect(s.evidence?.length ?? 0, s.id).toBeGreaterThan(0)
      expect(s.entry_points.length, s.id).toBeGreaterThan(0)
    }
    const hosts = r.flatMap(sourceHosts)
    expect(new Set(hosts).size).toBe(hosts.length)
    const codes = new Set([...p2008.map((p) => p.code), ...p2025.map((p) => p.code), null])
    for (const s of r) {
      expect(codes, s.id).toContain(s.province_code_2008)
      expect(codes, s.id).toContain(s.province_code_2025)
    }
  })

  it('covers every 2025 unit with a current portal and newspaper', async () => {
    const r = await load()
    expect(p2025).toHaveLength(34)
    for (const unit of p2025) {
      for (const role of ['portal', 'newspaper'] as const) {
        const current = r.filter(
          (s) => s.role === role && s.province_code_2025 === unit.code && s.active_until === undefined
        )
        expect(current.length, `${role} of ${unit.name_vi}`).toBe(1)
      }
    }
    expect(r.some((s) => s.role === 'emulation_board')).toBe(true)
  })

  it('covers every former province with its portal, dated to the merger when its unit ended', async () => {
    const r = await load()
    expect(p2008).toHaveLength(63)
    const unitName = new Map(p2025.map((u) => [u.code, u.name_vi]))
    for (const p of p2008) {
      const portals = r.filter((s) => s.role === 'portal' && s.province_code_2008 === p.code)
      expect(portals.length, p.name_vi).toBe(1)
      const portal = portals[0]!
      expect(portal.province_code_2025, p.name_vi).toBe(p.new_code_2025)
      // Huế kept its code and portal when it became a city; every other renamed unit ended on 2025-07-01.
      const survives = unitName.get(p.new_code_2025) === p.name_vi || p.code === '46'
      expect(portal.active_until, p.name_vi).toBe(survives ? undefined : '2025-06-30')
    }
  })
})
