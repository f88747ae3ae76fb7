/**
 * Loads and validates the list of sources (data/sources.json; format in docs/sources.md). Every error
 * names the entry (index and id) and the field, so a bad edit to the file is fixed in one look.
 */
import { readFile } from 'node:fs/promises'
import { Data, Effect, Either, ParseResult, Schema } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import { defaultSourcesFile } from '../paths.ts'

export class SourcesError extends Data.TaggedError('SourcesError')<{ readonly message: string }> {}

const HttpUrl = Schema.String.pipe(
  Schema.filter((s) => {
    try {
      const u = new URL(s)
      return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'must be an http(s) URL'
    } catch {
      return 'must be an absolute URL'
    }
  })
)
const ProvinceCode = Schema.NullOr(
  Schema.String.pipe(Schema.pattern(/^\d{2}$/, { message: () => 'must be a two-digit GSO code or null' }))
)
const Host = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9.-]+(?::\d{1,5})?$/, {
    message: () => 'must be a lower-case host name (with :port if not the default) without scheme',
  })
)
const PositiveInt = Schema.Int.pipe(Schema.positive())

/** Platforms with their own URL shapes (crawl/classify.ts); anything else is "generic". */
export const PLATFORMS = [
  'nukeviet',
  'gov-portal',
  'liferay',
  'drupal',
  'wordpress',
  'newspaper-post',
  'baonghean',
  'generic',
] as const

const KINDS = ['portal', 'newspaper', 'tv', 'other'] as const
const ROLES = ['portal', 'newspaper', 'emulation_board'] as const

/** One evidence item: an http(s) URL or `github:owner/repo@commit:path`, optionally followed by ` — note`. */
const EVIDENCE_REF = /^(https?:\/\/\S+|github:[\w.-]+\/[\w.-]+@[0-9a-f]{40}:\S+)( — .+)?$/
const Evidence = Schema.NonEmptyArray(
  Schema.String.pipe(
    Schema.pattern(EVIDENCE_REF, {
      message: () => 'must be a URL or github:owner/repo@commit:path, optionally followed by " — note"',
    })
  )
)
const IsoDay = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/, { message: () => 'must be a date YYYY-MM-DD' })
)

/** The offending value of a schema issue, quoted as JSON (for one-line messages). */
const issueActual = (issue: ParseResult.ParseIssue): string => JSON.stringify(issue.actual) ?? 'undefined'

/**
 * One of `values`; anything else fails in one line naming them all (override: not one "Expected …"
 * line per literal).
 */
const oneOf = <const L extends readonly [string, ...string[]]>(values: L) =>
  Schema.Literal(...values).annotations({
    message: (issue) => ({
      message: `${issueActual(issue)} is not one of ${values.join(', ')}`,
      override: true,
    }),
  })

export const SourceConfigSchema = Schema.Struct({
  id: Schema.String.pipe(
    Schema.pattern(/^[a-z0-9][a-z0-9._-]*$/, { message: () => 'must be a lower-case slug (a-z 0-9 . _ -)' })
  ),
  name: Schema.NonEmptyString,
  kind: Schema.optionalWith(
    oneOf(KINDS),
    // exact: JSON has no undefined, and an `| undefined` member would add its own "Expected" line.
    { exact: true }
  ),
  province_code_2008: ProvinceCode,
  province_code_2025: ProvinceCode,
  platform: oneOf(PLATFORMS),
  base_url: HttpUrl,
  entry_points: Schema.Array(HttpUrl),
  extra_hosts: Schema.optional(Schema.Array(Host)),
  max_per_host: Schema.optional(PositiveInt.pipe(Schema.lessThanOrEqualTo(16))),
  min_delay_ms: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
  max_pages: Schema.optional(PositiveInt),
  role: Schema.optionalWith(oneOf(ROLES), { exact: true }),
  platform_basis: Schema.optional(Schema.NonEmptyString),
  active_until: Schema.optional(IsoDay),
  evidence: Schema.optional(Evidence),
})

/** Hosts (`host` or `host:port`) that belong to a source: the base URL's host plus its extra hosts. */
export const sourceHosts = (s: SourceConfig): ReadonlyArray<string> => [
  new URL(s.base_url).host,
  ...(s.extra_hosts ?? []),
]

const describeEntry = (raw: unknown, index: number): string => {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : undefined
  return typeof id === 'string' ? `entry ${index} ("${id}")` : `entry ${index}`
}

/** Validate already-parsed JSON; `origin` names the file in messages. */
export function validateSources(
  json: unknown,
  origin = 'sources'
): Either.Either<SourceConfig[], SourcesError> {
  if (!Array.isArray(json)) {
    return Either.left(new SourcesError({ message: `${origin}: expected a JSON array of sources` }))
  }
  const out: SourceConfig[] = []
  const problems: string[] = []
  const seenIds = new Map<string, number>()
  const hostOwner = new Map<string, string>()
  json.forEach((raw, index) => {
    const decoded = Schema.decodeUnknownEither(SourceConfigSchema, {
      onExcessProperty: 'error',
      errors: 'all',
    })(raw)
    if (Either.isLeft(decoded)) {
      for (const issue of ParseResult.ArrayFormatter.formatErrorSync(decoded.left)) {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)'
        problems.push(`${describeEntry(raw, index)}: field ${field}: ${issue.message}`)
      }
      return
    }
    const s = decoded.right as SourceConfig
    const prior = seenIds.get(s.id)
    if (prior !== undefined)
      problems.push(`${describeEntry(raw, index)}: field id: duplicates entry ${prior}`)
    seenIds.set(s.id, index)
    if (s.platform_basis === 'unknown' && s.platform !== 'generic')
      problems.push(`${describeEntry(raw, index)}: field platform: an unknown platform is read as generic`)
    const hosts = sourceHosts(s)
    s.entry_points.forEach((e, i) => {
      const h = new URL(e).host
      if (!hosts.includes(h)) {
        problems.push(
          `${describeEntry(raw, index)}: field entry_points.${i}: host ${h} is not the source's (${hosts.join(', ')}); add it to extra_hosts`
        )
      }
    })
    for (const h of hosts) {
      const owner = hostOwner.get(h)
      if (owner !== undefined && owner !== s.id) {
        problems.push(`${describeEntry(raw, index)}: field base_url: host ${h} already belongs to "${owner}"`)
      }
      hostOwner.set(h, s.id)
    }
    out.push(s)
  })
  if (problems.length > 0) {
    return Either.left(
      new SourcesError({ message: `${origin}: invalid sources\n  ${problems.join('\n  ')}` })
    )
  }
  return Either.right(out)
}

/** Read and validate a sources file (JSON). */
export const loadSources = (file: string = defaultSourcesFile) =>
  Effect.gen(function* () {
    const text = yield* Effect.tryPromise({
      try: () => readFile(file, 'utf8'),
      catch: (e) => new SourcesError({ message: `cannot read sources file ${file}: ${String(e)}` }),
    })
    if (/\.ya?ml$/i.test(file)) {
      return yield* new SourcesError({
        message: `${file}: YAML is not supported in this build (no YAML parser installed); use JSON`,
      })
    }
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (e) =>
        new SourcesError({ message: `${file}: not valid JSON: ${e instanceof Error ? e.message : e}` }),
    })
    return yield* Either.match(validateSources(json, file), { onLeft: Effect.fail, onRight: Effect.succeed })
  })
