/**
 * The engine of `thidua extract`, without Effect: JSON lines `{"id","text","published"?,"province"?}`
 * in, one JSON line per input out (the contract of pipeline/src/extract/batch.ts). The full command
 * (commands/extract.ts) and the fast start-up path (fast.ts) both run it.
 */
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { DocumentMention, Extraction } from '../domain/extraction.ts'
import { CliError, cliError } from './messages.ts'

export interface ExtractCounts {
  readonly lines: number
  readonly failed: number
}

type LineResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly error: string }

const PROVINCE_HINT = 'a province code or name of either unit system, e.g. "20" or "Lạng Sơn"'

/** The line's `province` as a 2008 code, null when absent, or an error reason. */
const provinceOf = (
  raw: string,
  resolve: (v: string) => string | null
): { code: string | null } | { error: string } => {
  // Most corpora carry no province: skip the second parse for them.
  if (!raw.includes('"province"')) return { code: null }
  const v = (JSON.parse(raw) as { province?: unknown }).province
  if (v === undefined || v === null) return { code: null }
  if (typeof v !== 'string') return { error: `"province" must be ${PROVINCE_HINT}` }
  const code = resolve(v)
  return code === null ? { error: `"province" must be ${PROVINCE_HINT} (got '${v}')` } : { code }
}

/** A document as the real corpus labels it: "<type> <number>/<symbol>" ("plan 45/KH-UBND"), no symbol: "<type> <number>". */
export const documentLabel = (d: DocumentMention): string =>
  `${d.type} ${d.number}${d.symbol ? `/${d.symbol}` : ''}`

/**
 * The relations of one text (issue #16) in the columns of the warehouse's relation_mentions rows, plus
 * both documents' labels (document_relations' ids need the article's province, which a line may lack).
 */
export const relationRows = (x: Extraction): Array<Record<string, unknown>> =>
  (x.relations ?? []).map((r) => {
    const to = r.to === null ? undefined : x.documents[r.to]
    return {
      relation: r.relation,
      from_mention: r.from,
      to_mention: r.to,
      campaign_id: r.campaign ?? null,
      event_mention: r.event ?? null,
      from_document: x.documents[r.from] ? documentLabel(x.documents[r.from]!) : null,
      to_document: to ? documentLabel(to) : null,
      span_start: r.start,
      span_end: r.end,
    }
  })

/** The extractor, loaded on first use so `thidua --help` does not pay for it. */
const loadExtractor = async (): Promise<(raw: string, lineNo: number) => LineResult> => {
  const [{ BadInputLine, parseInputLine, toContractLine }, { extract }, { resolveProvince }] =
    await Promise.all([
      import('../extract/batch.ts'),
      import('../extract/extract.ts'),
      import('./province.ts'),
    ])
  return (raw, lineNo) => {
    const input = parseInputLine(raw, lineNo)
    if (input instanceof BadInputLine) return { ok: false, error: input.reason }
    const province = provinceOf(raw, resolveProvince)
    if ('error' in province) return { ok: false, error: province.error }
    try {
      const x = extract(input.text, { id: input.id, published: input.published, province: province.code })
      // Relations are additive: the fields before them keep the contract of issue #6.
      return { ok: true, json: JSON.stringify({ ...toContractLine(x), relations: relationRows(x) }) }
    } catch (e) {
      return { ok: false, error: `extractor failed: ${e instanceof Error ? e.message : e}` }
    }
  }
}

const idOf = (raw: string): string | null => {
  try {
    const v = JSON.parse(raw) as { id?: unknown }
    return typeof v?.id === 'string' || typeof v?.id === 'number' ? String(v.id) : null
  } catch {
    return null
  }
}

/**
 * Reads the whole stream. A bad line yields `{"id","line","error"}` and the stream goes on; with
 * `strict`, rejects with a CliError at the first bad line. Any other failure is a CliError too.
 */
export const extractLines = async (
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: { readonly strict: boolean } = { strict: false }
): Promise<ExtractCounts> => {
  try {
    const processOne = await loadExtractor()
    const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
    let lineNo = 0
    let lines = 0
    let failed = 0
    for await (const line of rl) {
      lineNo++
      if (line.trim() === '') continue
      lines++
      const r = processOne(line, lineNo)
      if (!r.ok) {
        failed++
        if (opts.strict) {
          rl.close()
          throw cliError('extractBadLine', { line: lineNo, detail: r.error })
        }
      }
      const text = r.ok ? r.json : JSON.stringify({ id: idOf(line), line: lineNo, error: r.error })
      // Respect back-pressure so a large corpus does not pile up in memory.
      if (!output.write(`${text}\n`)) await once(output, 'drain')
    }
    return { lines, failed }
  } catch (e) {
    throw e instanceof CliError
      ? e
      : cliError('extractStreamFailed', { detail: e instanceof Error ? e.message : String(e) })
  }
}
