/** The run's stage failures as one tagged error: which stage, and the reason the user reads. */
import { Data } from 'effect'
import { describeError } from '../../warehouse/db.ts'

export type Stage = 'crawl' | 'archive' | 'parse' | 'extract' | 'attribute' | 'attachments'

export class StageError extends Data.TaggedError('StageError')<{
  readonly stage: Stage
  /** One line for the user; also the error's message. */
  readonly reason: string
  readonly message: string
  readonly cause?: unknown
}> {}

/** A StageError whose reason is `prefix: <the cause's message>` (or the cause's message alone). */
export const stageError = (stage: Stage, cause: unknown, prefix?: string): StageError => {
  const reason = prefix ? `${prefix}: ${describeError(cause)}` : describeError(cause)
  return new StageError({ stage, reason, message: reason, cause })
}
