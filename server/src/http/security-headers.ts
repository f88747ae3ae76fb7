/**
 * Security headers on every response (API, dashboard, errors) and CORS, which stays off unless
 * THIDUA_CORS_ORIGINS lists the origins allowed to call the API from another site.
 *
 * The CSP fits the Vite build: one module script and stylesheets from /assets (script-src 'self', no
 * inline script). Styles allow 'unsafe-inline' because ECharts writes its tooltips as HTML with style
 * attributes; style injection cannot run code, script injection can. data:/blob: images are the
 * favicon and the PNG/CSV exports.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // HSTS belongs to whoever terminates TLS (a reverse proxy); the server itself speaks plain HTTP.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: false, microphone: false, geolocation: false },
  })

/** Parses THIDUA_CORS_ORIGINS ("https://a.example,https://b.example"); empty means CORS off. */
export const parseCorsOrigins = (value: string | undefined): string[] => {
  const origins = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const o of origins) {
    let ok = false
    try {
      const u = new URL(o)
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o
    } catch {}
    if (!ok)
      throw new Error(`THIDUA_CORS_ORIGINS: "${o}" is not an origin (expected e.g. https://example.org)`)
  }
  return origins
}

/** CORS for the listed origins only; with none listed, no Access-Control-* header is ever sent. */
export const corsFor = (origins: ReadonlyArray<string>): MiddlewareHandler | null =>
  origins.length === 0
    ? null
    : cors({
        origin: (o) => (origins.includes(o) ? o : null),
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      })
