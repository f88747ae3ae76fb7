/**
 * Campaign wordings and time expressions in the forms real pages use (issue #11, session 3), one test
 * per form, on texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { campaignIds, timeRows } from './test-kit.ts'

const campaigns = (text: string, published: string | null = '2025-03-10') => campaignIds(text, published)
const times = (text: string, published: string | null = '2025-03-10') => timeRows(text, published)

describe('campaign wording variants', () => {
  it('reads the congress-greeting movement through "đại hội đảng bộ các cấp tiến tới …"', () => {
    expect(
      campaigns(
        'Các xã đẩy mạnh phong trào thi đua yêu nước chào mừng đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.'
      )
    ).toEqual(['chao_mung_dai_hoi_xiv'])
  })
  it('reads "học tập, làm theo" with a comma and "Chỉ thị 05-CT/TW" written without spaces', () => {
    expect(
      campaigns('Gương sáng trong học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.')
    ).toEqual(['hoc_tap_lam_theo_bac'])
    expect(campaigns('Đơn vị gắn thi đua với thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.')).toEqual([
      'hoc_tap_lam_theo_bac',
    ])
    expect(campaigns('Tiếp tục thực hiện Chỉ thi 05- CT/TW trong toàn đảng bộ.')).toEqual([
      'hoc_tap_lam_theo_bac',
    ])
  })
  it('reads the poverty, motorway and new-countryside movements in their shorter wordings', () => {
    expect(campaigns('Phong trào “Vì người nghèo - không ai bị bỏ lại phía sau” được hưởng ứng.')).toEqual([
      'vi_nguoi_ngheo',
    ])
    expect(
      campaigns('Tỉnh là điểm sáng của đợt thi đua "500 ngày đêm hoàn thành 3.000 km đường bộ cao tốc".')
    ).toEqual(['cao_toc_500_ngay'])
    expect(campaigns('Hội viên hăng hái trong phong trào tham gia xây dựng nông thôn mới.')).toEqual([
      'nong_thon_moi',
    ])
  })
})

describe('movement candidates', () => {
  it('takes a lowercase name right after the trigger', () => {
    expect(campaigns('Nhà trường đẩy mạnh phong trào thi đua “hai tốt” trong năm học mới.')).toEqual([
      'candidate:hai tốt',
    ])
  })
  it('refuses a quote after a clause, a model, an anniversary or a call to emulate', () => {
    expect(
      campaigns('Qua các phong trào thi đua, phường đã biểu dương 120 gương “Người tốt việc tốt” tiêu biểu.')
    ).toEqual([])
    expect(
      campaigns('Phong trào hiến đất làm đường; hội phụ nữ với mô hình “Camera an ninh” được nhân rộng.')
    ).toEqual([])
    expect(
      campaigns(
        'Phát động đợt thi đua kỷ niệm 77 năm Ngày Chủ tịch Hồ Chí Minh ra “Lời kêu gọi thi đua ái quốc”.'
      )
    ).toEqual([])
  })
  it('still reads a list of names introduced after a comma by "như:"', () => {
    expect(
      campaigns('Nhiều phong trào được triển khai sâu rộng, như: “Biển đảo xanh”, “Ngõ phố sạch”.')
    ).toEqual(['candidate:Biển đảo xanh', 'candidate:Ngõ phố sạch'])
  })
})

describe('time expressions', () => {
  it('reads day ranges with dots, hyphens, brackets and a repeated "ngày"', () => {
    expect(times('Đại hội họp từ ngày 8 đến ngày 11.9.2010 tại hội trường tỉnh.')).toEqual([
      ['2010-09-08', '2010-09-11', 'range'],
    ])
    expect(times('Hội nghị diễn ra trong các ngày 27 và 28-12-2010.')).toEqual([
      ['2010-12-27', '2010-12-28', 'range'],
    ])
    expect(times('Đại hội sẽ diễn ra trong 2 ngày (28 và 29/9/2023) tại tỉnh.')).toEqual([
      ['2023-09-28', '2023-09-29', 'range'],
    ])
    expect(times('Đại hội dự kiến diễn ra trong hai ngày 9 - 10.12.2020.')).toEqual([
      ['2020-12-09', '2020-12-10', 'range'],
    ])
  })
  it('reads anniversaries with dots and a page date range of one day', () => {
    expect(times('Kỷ niệm 85 năm thành lập Công đoàn (28.7.1929 - 28.7.2014).')).toEqual([
      ['1929-07-28', '2014-07-28', 'range'],
    ])
    expect(times('06/10/2024 -  06/10/2024 19:23\nTin hoạt động', null)).toEqual([
      ['2024-10-06', '2024-10-06', 'day'],
    ])
  })
  it('reads date lines without "ngày", glued words and a comma for "năm"', () => {
    expect(times('Thứ năm, 28.07.2022 GMT+7', null)).toEqual([['2022-07-28', '2022-07-28', 'day']])
    expect(times('Thứ Ba, 27-02-2024 / 12:47', null)).toEqual([['2024-02-27', '2024-02-27', 'day']])
    expect(times('Căn cứ Chỉ thị số 45-CT/TW ngày22 tháng 7 năm 2010 của Bộ Chính trị', null)).toEqual([
      ['2010-07-22', '2010-07-22', 'day'],
    ])
    expect(times('Báo cáo ngày 30 tháng11 năm 2011', null)).toEqual([['2011-11-30', '2011-11-30', 'day']])
    expect(times('Cập nhật 15 Tháng 9, 2025 Đại hội đại biểu', null)).toEqual([
      ['2025-09-15', '2025-09-15', 'day'],
    ])
  })
  it('reads "Tối nay, 23.3", "Ngày 22 /7" and a bare "Sáng nay" against the publication day', () => {
    expect(times('Tối nay, 23.3, tại thành phố diễn ra lễ tuyên dương.', '2024-03-24')).toEqual([
      ['2024-03-23', '2024-03-23', 'day'],
    ])
    expect(times('Ngày 22 /7, Đảng bộ xã tổ chức đại hội.', '2025-07-22')).toEqual([
      ['2025-07-22', '2025-07-22', 'day'],
    ])
    expect(times('Sáng nay, tỉnh tổ chức đại hội thi đua.', '2025-10-29')).toEqual([
      ['2025-10-29', '2025-10-29', 'day'],
    ])
    // Without a publication day (or with only its month) "Sáng nay" names no day.
    expect(times('Sáng nay, tỉnh tổ chức đại hội thi đua.', null)).toEqual([])
    expect(times('Sáng nay, tỉnh tổ chức đại hội thi đua.', '2025-10')).toEqual([])
  })
  it('reads a list of decades "1945 đến 1950" as a period', () => {
    expect(times('Năm ban hành: 1991 đến 2000', null)).toEqual([['1991-01-01', '2000-12-31', 'period']])
  })
})
