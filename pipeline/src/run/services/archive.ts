/**
 * The `Archive` stage: the archived responses of the open warehouse's raw archive (crawl/archive.ts)
 * as a Stream, read afresh each time the stream runs. `Test` serves given responses from memory.
 */
import { Context, Effect, Layer, Stream } from 'effect'
import { type ArchivedResponse, readArchive } from '../../crawl/archive.ts'
import { WarehouseService } from '../../warehouse/index.ts'
import { type StageError, stageError } from './errors.ts'

export interface ArchiveShape {
  readonly responses: Stream.Stream<ArchivedResponse, StageError>
}

export class Archive extends Context.Tag('thidua/Archive')<Archive, ArchiveShape>() {
  /** The raw archive beside the warehouse's database file. */
  static readonly Live = Layer.effect(
    Archive,
    Effect.map(WarehouseService, (db) => ({
      responses: Stream.suspend(() =>
        Stream.fromAsyncIterable(readArchive(db.handle.dbFile), (e) =>
          stageError('archive', e, 'reading the raw archive failed')
        )
      ),
    }))
  )

  /** An in-memory archive of `responses`, in that order. */
  static readonly Test = (responses: ReadonlyArray<ArchivedResponse>) =>
    Layer.succeed(Archive, { responses: Stream.fromIterable(responses) })
}
