/** WarehouseService's operations fail with a tagged WarehouseError naming the step and the reason. */
import { describe, expect, it } from '@effect/vitest'
import { Effect } from 'effect'
import { WarehouseService } from './index.ts'

describe('WarehouseService', () => {
  it.effect('a failed operation is a WarehouseError with its step and the reason', () =>
    Effect.gen(function* () {
      const db = yield* WarehouseService
      const runId = yield* db.startRun({ mode: 'test' })
      yield* Effect.promise(() => db.handle.conn.run('DROP TABLE stage_stats'))
      const error = yield* Effect.flip(db.recordStage(runId, 'parse_extract_load', { elapsed_ms: 1 }))
      expect(error._tag).toBe('WarehouseError')
      expect(error.op).toBe('record stage')
      expect(error.reason).toMatch(/stage_stats/)
      expect(error.message).toBe(`record stage: ${error.reason}`)
    }).pipe(Effect.provide(WarehouseService.Test))
  )
})
