import { describe, expect, it } from 'vitest'
import { nextSort, sortRows } from './sort.ts'

const rows = [
  { name: 'Đắk Lắk', n: 10 },
  { name: 'An Giang', n: 2 },
  { name: 'Điện Biên', n: null },
  { name: 'Bắc Ninh', n: 10 },
  { name: 'Cà Mau', n: 33 },
]

describe('sortRows', () => {
  it('orders numbers by value, keeps ties in their order and puts empty cells last both ways', () => {
    expect(sortRows(rows, { key: 'n', dir: 'asc' }).map((r) => r.name)).toEqual([
      'An Giang',
      'Đắk Lắk',
      'Bắc Ninh',
      'Cà Mau',
      'Điện Biên',
    ])
    expect(sortRows(rows, { key: 'n', dir: 'desc' }).map((r) => r.name)).toEqual([
      'Cà Mau',
      'Đắk Lắk',
      'Bắc Ninh',
      'An Giang',
      'Điện Biên',
    ])
  })

  it('orders Vietnamese names alphabetically (Đ after D, not at the end)', () => {
    const names = sortRows(
      [{ name: 'Đồng Tháp' }, { name: 'Yên Bái' }, { name: 'Cao Bằng' }, { name: 'Dak' }],
      {
        key: 'name',
        dir: 'asc',
      }
    ).map((r) => r.name)
    expect(names.indexOf('Đồng Tháp')).toBeLessThan(names.indexOf('Yên Bái'))
    expect(names[0]).toBe('Cao Bằng')
  })

  it('returns a copy in the original order without a sort', () => {
    const out = sortRows(rows, null)
    expect(out).toEqual(rows)
    expect(out).not.toBe(rows)
  })
})

describe('nextSort', () => {
  it('goes ascending, descending, then back to the original order', () => {
    const a = nextSort(null, 'n')
    expect(a).toEqual({ key: 'n', dir: 'asc' })
    const b = nextSort(a, 'n')
    expect(b).toEqual({ key: 'n', dir: 'desc' })
    expect(nextSort(b, 'n')).toBeNull()
    expect(nextSort(b, 'name')).toEqual({ key: 'name', dir: 'asc' })
  })
})
