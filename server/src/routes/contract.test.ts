/**
 * The wire contract (issue #15): each typed route's JSON answer has exactly the keys its declared answer
 * type names (routes/*-types.ts), on a real published warehouse, so a SQL change that drops or renames
 * a column fails here instead of silently in the web. The key lists live in testing/answer-keys.ts; the
 * province profile is checked in dashboard-routes.test.ts, whose fixture has congresses.
 */
import { describe, expect, it } from 'vitest'
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
import { useRelationsApp } from '../testing/relations-app.ts'
import type { ArticleDetail } from './articles-types.ts'
import type { DocumentCitations, Implementation } from './documents-types.ts'

const fx = useRelationsApp({ name: 'contract', rules: { rules: [] } })

const get = async (url: string): Promise<any> => {
  const res = await fx.h.app.request(url)
  expect(res.status, url).toBe(200)
  return res.json()
}

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

  it('GET /api/overview/figures', async () => {
    expectParts([['overview figures', [await get('/api/overview/figures?system=2025')], FIGURES]])
  })
})
