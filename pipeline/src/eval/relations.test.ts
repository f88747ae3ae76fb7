import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  labelKey,
  loadDevCorpus,
  loadRelationGold,
  relationsReport,
  scoreRelations,
  splitOf,
} from './relations.ts'

describe('relations evaluation', () => {
  it('reads document labels in English or Vietnamese, with or without "số" and leading zeros', () => {
    expect(labelKey('directive 41-CT/TW')).toBe(labelKey('Chỉ thị số 41-CT/TW'))
    expect(labelKey('law 06/2022/QH15')).toBe(labelKey('Luật 6/2022/QH15'))
    expect(labelKey('plan 45/KH-UBND')).not.toBe(labelKey('plan 45/KH-HĐTĐKT'))
  })

  it('names a document by number and symbol whatever its type, by type and number without a symbol', () => {
    // "Quy định số 230-QĐ/TW": the corpus says other, the extractor decision; the document is one.
    expect(labelKey('other 230/QĐ/TW')).toBe(labelKey('decision 230-QĐ/TW'))
    expect(labelKey('directive 35')).not.toBe(labelKey('resolution 35'))
    expect(labelKey('campaign:xoa_nha_tam')).toBe('campaign:xoa_nha_tam')
  })

  it('on the dev corpus compares only relations between documents (it labels no campaign)', () => {
    const item = {
      id: 'c',
      published: '2025-03-05',
      text: 'UBND tỉnh ban hành Kế hoạch số 7/KH-UBND phát động phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát”.',
      relations: [],
    }
    expect(scoreRelations([item]).fp).toBe(1)
    expect(scoreRelations([item], { documentsOnly: true }).fp).toBe(0)
  })

  it('meets the F1 goal on the gold set (≥ 80 relations)', () => {
    const items = loadRelationGold()
    expect(items.reduce((n, i) => n + i.relations.length, 0)).toBeGreaterThanOrEqual(80)
    const s = scoreRelations(items)
    expect(s.f1).toBeGreaterThanOrEqual(0.9)
  })

  it('counts a wrong relation as a false positive and a missed one as a false negative', () => {
    const s = scoreRelations([
      {
        id: 'x',
        published: '2025-03-05',
        text: 'Quyết định số 5/QĐ-UBND sửa đổi Quyết định số 12/QĐ-UBND.',
        relations: [{ from: 'decision 5/QĐ-UBND', relation: 'replaces', to: 'decision 12/QĐ-UBND' }],
      },
    ])
    expect([s.tp, s.fp, s.fn]).toEqual([0, 1, 1])
  })

  it('scores only the requested part of the dev corpus, by the manifest split', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rel-dev-'))
    const rel = [{ from: 'decision 5/QĐ-UBND', relation: 'amends', to: 'decision 12/QĐ-UBND' }]
    writeFileSync(
      path.join(dir, 'manifest.jsonl'),
      `${JSON.stringify({ id: 'a', split: 'test', relations: rel })}\n${JSON.stringify({ id: 'b', split: 'dev', relations: [] })}\n`
    )
    writeFileSync(
      path.join(dir, 'texts.jsonl'),
      ['a', 'b']
        .map((id) =>
          JSON.stringify({ id, text: 'Quyết định số 5/QĐ-UBND sửa đổi Quyết định số 12/QĐ-UBND.' })
        )
        .join('\n')
    )
    const test = loadDevCorpus('test', dir)!
    expect(test.map((t) => t.id)).toEqual(['a'])
    expect(scoreRelations(test).f1).toBe(1)
    expect(loadDevCorpus('test', path.join(dir, 'none'))).toBeNull()
    expect(splitOf('z', 'dev')).toBe('dev')
    // pnpm eval prints both parts, the dev part's misses but never the test part's.
    const report = relationsReport(undefined, dir).split('\n')
    expect(report.find((l) => l.startsWith('dev corpus, dev part'))).toContain('no relation labelled yet')
    expect(report.find((l) => l.startsWith('dev corpus, frozen test part'))).toMatch(
      /\(1 relations\): 1 texts, P 100\.0 R 100\.0 F1 100\.0/
    )
    // The sets side by side: a part with no relation labelled has no F1 there.
    expect(report.at(-1)).toMatch(
      /^relations F1: gold \d+\.\d \| frozen test 100\.0 \(goal ≥ 90\.0 on frozen test\)$/
    )
  })
})
