import { describe, expect, it } from 'vitest'
import { docMention } from '../extract/test-kit.ts'
import { readTruth } from '../snapshot/catalog.ts'
import { evaluateHeldOut, HELD_OUT_FLOORS, loadHeldOut } from './heldout.ts'
import { truthSymbol } from './heldout-score.ts'

describe('held-out evaluation on the snapshot truth', () => {
  const { items, skipped } = loadHeldOut()

  it('reads every labelled rebuilt page of the snapshot, without the seed pages of the gold set', () => {
    expect(skipped).toEqual([])
    const truth = readTruth()
    const seeds = new Set(truth.filter((t) => t.seed).map((t) => t.url))
    expect(seeds.size).toBe(5)
    expect(items).toHaveLength(truth.length - seeds.size)
    expect(items.some((i) => seeds.has(i.id))).toBe(false)
    expect(items.every((i) => i.text.length > 100)).toBe(true)
  })

  it('stays above the floors reached when the evaluation was added', () => {
    const report = evaluateHeldOut(items, skipped)
    for (const [kind, floor] of Object.entries(HELD_OUT_FLOORS)) {
      expect(
        report.kinds[kind as keyof typeof HELD_OUT_FLOORS].f1,
        `${kind}: ${report.errors.join('\n')}`
      ).toBeGreaterThanOrEqual(floor)
    }
    // Facts the text does not state are reported, never counted against the extractor.
    const documentsWithoutNumber = items.flatMap((i) => i.documents).filter((d) => !d.number).length
    expect(report.notInText.filter((n) => n.includes('(no number in truth)'))).toHaveLength(
      documentsWithoutNumber
    )
  })

  it('counts what the extractor misses or invents', () => {
    const some = items.filter((i) => i.documents.some((d) => d.number)).slice(0, 5)
    const empty = evaluateHeldOut(some, [], (i) => ({
      id: i.id,
      documents: [],
      events: [],
      campaigns: [],
      times: [],
    }))
    expect(empty.kinds.documents.recall).toBe(0)
    expect(empty.kinds.documents.fn).toBeGreaterThan(0)
    const invented = evaluateHeldOut(some.slice(0, 1), [], (i) => ({
      id: i.id,
      documents: [docMention({ type: 'law', number: '999999' })],
      events: [],
      campaigns: [{ id: 'xoa_nha_tam', surface: '' }],
      times: [],
    }))
    expect(invented.kinds.documents.fp).toBe(1)
    expect(invented.errors.some((e) => e.includes('documents spurious: law|999999|'))).toBe(true)
  })

  it('compares symbols without the number and year that truth writes into them', () => {
    const d = { type: 'decree', number: '42', year_in_symbol: 2010, date: null, issuer: null }
    expect(truthSymbol({ ...d, symbol: '42/2010/NĐ-CP' })).toBe('NĐ-CP')
    expect(truthSymbol({ ...d, number: '22', symbol: '22 - CT/TƯ' })).toBe('CT/TW')
    expect(truthSymbol({ ...d, number: '1258', symbol: '1258/QĐ-TTg' })).toBe('QĐ-TTg')
    expect(truthSymbol({ ...d, symbol: null })).toBeNull()
  })
})
