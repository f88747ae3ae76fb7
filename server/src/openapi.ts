/** OpenAPI 3.1 document generated from the registered routes (see http/route-docs.ts). */
import type { RouteDoc } from './http/route-docs.ts'
import { FORMAT_PARAM } from './http/params.ts'
import { requiredRole } from './http/auth.ts'

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message_vi', 'message_en'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string' },
        message_vi: { type: 'string' },
        message_en: { type: 'string' },
        param: { type: 'string' },
        detail: { type: 'string' },
      },
    },
  },
}

export const toOpenApiPath = (honoPath: string): string => honoPath.replace(/:([A-Za-z_]+)/g, '{$1}')

/** A response with the bilingual error body. */
const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
})

const parametersOf = (d: RouteDoc) => [
  ...Object.entries(d.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  })),
  ...Object.entries(d.params).map(([name, prm]) => ({
    name,
    in: 'query',
    required: false,
    description: prm.description,
    schema: prm.schema,
  })),
  ...(d.table
    ? [
        {
          name: 'format',
          in: 'query',
          required: false,
          description: FORMAT_PARAM.description,
          schema: FORMAT_PARAM.schema,
        },
      ]
    : []),
]

const okContentOf = (d: RouteDoc) => ({
  'application/json': { schema: { type: 'object' } },
  ...(d.table
    ? {
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.apache.arrow.stream': { schema: { type: 'string', format: 'binary' } },
      }
    : {}),
})

const responsesOf = (d: RouteDoc) => ({
  '200': { description: 'OK', content: okContentOf(d) },
  ...(d.method === 'get' ? { '304': { description: 'Not modified (ETag matched)' } } : {}),
  '400': failure('Invalid parameter (message in Vietnamese and English)'),
  '401': failure('Sign-in needed or wrong credentials (only when access control is configured)'),
  '403': failure('Role too low (analyst: console and CSV/Arrow; admin: sources, runs, audit)'),
  ...(d.pathParams ? { '404': failure('Not found') } : {}),
  ...(d.tag === 'sql' && d.method === 'post'
    ? {
        '403': failure('Statement not read-only, or file/network/extension/settings access'),
        '413': failure('Body too large'),
        '422': failure('Time limit exceeded (query interrupted)'),
        '429': failure('Rate limit exceeded (Retry-After header)'),
      }
    : {}),
})

const sqlBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['sql'], properties: { sql: { type: 'string' } } },
    },
  },
}

const operationOf = (d: RouteDoc) => {
  // Enforced only when THIDUA_TOKENS or THIDUA_USERS is set; CSV/Arrow answers need analyst.
  const role = requiredRole(d.path, new URLSearchParams())
  return {
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    tags: [d.tag],
    operationId: `${d.method}${toOpenApiPath(d.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
    parameters: parametersOf(d),
    'x-required-role': role,
    ...(role === 'public' ? {} : { security: [{ bearerToken: [] }, { password: [] }] }),
    responses: responsesOf(d),
    ...(d.method === 'post' ? { requestBody: sqlBody } : {}),
  }
}

export const buildOpenApi = (docs: ReadonlyArray<RouteDoc>, version: string) => {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const d of docs) {
    const key = toOpenApiPath(d.path)
    paths[key] = { ...(paths[key] ?? {}), [d.method]: operationOf(d) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Thi Đua Atlas API',
      version,
      description:
        'Provinces, campaigns, coverage, timelines, trends, documents, articles, pipeline health and a read-only SQL console over the published DuckDB database. Errors are JSON with message_vi and message_en.',
    },
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token listed (hashed) in THIDUA_TOKENS',
        },
        password: { type: 'http', scheme: 'basic', description: 'A user listed in THIDUA_USERS' },
      },
    },
  }
}
