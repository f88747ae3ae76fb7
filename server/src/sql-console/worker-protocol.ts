/** Messages between the console pool and its worker processes. */
import type { ErrorBody } from '../http/api-error.ts'
import type { ConsoleResult } from './execute.ts'

export interface WorkerRequest {
  readonly id: number
  readonly file: string
  readonly sql: string
  readonly maxRows: number
  readonly maxBytes: number
  readonly timeoutMs: number
  /** Time left of the request's deadline when it was sent (the clock started at arrival). */
  readonly remainingMs: number
}

export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: ConsoleResult }
  | { readonly type: 'error'; readonly id: number; readonly error: ErrorBody['error'] }
