import { describe, expect, it } from 'vitest'
import { evaluate, GOALS, loadGold } from './evaluate.ts'

describe('gold set evaluation', () => {
  const gold = loadGold()

  it('holds the five seeds and at least 120 further labelled texts', () => {
    expect(gold.filter((g) => g.id.startsWith('seed-'))).toHaveLength(5)
    expect(gold.filter((g) => !g.id.startsWith('seed-')).length).toBeGreaterThanOrEqual(120)
    expect(new Set(gold.map((g) => g.id)).size).toBe(gold.length)
  })

  it('meets the F1 goals of issue #6', () => {
    const report = evaluate(gold)
    for (const [kind, goal] of Object.entries(GOALS)) {
      expect(
        report.kinds[kind as keyof typeof GOALS].f1,
        `${kind}: ${report.errors.join('\n')}`
      ).toBeGreaterThanOrEqual(goal)
    }
  })

  it('counts a wrong extraction against the score', () => {
    const one = gold.find((g) => g.id === 'seed-000')!
    const broken = evaluate([one], (g) => ({ id: g.id, documents: [], events: [], campaigns: [], times: [] }))
    expect(broken.kinds.documents.recall).toBe(0)
    expect(broken.errors.length).toBeGreaterThan(0)
  })
})
