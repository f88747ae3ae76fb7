/**
 * Shared setup of the extractor's tests (issue #15: one helper instead of a copy per test file): one call
 * of `extract` on a text written for the test, and the fields a test compares, in the order it names them.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import type { DocumentMention, EventMention, Extraction } from '../domain/extraction.ts'
import { extract } from './extract.ts'

export const run = (
  text: string,
  published: string | null = null,
  province: string | null = null
): Extraction => extract(text, { id: 't', published, province })

/** A document mention written by hand: a directive numbered 41 at 0..0 with nothing else, then `o`. */
export const docMention = (o: Partial<DocumentMention> = {}): DocumentMention => ({
  type: 'directive',
  number: '41',
  symbol: null,
  year_in_symbol: null,
  date: null,
  issuer: null,
  surface: '',
  start: 0,
  end: 0,
  ...o,
})

/** The named fields of each document, as rows. */
export const docRows = <K extends keyof DocumentMention>(
  text: string,
  published: string | null,
  fields: readonly K[]
): Array<Array<DocumentMention[K]>> => run(text, published).documents.map((d) => fields.map((f) => d[f]))

/** The named fields of each event, as rows. */
export const eventRows = <K extends keyof EventMention>(
  text: string,
  published: string | null,
  fields: readonly K[],
  province: string | null = null
): Array<Array<EventMention[K]>> => run(text, published, province).events.map((e) => fields.map((f) => e[f]))

/** The named fields of each event, as objects. */
export const eventObjects = <K extends keyof EventMention>(
  text: string,
  published: string | null,
  fields: readonly K[]
): Array<Pick<EventMention, K>> =>
  run(text, published).events.map(
    (e) => Object.fromEntries(fields.map((f) => [f, e[f]])) as Pick<EventMention, K>
  )

/** Each time expression as [start, end, granularity]. */
export const timeRows = (text: string, published: string | null): string[][] =>
  run(text, published).times.map((t) => [t.start, t.end, t.granularity])

export const campaignIds = (text: string, published: string | null): string[] =>
  run(text, published).campaigns.map((c) => c.id)

/** One sentence case of a cases/*.json file: what it shows, the text, its publication day when not the default. */
export interface SentenceCase<W> {
  readonly form: string
  readonly text: string
  readonly published?: string | null
  readonly want: W
}

/** The sentence cases of `cases/<name>.json` (data, so a new form is one entry; "about" says what they are). */
export const readCases = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./cases/${name}.json`, import.meta.url), 'utf8')) as T

/** One test per case: what `read` finds in the case's text (and publication day) equals the case's `want`. */
export const itReads = <W>(
  cases: ReadonlyArray<SentenceCase<W>>,
  read: (text: string, published?: string | null) => unknown
): void =>
  it.each(cases)('$form: $text', ({ text, published, want }) => {
    expect(read(text, published)).toEqual(want)
  })

/** Pieces of pattern-heavy text that the property tests join at random (documents, congresses, times, odd code points). */
export const PATTERN_PIECES: readonly string[] = [
  'Kế hoạch số ',
  '138',
  '/',
  '-',
  'KH',
  'UBND',
  ' ngày ',
  '10/6/2024',
  'Đại hội thi đua yêu nước ',
  'tỉnh ',
  'Lạng Sơn',
  ' lần thứ ',
  'VI',
  ' (2020 - 2025)',
  'phong trào ',
  '"',
  '“',
  '”',
  'chung tay vì người nghèo',
  ' và ',
  ', ',
  'quý I/',
  'tháng ',
  'từ ',
  'đến ',
  '\n',
  ' ',
  'TƯ',
  'Thanh Hoá',
  '\u0301',
  '\ud800',
]
