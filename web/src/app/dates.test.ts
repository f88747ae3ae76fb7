import { describe, expect, it } from 'vitest'
import { fmtAtPrecision, fmtWindow, precisionOf } from './dates.ts'

describe('dates at their own precision', () => {
  it.each([
    ['2025-01-01', '2025-12-31', 'year', '2025', '2025'],
    ['2025-08-01', '2025-08-31', 'month', '8/2025', 'Aug 2025'],
    ['2024-02-01', '2024-02-29', 'month', '2/2024', 'Feb 2024'],
    ['2025-07-01', '2025-09-30', 'quarter', 'quý III/2025', 'Q3 2025'],
    ['2024-06-12', '2024-06-12', 'day', '12/6/2024', '12 Jun 2024'],
    ['2024-06-12', null, 'day', '12/6/2024', '12 Jun 2024'],
    ['2025-03-01', '2025-06-30', 'range', '1/3/2025 – 30/6/2025', '1 Mar 2025 – 30 Jun 2025'],
    ['2025-08-01', '2025-08-30', 'range', '1/8/2025 – 30/8/2025', '1 Aug 2025 – 30 Aug 2025'],
  ] as const)('%s … %s is a %s', (start, end, precision, vi, en) => {
    expect(precisionOf(start, end)).toBe(precision)
    expect(fmtWindow('vi', start, end)).toBe(vi)
    expect(fmtWindow('en', start, end)).toBe(en)
  })

  it('says nothing it does not know', () => {
    expect(fmtWindow('vi', null, null)).toBe('—')
    expect(fmtWindow('vi', 'not a date', null)).toBe('—')
  })
})

describe('a date with its stored precision', () => {
  it('shows no more than the precision says', () => {
    expect(fmtAtPrecision('vi', '2024-10-01', 'month')).toBe('10/2024')
    expect(fmtAtPrecision('en', '2024-01-01', 'year')).toBe('2024')
    expect(fmtAtPrecision('vi', '2024-10-05', 'day')).toBe('5/10/2024')
    expect(fmtAtPrecision('vi', null, 'day')).toBe('—')
  })
})
