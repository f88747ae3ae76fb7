/**
 * The `Extractor` stage: documents, events, campaigns, times and places of each parsed article.
 * `Live` extracts inside the Parser's pool work (page-work.ts), on the thread that parsed the page, so
 * the HTML never comes back to this thread; the run stream's extract step then only passes those rows
 * on. `Test` extracts in the stream, in this thread, with the function it is given (the real extractor
 * by default): the pool is asked to parse only.
 */
import { Context, Effect, Layer } from 'effect'
import type { ArticleRecord } from '../../domain/article.ts'
import type { Extraction } from '../../domain/extraction.ts'
import { EXTRACTOR_VERSION } from '../../extract/extract.ts'
import { extractArticle } from '../page-work.ts'
import { type StageError, stageError } from './errors.ts'

export interface ExtractorShape {
  /** Recorded on every fact the load writes. */
  readonly version: string
  /** true: the pool extracts each article right after parsing it; false: the stream calls `extract`. */
  readonly inPool: boolean
  /** One parsed article's extraction (the outcomes the pool returns unextracted). */
  readonly extract: (article: ArticleRecord) => Effect.Effect<Extraction, StageError>
}

/** The product's extractor as an Effect; a bug on one article is the extract stage's failure. */
export const extractEffect = (article: ArticleRecord): Effect.Effect<Extraction, StageError> =>
  Effect.try({
    try: () => extractArticle(article),
    catch: (e) => stageError('extract', e, `extracting ${article.url} failed`),
  })

export class Extractor extends Context.Tag('thidua/Extractor')<Extractor, ExtractorShape>() {
  static readonly Live = Layer.succeed(Extractor, {
    version: EXTRACTOR_VERSION,
    inPool: true,
    extract: extractEffect,
  })

  /** Extraction in the stream with `extract` (default: the product's extractor). */
  static readonly Test = (extract: ExtractorShape['extract'] = extractEffect, version = EXTRACTOR_VERSION) =>
    Layer.succeed(Extractor, { version, inPool: false, extract })
}
