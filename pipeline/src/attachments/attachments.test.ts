import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeDoc97 } from '../snapshot/attachments/doc97.ts'
import { planAttachments } from '../snapshot/attachments/plan.ts'
import { attachmentFilesDir } from '../snapshot/build.ts'
import { loadFacts } from '../snapshot/facts.ts'
import { readDocumentHeader } from './header.ts'
import { ownDocument } from './own-document.ts'
import { isAttachmentResponse, isAttachmentUrl, sniffAttachment } from './policy.ts'
import { attachmentText } from './text.ts'

const facts = loadFacts()
const planned = planAttachments(facts)
const expected = (factId: string) => {
  const d = facts.find((f) => f.id === factId)?.documents.find((x) => x.number && x.date && x.issuer)
  if (!d) throw new Error(`fact ${factId} has no document`)
  return d
}
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(attachmentFilesDir, file)))

describe('snapshot attachments through text extraction and the extractor', () => {
  for (const format of ['pdf', 'docx', 'doc'] as const) {
    it(`${format}: the document's own number, date, issuer and signer`, async () => {
      const a = planned.find((p) => p.format === format)!
      const bytes = bytesOf(a.file)
      const kind = sniffAttachment(bytes)
      expect(kind).toBe(format)
      const t = await attachmentText(bytes, kind!)
      expect(t.error).toBeNull()
      expect(t.method).toBe(format === 'pdf' ? 'text' : format)
      const own = ownDocument(t.text)
      const d = expected(a.factId)
      expect(own?.mention.number).toBe(d.number)
      expect(`${own?.mention.number}/${own?.mention.symbol}`).toBe(d.symbol)
      expect(own?.mention.date).toBe(d.date)
      // "UBND tỉnh Gia Lai" in the facts, "Ủy ban nhân dân tỉnh Gia Lai" as the header prints it
      expect(own?.mention.issuer).toBe(d.issuer?.replace(/^UBND/, 'Ủy ban nhân dân'))
      expect(own?.signer).toBe(a.lines.at(-1))
    })
  }

  it('a scanned PDF is recognised as having no text layer', async () => {
    const a = planned.find((p) => p.format === 'scan')!
    const t = await attachmentText(bytesOf(a.file), 'pdf', { enabled: false })
    expect(t.method).toBe('text')
    expect(t.error).toBe('scanned PDF: OCR disabled')
  })

  it('broken files come back with a one-line reason, never an exception', async () => {
    const junk = new TextEncoder().encode('%PDF-1.4 this is not really a pdf')
    const pdf = await attachmentText(junk, 'pdf')
    expect(pdf.error).toMatch(/^unreadable PDF: /)
    const doc = await attachmentText(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'doc'
    )
    expect(doc.error).toMatch(/^unreadable DOC: [^\n]+$/)
  })
})

describe('our Word 97 writer', () => {
  it('round-trips any Vietnamese paragraphs through word-extractor', async () => {
    const para = fc.stringMatching(
      /^[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ0-9 ,.]{1,80}$/
    )
    await fc.assert(
      fc.asyncProperty(fc.array(para, { minLength: 1, maxLength: 30 }), async (paras) => {
        const bytes = writeDoc97(paras)
        expect(sniffAttachment(bytes)).toBe('doc')
        const t = await attachmentText(bytes, 'doc')
        expect(t.text.split('\n').slice(0, paras.length)).toEqual(paras.map((p) => p.normalize('NFC')))
      }),
      { numRuns: 25 }
    )
  })
})

describe('attachment policy', () => {
  it('knows attachment links and bytes', () => {
    expect(isAttachmentUrl('https://a.vn/uploads/Ke%20hoach.PDF')).toBe(true)
    expect(isAttachmentUrl('https://a.vn/files/kh.docx?v=2')).toBe(true)
    expect(isAttachmentUrl('https://a.vn/tin-tuc/pdf-moi.html')).toBe(false)
    const html = new TextEncoder().encode('<html>not found</html>')
    expect(isAttachmentResponse('https://a.vn/x.pdf', 'text/html', html)).toBe(false)
    expect(isAttachmentResponse('https://a.vn/x', 'application/octet-stream', writeDoc97(['a']))).toBe(true)
  })

  it('reads a header whose two columns OCR merged into one line', () => {
    const h = readDocumentHeader(
      [
        'UBND TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc',
        'Số: 45/HD-SNV Nghệ An, ngày 2 tháng 4 năm 2024',
        'HƯỚNG DẪN',
        'Công tác thi đua năm 2024',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Nguyễn Văn An',
      ].join('\n')
    )
    expect(h).toMatchObject({
      type_heading: 'HƯỚNG DẪN',
      number: '45',
      symbol: 'HD-SNV',
      issued_on: '2024-04-02',
      issuer: 'Sở nội vụ tỉnh Nghệ An',
      signer: 'Nguyễn Văn An',
    })
  })
})
