import { describe, expect, it } from 'vitest'
import {
  campaignById,
  campaigns,
  documentTypes,
  foldSameLength,
  foldVietnamese,
  issuerLevel,
  lookupProvince,
  milestones,
  nationalCongresses,
  normalizeToneMarks,
  parseCsv,
  provinceLineage,
  provinces2008,
  provinces2025,
  slugify,
  toCode2025,
  typeFromAbbreviation,
} from './index.ts'

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n')
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ])
  })
})

describe('folding', () => {
  it('strips marks, đ and case', () => {
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak')
    expect(slugify('Bà Rịa - Vũng Tàu')).toBe('ba_ria_vung_tau')
  })
  it('moves oa/oe/uy tone marks to the traditional position and keeps the length', () => {
    expect(normalizeToneMarks('Thanh Hoá')).toBe('Thanh Hóa')
    expect(normalizeToneMarks('Khánh Hoà')).toBe('Khánh Hòa')
    expect(normalizeToneMarks('thuỷ lợi')).toBe('thủy lợi')
    expect(normalizeToneMarks('quý I')).toBe('quý I')
    expect(normalizeToneMarks('hoàn thành')).toBe('hoàn thành')
    const s = 'Hoà Bình, khoẻ mạnh, Thanh Hoá'
    expect(normalizeToneMarks(s)).toHaveLength(s.length)
  })
  it('folds unit by unit without changing offsets', () => {
    const s = 'Cả nước chung sức xây dựng nông thôn mới'
    const f = foldSameLength(s)
    expect(f).toBe('ca nuoc chung suc xay dung nong thon moi')
    expect(f).toHaveLength(s.length)
  })
})

describe('provinces', () => {
  it('has 63 units in 2008 and 34 in 2025, with a lineage row for each old unit', () => {
    expect(provinces2008()).toHaveLength(63)
    expect(provinces2025()).toHaveLength(34)
    expect(provinceLineage()).toHaveLength(63)
    const codes2025 = new Set(provinces2025().map((p) => p.code))
    for (const p of provinces2008()) expect(codes2025.has(p.new_code_2025)).toBe(true)
  })
  it('maps old units to the unit they went into', () => {
    expect(toCode2025('62')).toBe('51') // Kon Tum → Quảng Ngãi
    expect(toCode2025('15')).toBe('15') // Yên Bái → Lào Cai (new code 15)
    expect(toCode2025('10')).toBe('15') // old Lào Cai
  })
  it('resolves aliases in any spelling', () => {
    expect(lookupProvince('Thanh Hoá')?.code_2008).toBe('38')
    expect(lookupProvince('TP.HCM')?.code_2025).toBe('79')
    expect(lookupProvince('Kontum')?.code_2025).toBe('51')
    expect(lookupProvince('hoa binh')?.code_2025).toBe('25')
    expect(lookupProvince('Atlantis')).toBeNull()
  })
})

describe('campaigns, documents, history', () => {
  it('loads the movements with launch dates', () => {
    expect(campaigns().length).toBeGreaterThanOrEqual(11)
    expect(campaignById('nong_thon_moi')?.launched_on).toBe('2011-09-20')
    expect(campaignById('nope')).toBeNull()
  })
  it('maps symbol abbreviations to contract types and issuers to levels', () => {
    expect(documentTypes().length).toBeGreaterThan(50)
    expect(typeFromAbbreviation('KH')).toBe('plan')
    expect(typeFromAbbreviation('CTr')).toBe('program')
    expect(typeFromAbbreviation('TTr')).toBe('other')
    expect(typeFromAbbreviation('XYZ')).toBeNull()
    expect(issuerLevel('TW')).toBe('party_central')
    expect(issuerLevel('Bộ Chính trị')).toBe('party_central')
    expect(issuerLevel('TTg')).toBe('prime_minister')
    expect(issuerLevel('UBND tỉnh Lạng Sơn')).toBe('province')
    expect(issuerLevel('UBND huyện Bảo Thắng')).toBe('district')
    expect(issuerLevel('QH15')).toBe('national_assembly')
  })
  it('loads milestones and the national congresses I..XI', () => {
    expect(milestones().some((m) => m.id === 'luat_tdkt_2022' && m.date === '2022-06-15')).toBe(true)
    const xi = nationalCongresses().find((c) => c.ordinal === 11)
    expect(xi?.start_date).toBe('2025-12-26')
  })
})
