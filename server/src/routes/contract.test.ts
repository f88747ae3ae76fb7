/**
 * The wire contract (issue #15): each typed route's JSON answer has exactly the keys its declared answer
 * type names (routes/*-types.ts), on a real published warehouse, so a SQL change that drops or renames
 * a column fails here instead of silently in the web. The key lists live in testing/answer-keys.ts; the
 * province profile is checked in dashboard-routes.test.ts, whose fixture has congresses.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ARTICLE,
  ARTICLE_DETAIL,
  ARTICLE_RECORD,
  CAMPAIGN_ROW,
  CHAIN,
  CITATION,
  CITATIONS,
  DOC_ROW,
  DOCUMENT,
  ENTITY,
  expectParts,
  FIGURES,
  IMPLEMENTATION,
  IMPLEMENTATION_ROW,
  PROVINCE_ROW,
  SUMMARY,
} from '../testing/answer-keys.ts'
import {
  ADOPTION_ROW,
  ALERT_ROW,
  CENTRAL_CITATION_ROW,
  CHECK_ROW,
  COVERAGE_PROVINCE_ROW,
  COVERAGE_ROW,
  GEO,
  GEO_FEATURE,
  GEO_PROPERTIES,
  HEALTH,
  LEDGER_ROW,
  LINEAGE_ROW,
  MONTHLY_TREND_ROW,
  PARSE_FAILURE,
  RUN_DETAIL,
  RUN_ROW,
  RUN_STAGE,
  SCHEMA,
  SCHEMA_COLUMN,
  SCHEMA_MACRO,
  SCHEMA_RELATION,
  SOURCE_ROW,
  SQL_ANSWER,
  YEAR_ROW,
} from '../testing/answer-keys-pipeline.ts'
import { centralRules, useRelationsApp } from '../testing/relations-app.ts'
import { buildTestDb } from '../testing/warehouse-db.ts'
import { createApp, type AppHandle } from '../app.ts'
import type { ArticleDetail } from './articles-types.ts'
import type { DocumentCitations, Implementation } from './documents-types.ts'
import type { GeoCollection } from './geo-types.ts'
import type { RunDetail } from './pipeline-types.ts'
import type { Schema } from './sql-schema-types.ts'

// The alert rules make the fixture fire alerts, so their rows have something to check.
const fx = useRelationsApp({ name: 'contract', rules: { rules: centralRules } })

const getFrom = async (app: AppHandle['app'], url: string): Promise<any> => {
  const res = await app.request(url)
  expect(res.status, url).toBe(200)
  return res.json()
}
const get = (url: string) => getFrom(fx.h.app, url)
const rows = async (url: string): Promise<object[]> => (await get(url)).rows

describe('each typed route answers exactly its declared keys', () => {
  it('GET /api/articles (list and entity drill-down)', async () => {
    const list = await get('/api/articles?system=2025&limit=20')
    const doc = (await get('/api/documents?system=2025&limit=1')).rows[0]
    const drill = await get(`/api/articles?system=2025&document=${doc.document_id}`)
    expectParts([
      ['articles', list.rows, ARTICLE],
      ['articles?document', drill.rows, ARTICLE],
    ])
  })

  it('GET /api/articles/:id', async () => {
    const id = (await get('/api/articles?system=2025&limit=1')).rows[0].article_id
    const one: ArticleDetail = await get(`/api/articles/${id}`)
    expectParts([
      ['articles/:id', [one], ARTICLE_DETAIL],
      ['articles/:id article', [one.article], ARTICLE_RECORD],
      ['articles/:id entities', one.entities, ENTITY],
    ])
  })

  it('GET /api/documents and /api/documents/:id', async () => {
    const list = await get('/api/documents?system=2025')
    const one: DocumentCitations = await get(`/api/documents/${fx.ct41}?system=2025`)
    expectParts([
      ['documents', list.rows, DOC_ROW],
      ['documents/:id', [one], CITATIONS],
      ['documents/:id document', [one.document], DOCUMENT],
      ['documents/:id citations', one.citations, CITATION],
    ])
  })

  it('GET /api/documents/:id/implementation', async () => {
    const a: Implementation = await get(`/api/documents/${fx.ct41}/implementation?system=2025`)
    const plan = a.implementing[0]?.implementing_document_id
    const b: Implementation = await get(`/api/documents/${plan}/implementation?system=2025`)
    expectParts([
      ['implementation', [a, b], IMPLEMENTATION],
      ['implementation document', [a.document], DOCUMENT],
      ['implementation summary', a.summary ? [a.summary] : [], SUMMARY],
      ['implementation provinces', a.provinces, IMPLEMENTATION_ROW],
      ['implementation chain', [...a.below, ...b.above], CHAIN],
    ])
  })

  it('GET /api/provinces and /api/campaigns', async () => {
    expectParts([
      ['provinces 2008', (await get('/api/provinces?system=2008')).rows, PROVINCE_ROW],
      ['provinces 2025', (await get('/api/provinces?system=2025')).rows, PROVINCE_ROW],
      ['campaigns', (await get('/api/campaigns')).rows, CAMPAIGN_ROW],
    ])
  })

  it('GET /api/overview/figures and /api/overview/trend', async () => {
    expectParts([
      ['overview figures', [await get('/api/overview/figures?system=2025')], FIGURES],
      ['overview trend', await rows('/api/overview/trend?system=2025'), YEAR_ROW],
    ])
  })

  it('the figure routes: coverage, coverage map, adoption, monthly trends', async () => {
    expectParts([
      ['coverage', await rows('/api/coverage?system=2025'), COVERAGE_ROW],
      ['coverage/provinces', await rows('/api/coverage/provinces?system=2008'), COVERAGE_PROVINCE_ROW],
      ['campaigns/adoption', await rows('/api/campaigns/adoption?system=2025'), ADOPTION_ROW],
      ['trends', await rows('/api/trends?system=2025'), MONTHLY_TREND_ROW],
    ])
  })

  it('the reference routes: lineage, central citations, map polygons', async () => {
    const geo: GeoCollection = await get('/api/geo/2025')
    expectParts([
      ['provinces/lineage', await rows('/api/provinces/lineage'), LINEAGE_ROW],
      ['documents/citations', await rows('/api/documents/citations?system=2025'), CENTRAL_CITATION_ROW],
      ['geo', [geo], GEO],
      ['geo features', geo.features, GEO_FEATURE],
      ['geo properties', geo.features.map((f) => f.properties), GEO_PROPERTIES],
    ])
  })

  it('the pipeline routes: health, sources, ledger, checks, alerts', async () => {
    expectParts([
      ['health', [await get('/api/health')], HEALTH],
      ['sources', await rows('/api/sources'), SOURCE_ROW],
      ['sources/ledger', await rows('/api/sources/ledger'), LEDGER_ROW],
      ['checks', await rows('/api/checks'), CHECK_ROW],
      ['alerts', await rows('/api/alerts'), ALERT_ROW],
    ])
  })
})

// The relations fixture records no pipeline run; the dashboard's test warehouse has one, with a stage
// and a parse failure.
describe('the runs and console routes answer exactly their declared keys', () => {
  let dir: string
  let h: AppHandle
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'thidua-contract-runs-'))
    h = await createApp({ dbFile: (await buildTestDb(dir)).dbFile, watch: false })
  })
  afterAll(async () => {
    await h?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('GET /api/runs and /api/runs/:id', async () => {
    const list: object[] = (await getFrom(h.app, '/api/runs')).rows
    const id = (list[0] as { run_id?: string } | undefined)?.run_id
    const one: RunDetail = await getFrom(h.app, `/api/runs/${id}`)
    expectParts([
      ['runs', list, RUN_ROW],
      ['runs/:id', [one], RUN_DETAIL],
      ['runs/:id run', [one.run], RUN_ROW],
      ['runs/:id stages', one.stages, RUN_STAGE],
      ['runs/:id parse_failures', one.parse_failures, PARSE_FAILURE],
    ])
  })

  it('the SQL console: POST /api/sql and GET /api/sql/schema', async () => {
    await h.sqlPool.ready()
    const res = await h.app.request('/api/sql', {
      method: 'POST',
      body: JSON.stringify({ sql: 'SELECT 1 AS one' }),
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(200)
    const schema: Schema = await getFrom(h.app, '/api/sql/schema')
    expectParts([
      ['sql', [(await res.json()) as object], SQL_ANSWER],
      ['sql/schema', [schema], SCHEMA],
      ['sql/schema tables', schema.tables, SCHEMA_RELATION],
      ['sql/schema columns', schema.tables.flatMap((t) => t.columns), SCHEMA_COLUMN],
      ['sql/schema macros', schema.macros, SCHEMA_MACRO],
    ])
  })
})
