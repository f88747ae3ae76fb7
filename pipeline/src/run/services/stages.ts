/**
 * The Live stages between the input and the warehouse, as `run`, `reparse` and `ingest` all use them:
 * the Parser's pool on `workers` threads (default: THIDUA_PARSE_WORKERS, else every core), the
 * Extractor (in the pool's work) and the Attributor (in the load). One layer, so there is one path.
 */
import { Layer } from 'effect'
import { Attributor } from './attributor.ts'
import { Extractor } from './extractor.ts'
import { Parser } from './parser.ts'

export const pageStagesLive = (workers?: number) =>
  Layer.mergeAll(Parser.Live(workers), Extractor.Live, Attributor.Live)
