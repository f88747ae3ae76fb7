import { describe, expect, it } from 'vitest'
import { cycleYear, eventKey } from './keys.ts'

const nghean = { code_2008: '40', code_2025: '40' }
const congress = (over: Partial<Parameters<typeof eventKey>[0]>) =>
  ({
    kind: 'dai_hoi_thi_dua',
    scope: 'province',
    place: 'Nghệ An',
    ordinal: null,
    period: null,
    year: null,
    ...over,
  }) as const

describe('event keys: one real congress, one key', () => {
  it('the closing year of a period is the cycle', () => {
    expect(cycleYear({ period: '2020-2025', year: null })).toBe(2025)
    expect(cycleYear({ period: '2021 - 2025', year: 2024 })).toBe(2025)
    expect(cycleYear({ period: null, year: 2025 })).toBe(2025)
  })

  it('"(2020-2025)", "(2021-2025)" and a bare 2025 congress of one province are one event', () => {
    const keys = new Set([
      eventKey(congress({ period: '2020-2025', year: 2025 }), nghean, null),
      eventKey(congress({ period: '2021-2025' }), nghean, null),
      eventKey(congress({ year: 2025 }), nghean, null),
      eventKey(congress({}), nghean, 2025),
    ])
    expect(keys.size).toBe(1)
  })

  it('keeps different cycles, ordinals, provinces and kinds apart', () => {
    const base = eventKey(congress({ period: '2020-2025' }), nghean, null)
    expect(eventKey(congress({ period: '2015-2020' }), nghean, null)).not.toBe(base)
    expect(eventKey(congress({ ordinal: 6 }), nghean, null)).not.toBe(base)
    expect(eventKey(congress({ period: '2020-2025' }), { code_2008: '20', code_2025: '20' }, null)).not.toBe(
      base
    )
    expect(
      eventKey({ ...congress({ period: '2020-2025' }), kind: 'hoi_nghi_dien_hinh' }, nghean, null)
    ).not.toBe(base)
  })
})
