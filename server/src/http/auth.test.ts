import { createHash } from 'node:crypto'
import bcrypt from 'bcryptjs'
import { describe, expect, it } from 'vitest'
import { countCsvRecords } from './audit.ts'
import {
  accessConfigured,
  allows,
  Authenticator,
  bindAddress,
  parseAccessConfig,
  requiredRole,
} from './auth.ts'
import { parseCorsOrigins } from './security-headers.ts'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const basic = (user: string, pw: string) => `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}`

describe('access configuration from the environment', () => {
  it('reads SHA-256 and bcrypt tokens with optional labels, and bcrypt users', () => {
    const hash = bcrypt.hashSync('pw', 4)
    const cfg = parseAccessConfig({
      THIDUA_TOKENS: ` analyst/team-a:${sha('t1').toUpperCase()} , admin:${hash}`,
      THIDUA_USERS: `reader:analyst:${hash}`,
    })
    expect(cfg.tokens.map((t) => [t.who, t.role, t.kind])).toEqual([
      ['team-a', 'analyst', 'sha256'],
      ['admin', 'admin', 'bcrypt'],
    ])
    expect(cfg.users.get('reader')?.role).toBe('analyst')
    expect(accessConfigured(cfg)).toBe(true)
    expect(accessConfigured(parseAccessConfig({}))).toBe(false)
  })

  it('refuses a malformed entry with one line naming the entry and the allowed values', () => {
    const bad = [
      [
        { THIDUA_TOKENS: `viewer:${sha('x')}` },
        'THIDUA_TOKENS entry 1: role "viewer" is not one of analyst|admin',
      ],
      [
        { THIDUA_TOKENS: `analyst:${sha('x')},admin:plaintext` },
        'THIDUA_TOKENS entry 2: the hash is neither',
      ],
      [{ THIDUA_TOKENS: 'analyst' }, 'THIDUA_TOKENS entry 1: expected analyst|admin[/label]'],
      [
        { THIDUA_USERS: 'someone:analyst:secret' },
        'THIDUA_USERS entry 1: expected name:analyst|admin:<bcrypt hash>',
      ],
    ] as const
    for (const [env, msg] of bad) {
      let caught: unknown
      try {
        parseAccessConfig(env)
      } catch (e) {
        caught = e
      }
      expect((caught as Error).message).toContain(msg)
      expect((caught as Error).message).not.toContain('\n')
    }
  })

  it('accepts only origins for CORS', () => {
    expect(parseCorsOrigins(undefined)).toEqual([])
    expect(parseCorsOrigins('https://a.example, http://b.example:8080')).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ])
    expect(() => parseCorsOrigins('https://a.example/path')).toThrow('is not an origin')
    expect(() => parseCorsOrigins('*')).toThrow('is not an origin')
  })
})

describe('roles', () => {
  const q = (s = '') => new URLSearchParams(s)
  it('maps routes to the least role they need', () => {
    expect(requiredRole('/', q())).toBe('public')
    expect(requiredRole('/compare', q('format=csv'))).toBe('public')
    expect(requiredRole('/api/documents', q())).toBe('public')
    expect(requiredRole('/api/documents', q('format=json'))).toBe('public')
    expect(requiredRole('/api/documents', q('format=csv'))).toBe('analyst')
    expect(requiredRole('/api/coverage', q('format=ARROW'))).toBe('analyst')
    expect(requiredRole('/api/sql', q())).toBe('analyst')
    expect(requiredRole('/api/sql/schema', q())).toBe('analyst')
    expect(requiredRole('/api/sqlx', q())).toBe('public')
    expect(requiredRole('/api/runs', q())).toBe('admin')
    expect(requiredRole('/api/Sources/ledger', q())).toBe('admin')
    expect(requiredRole('/api/audit/console', q())).toBe('admin')
  })
  it('orders roles public < analyst < admin', () => {
    expect(allows('admin', 'analyst')).toBe(true)
    expect(allows('analyst', 'analyst')).toBe(true)
    expect(allows('analyst', 'admin')).toBe(false)
    expect(allows('public', 'analyst')).toBe(false)
  })
})

describe('Authenticator', () => {
  const hash = bcrypt.hashSync('correct horse', 4)
  const cfg = parseAccessConfig({
    THIDUA_TOKENS: `analyst/team-a:${sha('tok-analyst')},admin:${bcrypt.hashSync('tok-admin', 4)}`,
    THIDUA_USERS: `reader:analyst:${hash}`,
  })
  const auth = new Authenticator(cfg, 4)

  it('knows bearer tokens (SHA-256 and bcrypt) and Basic passwords', async () => {
    expect(await auth.authenticate('Bearer tok-analyst')).toEqual({ who: 'team-a', role: 'analyst' })
    expect(await auth.authenticate('bearer   tok-admin')).toEqual({ who: 'admin', role: 'admin' })
    expect(await auth.authenticate(basic('reader', 'correct horse'))).toEqual({
      who: 'reader',
      role: 'analyst',
    })
    // Second time from the remembered verification, same answer.
    expect(await auth.authenticate(basic('reader', 'correct horse'))).toEqual({
      who: 'reader',
      role: 'analyst',
    })
  })

  it('tells missing credentials from wrong ones', async () => {
    expect(await auth.authenticate(undefined)).toBeNull()
    expect(await auth.authenticate('Bearer nope')).toBe('invalid')
    expect(await auth.authenticate('Bearer')).toBe('invalid')
    expect(await auth.authenticate(basic('reader', 'wrong'))).toBe('invalid')
    expect(await auth.authenticate(basic('nobody', 'correct horse'))).toBe('invalid')
    expect(await auth.authenticate('Digest abc')).toBe('invalid')
    // The bounded memory of verified secrets evicts old entries but keeps answering correctly.
    for (let i = 0; i < 6; i++) expect(await auth.authenticate(`Bearer wrong-${i}`)).toBe('invalid')
    expect(await auth.authenticate('Bearer tok-analyst')).toEqual({ who: 'team-a', role: 'analyst' })
  })
})

describe('bind address', () => {
  it('keeps an unconfigured server on loopback and says so in one line', () => {
    const open = bindAddress('0.0.0.0', false)
    expect(open.host).toBe('127.0.0.1')
    expect(open.notice).toMatch(/access control off .*127\.0\.0\.1 only \(not 0\.0\.0\.0\)$/)
    expect(open.notice).not.toContain('\n')
    expect(bindAddress(undefined, false).host).toBe('127.0.0.1')
    expect(bindAddress('::1', false).host).toBe('::1')
    expect(bindAddress('0.0.0.0', true)).toEqual({ host: '0.0.0.0', notice: null })
    expect(bindAddress(undefined, true).host).toBe('127.0.0.1')
  })
})

describe('CSV record count for the audit log', () => {
  it('counts records, not lines inside quoted cells', () => {
    expect(countCsvRecords('\uFEFFa,b\r\n1,2\r\n3,4\r\n')).toBe(2)
    expect(countCsvRecords('a,b\r\n"x\ny",2\r\n')).toBe(1)
    expect(countCsvRecords('a,b\r\n')).toBe(0)
    expect(countCsvRecords('a,b\r\n1,2')).toBe(1)
  })
})
