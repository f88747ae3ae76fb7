/**
 * Who may do what. Three roles: public (dashboard, JSON read API), analyst (the SQL console and every
 * CSV/Arrow download) and admin (sources, runs, the console audit log); each role includes the ones
 * before it. Credentials come from the environment, never from the database:
 *
 *   THIDUA_TOKENS="analyst/team-a:<sha256 hex of the token>,admin:$2b$10$…"   Authorization: Bearer <token>
 *   THIDUA_USERS="team-a:analyst:$2b$10$…"                                      Authorization: Basic (password)
 *
 * Only hashes are configured (SHA-256 for long random tokens, bcrypt for tokens or passwords), so the
 * environment never holds a usable secret. With neither variable set, access control is off and the
 * server binds to loopback only (see main.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import bcrypt from 'bcryptjs'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from './api-error.ts'

export type Role = 'public' | 'analyst' | 'admin'
type GrantedRole = Exclude<Role, 'public'>

export interface Principal {
  /** Label for the audit log: the token's label or role, the user name, or "anonymous"/"local". */
  readonly who: string
  readonly role: Role
}

interface Credential {
  readonly who: string
  readonly role: GrantedRole
  readonly kind: 'sha256' | 'bcrypt'
  readonly hash: string
}

export interface AccessConfig {
  readonly tokens: ReadonlyArray<Credential>
  readonly users: ReadonlyMap<string, Credential>
}

const RANK: Record<Role, number> = { public: 0, analyst: 1, admin: 2 }
const ROLES = 'analyst|admin'
const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/
const SHA256 = /^[0-9a-f]{64}$/i
/** Admin-only API prefixes: the pipeline's sources and runs, and the console audit log. */
const ADMIN_PREFIXES = ['/api/runs', '/api/sources', '/api/audit']

export const ANONYMOUS: Principal = { who: 'anonymous', role: 'public' }
/** The principal of every request when access control is off (loopback only). */
export const LOCAL: Principal = { who: 'local', role: 'admin' }

const grantedRole = (value: string, where: string): GrantedRole => {
  if (value === 'analyst' || value === 'admin') return value
  throw new Error(`${where}: role "${value}" is not one of ${ROLES}`)
}

const entries = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** Reads THIDUA_TOKENS and THIDUA_USERS; a malformed entry is one clear error line. */
export const parseAccessConfig = (env: Record<string, string | undefined>): AccessConfig => {
  const tokens = entries(env.THIDUA_TOKENS).map((entry, i): Credential => {
    const where = `THIDUA_TOKENS entry ${i + 1}`
    const colon = entry.indexOf(':')
    if (colon < 0) throw new Error(`${where}: expected ${ROLES}[/label]:<sha256 hex or bcrypt hash>`)
    const [roleText = '', label] = entry.slice(0, colon).split('/', 2)
    const role = grantedRole(roleText, where)
    const hash = entry.slice(colon + 1)
    const kind = SHA256.test(hash) ? 'sha256' : BCRYPT.test(hash) ? 'bcrypt' : null
    if (!kind) throw new Error(`${where}: the hash is neither 64 hex digits (SHA-256) nor a bcrypt hash`)
    return { who: label || role, role, kind, hash: kind === 'sha256' ? hash.toLowerCase() : hash }
  })
  const users = new Map<string, Credential>()
  entries(env.THIDUA_USERS).forEach((entry, i) => {
    const where = `THIDUA_USERS entry ${i + 1}`
    const [name = '', roleText = '', hash = '', ...rest] = entry.split(':')
    if (name === '' || rest.length > 0 || !BCRYPT.test(hash))
      throw new Error(`${where}: expected name:${ROLES}:<bcrypt hash>`)
    users.set(name, { who: name, role: grantedRole(roleText, where), kind: 'bcrypt', hash })
  })
  return { tokens, users }
}

export const accessConfigured = (cfg: AccessConfig): boolean => cfg.tokens.length > 0 || cfg.users.size > 0

/** The least role a request needs. */
export const requiredRole = (path: string, search: URLSearchParams): Role => {
  const p = path.toLowerCase()
  if (!p.startsWith('/api/')) return 'public'
  const under = (prefix: string) => p === prefix || p.startsWith(`${prefix}/`)
  if (ADMIN_PREFIXES.some(under)) return 'admin'
  if (under('/api/sql')) return 'analyst'
  const format = search.get('format')
  if (format !== null && format.toLowerCase() !== 'json') return 'analyst'
  return 'public'
}

