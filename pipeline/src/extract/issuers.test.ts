/**
 * Issuers and issue dates of documents in the forms real pages use (issue #11, session 3), one case per
 * form, on texts written for these tests: the sentence cases in cases/issuers.json, the rest here.
 */
import { describe, expect, it } from 'vitest'
import { authorityLine } from './issuers.ts'
import { docRows, itReads, readCases, type SentenceCase } from './test-kit.ts'

const docs = (text: string, published: string | null = '2024-05-02') =>
  docRows(text, published, ['type', 'number', 'symbol', 'date', 'issuer'])

const CASES = readCases<{
  readonly documents: ReadonlyArray<SentenceCase<Array<Array<string | null>>>>
  readonly issuers: ReadonlyArray<SentenceCase<string | null>>
}>('issuers')

describe('documents with their issuer and issue date', () => {
  itReads(CASES.documents, docs)
})

describe('issuer names', () => {
  itReads(CASES.issuers, (text, published) => docs(text, published)[0]![4])

  it('keeps a bracketed range (an anniversary) off the issue day', () => {
    expect(docs('Kế hoạch số 45/KH-UBND (11/6/1948 - 11/6/2024) về kỷ niệm.')[0]![3]).toBeNull()
  })
  it('reads a space before an issuer symbol', () => {
    const [letter] = docs('Thực hiện Công văn số 840 /SGDĐT-CTTT ngày 1/4/2020,')
    expect(letter?.slice(0, 4)).toEqual(['official_letter', '840', 'SGDĐT-CTTT', '2020-04-01'])
  })
})

describe('document headers', () => {
  it('ignores recipients and bare header cells when looking for the authority line', () => {
    const text =
      'Số: 5/BTC\nHà Nội, ngày 1 tháng 2 năm 2020\nKính gửi:\nBan Chỉ đạo các tỉnh\n\nCăn cứ Hướng dẫn;'
    expect(authorityLine(text, 0)).toBeNull()
    const block = 'Số: 9/QĐ-UBND\nỦY BAN NHÂN DÂN\nTỈNH X\nCăn cứ Luật;'
    expect(authorityLine(block.replace('ỦY BAN NHÂN DÂN', 'ủy ban nhân dân'), 0)).toBeNull()
    expect(authorityLine('Số: 9/QĐ-UBND\nchủ tịch ủy ban nhân dân tỉnh Sơn La\nCăn cứ Luật;', 0)).toBe(
      'Chủ tịch ủy ban nhân dân tỉnh Sơn La'
    )
  })
})
