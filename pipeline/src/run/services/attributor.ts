/**
 * The `Attributor` stage: the province each article counts for, in both unit systems (2008 and 2025
 * codes). The run stream hands it every batch of extracted articles before the load. `Live` decides
 * where it always has, as the load builds each article's rows (warehouse/rows.ts → attributeArticle, in
 * this thread, inside the batch's transaction), so its step hands the batch on as it is; `Test` runs
 * the step it is given, e.g. one that fails, to check what a failed attribution leaves behind.
 */
import { Context, Effect, Layer } from 'effect'
import type { LoadItem } from '../../warehouse/index.ts'
import type { StageError } from './errors.ts'

export interface AttributorShape {
  /** One batch on its way to the load; a failure stops the run before the batch is written. */
  readonly attribute: (items: ReadonlyArray<LoadItem>) => Effect.Effect<ReadonlyArray<LoadItem>, StageError>
}

export class Attributor extends Context.Tag('thidua/Attributor')<Attributor, AttributorShape>() {
  static readonly Live = Layer.succeed(Attributor, { attribute: Effect.succeed })

  static readonly Test = (attribute: AttributorShape['attribute']) => Layer.succeed(Attributor, { attribute })
}
