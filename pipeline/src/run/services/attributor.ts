/**
 * The `Attributor` stage: the province each article counts for, in both unit systems (2008 and 2025
 * codes). The run stream hands it every batch of extracted articles before the load. `Live` reads the
 * lineage index and the sources' provinces from the open warehouse once per batch and decides each
 * article (warehouse/rows.ts attributeItem: source first, then the places its title, lead and body
 * name); the load writes what it decided. `Test` runs the step it is given, e.g. one that fails, to
 * check what a failed attribution leaves behind.
 */
import { Context, Effect, Layer } from 'effect'
import { attributeItem, type LoadItem, WarehouseService } from '../../warehouse/index.ts'
import { type StageError, stageError } from './errors.ts'

export interface AttributorShape {
  /** One batch on its way to the load; a failure stops the run before the batch is written. */
  readonly attribute: (items: ReadonlyArray<LoadItem>) => Effect.Effect<ReadonlyArray<LoadItem>, StageError>
}

/** An item the rule cannot read (bad input) goes on undecided: the load rejects it with its reason. */
const decided = (ctx: Parameters<typeof attributeItem>[0], item: LoadItem): LoadItem => {
  try {
    return { ...item, attribution: attributeItem(ctx, item) }
  } catch {
    return item
  }
}

export class Attributor extends Context.Tag('thidua/Attributor')<Attributor, AttributorShape>() {
  static readonly Live = Layer.effect(
    Attributor,
    Effect.map(WarehouseService, (db) => ({
      attribute: (items: ReadonlyArray<LoadItem>) =>
        db.attributionContext().pipe(
          Effect.map((ctx) => items.map((item) => decided(ctx, item))),
          Effect.mapError((e) => stageError('attribute', e))
        ),
    }))
  )

  static readonly Test = (attribute: AttributorShape['attribute']) => Layer.succeed(Attributor, { attribute })
}