export const allows = (have: Role, need: Role): boolean => RANK[have] >= RANK[need]

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest()

/**
 * Verifies credentials; bcrypt is slow by design, so each verified (or refused) secret is remembered
 * by its SHA-256 for the life of the process (bounded).
 */
export class Authenticator {
  private readonly seen = new Map<string, Principal | null>()
  constructor(
    readonly config: AccessConfig,
    private readonly maxSeen = 512
  ) {}

  /** null: no credentials sent; 'invalid': credentials that match nobody. */
  async authenticate(header: string | undefined): Promise<Principal | null | 'invalid'> {
    if (!header) return null
    const [scheme = '', ...restParts] = header.trim().split(/\s+/)
    const value = restParts.join(' ')
    if (value === '') return 'invalid'
    const key = `${scheme.toLowerCase()}\0${sha256(value).toString('hex')}`
    const known = this.seen.get(key)
    if (known !== undefined) return known ?? 'invalid'
    const found =
      scheme.toLowerCase() === 'bearer'
        ? await this.bearer(value)
        : scheme.toLowerCase() === 'basic'
          ? await this.basic(value)
          : null
    if (this.seen.size >= this.maxSeen) this.seen.delete(this.seen.keys().next().value as string)
    this.seen.set(key, found)
    return found ?? 'invalid'
  }

  private async bearer(token: string): Promise<Principal | null> {
    const digest = sha256(token)
    for (const t of this.config.tokens) {
      const ok =
        t.kind === 'sha256'
          ? timingSafeEqual(digest, Buffer.from(t.hash, 'hex'))
          : await bcrypt.compare(token, t.hash)
      if (ok) return { who: t.who, role: t.role }
    }
    return null
  }

  private async basic(encoded: string): Promise<Principal | null> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return null
    const user = this.config.users.get(decoded.slice(0, colon))
    if (!user) return null
    return (await bcrypt.compare(decoded.slice(colon + 1), user.hash))
      ? { who: user.who, role: user.role }
      : null
  }
}

const principals = new WeakMap<Context, Principal>()

/** The principal the access middleware found for this request (LOCAL when access control is off). */
export const principalOf = (c: Context): Principal => principals.get(c) ?? ANONYMOUS

const challenge = (cfg: AccessConfig): string =>
  cfg.users.size > 0 ? 'Basic realm="Thi Dua Atlas", charset="UTF-8"' : 'Bearer realm="Thi Dua Atlas"'

/** Authenticates every request and refuses what its role does not allow: 401 anonymous, 403 too low. */
export const accessControl = (auth: Authenticator | null): MiddlewareHandler => {
  return async (c, next) => {
    if (auth === null) {
      principals.set(c, LOCAL)
      return next()
    }
    const found = await auth.authenticate(c.req.header('authorization'))
    const headers = { 'WWW-Authenticate': challenge(auth.config) }
    if (found === 'invalid')
      throw new ApiError(
        401,
        'invalid_credentials',
        'Mã truy cập hoặc mật khẩu không đúng.',
        'Invalid access token or password.',
        { headers }
      )
    const principal = found ?? ANONYMOUS
    principals.set(c, principal)
    const need = requiredRole(c.req.path, new URL(c.req.url).searchParams)
    if (allows(principal.role, need) || c.req.method === 'OPTIONS') return next()
    if (found === null)
      throw new ApiError(
        401,
        'unauthorized',
        `Cần đăng nhập với vai trò ${need === 'admin' ? 'quản trị' : 'phân tích'} (mã truy cập hoặc mật khẩu).`,
        `Sign in as ${need} (access token or password) to use this.`,
        { headers }
      )
    throw new ApiError(
      403,
      'forbidden',
      `Vai trò ${principal.role} không được phép; cần vai trò ${need}.`,
      `Role ${principal.role} may not do this; it needs role ${need}.`
    )
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/**
 * Where to listen: without access control only loopback, whatever was asked, and one line that says
 * so; with it, the requested interface (default 127.0.0.1).
 */
export const bindAddress = (
  requested: string | undefined,
  controlled: boolean
): { host: string; notice: string | null } => {
  const want = requested ?? '127.0.0.1'
  if (controlled) return { host: want, notice: null }
  const host = LOOPBACK.has(want) ? want : '127.0.0.1'
  const refused = host === want ? '' : ` (not ${want})`
  return {
    host,
    notice: `[server] access control off (set THIDUA_TOKENS or THIDUA_USERS to enable it): listening on ${host} only${refused}`,
  }
}
