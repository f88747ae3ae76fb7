/**
 * Test fixture shared by the alerts, feeds and document-detail tests: a warehouse loaded with the
 * warehouse's relation items (documents citing and implementing each other across provinces),
 * finalized, its alert rules evaluated on a fixed day, published, and served by `createApp`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { parseRules } from '../../../pipeline/src/alerts/config.ts'
import { evaluateAlerts } from '../../../pipeline/src/alerts/evaluate.ts'
import type { Warehouse } from '../../../pipeline/src/warehouse/db.ts'
import { finalizeRun } from '../../../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../../../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../../../pipeline/src/warehouse/open.ts'
import { publish } from '../../../pipeline/src/warehouse/publish.ts'
import { relationItems, relationSources } from '../../../pipeline/src/warehouse/testing/relation-items.ts'
import { createApp, type AppHandle } from '../app.ts'

/** The watch rules the relation fixtures answer: any new central document, and 41-CT/TW unanswered 90 days. */
export const centralRules = [
  { id: 'new-central', kind: 'new_central_document' },
  { id: 'ct41', kind: 'not_answered', documents: ['41-CT/TW'], after_days: 90 },
] as const

interface RelationsApp {
  readonly h: AppHandle
  /** The document id of Chỉ thị 41-CT/TW. */
  readonly ct41: string
  close(): Promise<void>
}

const relationsApp = async (opts: {
  readonly name: string
  /** data/alerts.json-shaped rules, evaluated on 2025-06-01. */
  readonly rules: object
  /** Run before the rules (e.g. crawl fetches a rule reads). */
  readonly before?: (wh: Warehouse, runId: string) => Promise<void>
}): Promise<RelationsApp> => {
  const dir = mkdtempSync(path.join(tmpdir(), `thidua-${opts.name}-`))
  const runId = `r-${opts.name}`
  const dbFile = path.join(dir, 'thidua.duckdb')
  const wh = await openWarehouseAsync(dbFile)
  let ct41 = ''
  try {
    await upsertSources(wh, relationSources)
    await loadBatch(wh, runId, relationItems)
    await finalizeRun(wh, runId)
    await opts.before?.(wh, runId)
    await evaluateAlerts(wh, parseRules(JSON.stringify(opts.rules)), { now: new Date('2025-06-01') })
    const r = await wh.conn.runAndReadAll(
      `SELECT document_id FROM documents WHERE label = 'Chỉ thị 41-CT/TW'`
    )
    ct41 = String(r.getRowObjects()[0]?.document_id)
    await publish(wh)
  } finally {
    closeWarehouseSync(wh)
  }
  const h = await createApp({ dbFile, watch: false })
  return {
    h,
    ct41,
    close: async () => {
      await h.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Registers the fixture around the calling test file; its fields are set once `beforeAll` ran. */
export const useRelationsApp = (opts: Parameters<typeof relationsApp>[0]): { h: AppHandle; ct41: string } => {
  const fx = { h: undefined as unknown as AppHandle, ct41: '' }
  let close = async () => {}
  beforeAll(async () => {
    const app = await relationsApp(opts)
    fx.h = app.h
    fx.ct41 = app.ct41
    close = app.close
  })
  afterAll(() => close())
  return fx
}
