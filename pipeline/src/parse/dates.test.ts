import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMachineDate, parseVietnameseDate, toVietnamIso } from './dates.ts'

describe('parseVietnameseDate(text)', () => {
  it.each([
    ['Thứ ba - 22/10/2019 15:50', '2019-10-22T15:50:00+07:00'],
    ['22/10/2019 15:50:00', '2019-10-22T15:50:00+07:00'],
    ['(22/10/2019)', '2019-10-22T00:00:00+07:00'],
    ['Thứ Ba, 22/10/2019, 15:50', '2019-10-22T15:50:00+07:00'],
    ['(11/2/2005)', '2005-02-11T00:00:00+07:00'],
    ['Ngày đăng tin: 05/09/2023 14:20', '2023-09-05T14:20:00+07:00'],
    ['Ngay dang: 09/02/2024 08:15', '2024-02-09T08:15:00+07:00'],
    ['15:45 21/06/2024', '2024-06-21T15:45:00+07:00'],
    ['09:11 | 09/09/2022 GMT+7', '2022-09-09T09:11:00+07:00'],
    ['Chủ nhật, 03/08/2025 16:05', '2025-08-03T16:05:00+07:00'],
    ['Thứ sáu: 15:00 ngày 09/02/2024', '2024-02-09T15:00:00+07:00'],
    ['Thứ Tư, 05/03/2025 - 15:32', '2025-03-05T15:32:00+07:00'],
    ['CN, 1/6/2025 7h30', '2025-06-01T07:30:00+07:00'],
    ['ngày 15 tháng 10 năm 2019', '2019-10-15T00:00:00+07:00'],
    ['2019-10-22T15:50:00+07:00', '2019-10-22T15:50:00+07:00'],
    ['2019-10-22T15:50:00+0700', '2019-10-22T15:50:00+07:00'],
    ['2019-10-22T15:50:00', '2019-10-22T15:50:00+07:00'],
    ['2019-10-22T08:50:00Z', '2019-10-22T15:50:00+07:00'],
    ['2019-10-21T20:50:00-04:00', '2019-10-22T07:50:00+07:00'],
    ['2019-10-22+0715:50:00', '2019-10-22T15:50:00+07:00'],
    ['2019-10-22ICT15:50:00', '2019-10-22T15:50:00+07:00'],
    ['Cập nhật: 2024-01-02T03:04:05+07:00', '2024-01-02T03:04:05+07:00'],
    ['30 tháng 8, 2024', '2024-08-30T00:00:00+07:00'],
    ['Tháng Ba 5, 2018', '2018-03-05T00:00:00+07:00'],
    ['Tháng 3 5, 2018', '2018-03-05T00:00:00+07:00'],
    ['5 Tháng Ba, 2018', '2018-03-05T00:00:00+07:00'],
    ['Tháng Mười Hai 24, 2019 10:15', '2019-12-24T10:15:00+07:00'],
    ['ngày 2 tháng Bốn năm 2021', '2021-04-02T00:00:00+07:00'],
    ['05/03/2018 2:30 chiều', '2018-03-05T14:30:00+07:00'],
    ['05/03/2018 8:10 tối', '2018-03-05T20:10:00+07:00'],
    ['05/03/2018 1:15 trưa', '2018-03-05T13:15:00+07:00'],
    ['05/03/2018 11:30 trưa', '2018-03-05T11:30:00+07:00'],
    // 12-hour clock markers: AM/PM, SA/CH, and the words ("chiều" afternoon, "tối" evening), but not a
    // word that merely starts with "ch".
    ['21/12/2012 | 12:00 AM', '2012-12-21T00:00:00+07:00'],
    ['21/12/2012 12:30 PM', '2012-12-21T12:30:00+07:00'],
    ['21/12/2012 3:05 pm', '2012-12-21T15:05:00+07:00'],
    ['21/12/2012 09:05 SA', '2012-12-21T09:05:00+07:00'],
    ['21/12/2012 09:05 CH', '2012-12-21T21:05:00+07:00'],
    ['21/12/2012 09:05 chiều nay', '2012-12-21T21:05:00+07:00'],
    ['21/12/2012 09:05 tối', '2012-12-21T21:05:00+07:00'],
    ['21/12/2012 09:05 chuyên mục', '2012-12-21T09:05:00+07:00'],
  ])('reads %j', (text, iso) => {
    expect(parseVietnameseDate(text)).toBe(iso)
  })

  it('always reads D/M/Y, never M/D/Y', () => {
    expect(parseVietnameseDate('03/08/2025')).toBe('2025-08-03T00:00:00+07:00')
    expect(parseVietnameseDate('13/12/2024')).toBe('2024-12-13T00:00:00+07:00')
  })

  it('rejects impossible dates and text without a date', () => {
    expect(parseVietnameseDate('31/02/2024')).toBeNull()
    expect(parseVietnameseDate('12/13/2024')).toBeNull()
    expect(parseVietnameseDate('Lượt xem: 123')).toBeNull()
    expect(parseVietnameseDate('')).toBeNull()
    expect(parseVietnameseDate(null)).toBeNull()
  })

  it('resolves relative forms against the reference time, and not without one', () => {
    const reference = '2024-03-10T02:00:00Z' // 09:00 in Hà Nội
    expect(parseVietnameseDate('2 giờ trước', { reference })).toBe('2024-03-10T07:00:00+07:00')
    expect(parseVietnameseDate('5 phút trước', { reference })).toBe('2024-03-10T08:55:00+07:00')
    expect(parseVietnameseDate('Hôm qua 14:30', { reference })).toBe('2024-03-09T14:30:00+07:00')
    expect(parseVietnameseDate('Hôm nay', { reference })).toBe('2024-03-10T00:00:00+07:00')
    expect(parseVietnameseDate('3 ngày trước', { reference })).toBe('2024-03-07T09:00:00+07:00')
    expect(parseVietnameseDate('2 giờ trước')).toBeNull()
  })

  it('uses the Vietnamese calendar day near midnight UTC', () => {
    expect(parseVietnameseDate('Hôm nay', { reference: '2024-03-09T18:30:00Z' })).toBe(
      '2024-03-10T00:00:00+07:00'
    )
  })

  it('round-trips any valid wall-clock time written in every site format', () => {
    const weekdays = ['Chủ nhật', 'Thứ hai', 'Thứ Ba', 'T4', 'Thứ năm', 'THỨ SÁU', 'Thứ bảy']
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1995-01-01T00:00:00Z'),
          max: new Date('2030-12-31T23:59:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 6 }),
        (d, w) => {
          const iso = toVietnamIso(new Date(Math.floor(d.getTime() / 60_000) * 60_000))
          const [y, mo, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)]
          const hm = iso.slice(11, 16)
          const unpadded = `${+day}/${+mo}/${y}`
          for (const text of [
            `${weekdays[w]} - ${day}/${mo}/${y} ${hm}`,
            `${hm} ${unpadded}`,
            `${weekdays[w]}, ${unpadded}, ${hm}`,
            `Ngày đăng tin: ${day}/${mo}/${y} ${hm}`,
            `${hm} | ${day}/${mo}/${y} GMT+7`,
            `${iso.slice(0, 10)}ICT${hm}:00`,
            d.toISOString(),
          ]) {
            const expected = text === d.toISOString() ? toVietnamIso(d).slice(0, 19) : iso.slice(0, 16)
            expect(parseVietnameseDate(text)?.slice(0, expected.length)).toBe(expected)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('parseMachineDate(value)', () => {
  it('reads datetime attributes and REST values as Vietnamese time', () => {
    expect(parseMachineDate('2025-01-15T10:24:00+0700')).toBe('2025-01-15T10:24:00+07:00')
    expect(parseMachineDate('2019-05-20T01:10:00Z')).toBe('2019-05-20T08:10:00+07:00')
    expect(parseMachineDate('2019-05-20')).toBe('2019-05-20T00:00:00+07:00')
    expect(parseMachineDate('not a date')).toBeNull()
  })
})
