/**
 * The snapshot's scanned PDF (an image-only page, no text layer) read by OCR with Tesseract's Vietnamese
 * model: the document's own number, date, issuer and signer come out through the extractor.
 * `pnpm test:long` runs scripts/ensure-ocr.sh first, which installs tesseract-ocr-vie and poppler-utils.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ownDocument } from '@thidua/pipeline/attachments/own-document'
import { ocrAvailability } from '@thidua/pipeline/attachments/ocr'
import { attachmentText } from '@thidua/pipeline/attachments/text'
import { planAttachments } from '@thidua/pipeline/snapshot/attachments/plan'
import { attachmentFilesDir } from '@thidua/pipeline/snapshot/build'
import { loadFacts } from '@thidua/pipeline/snapshot/facts'
import { describe, expect, it } from 'vitest'

describe('scanned attachment through OCR', () => {
  it('yields the number, date, issuer and signer of the scanned plan', async () => {
    const availability = await ocrAvailability()
    expect(availability).toEqual({ ok: true }) // ensure-ocr.sh installs the tools
    const facts = loadFacts()
    const scan = planAttachments(facts).find((a) => a.format === 'scan')!
    const doc = facts.find((f) => f.id === scan.factId)!.documents.find((d) => d.number && d.date)!
    const t = await attachmentText(
      new Uint8Array(readFileSync(path.join(attachmentFilesDir, scan.file))),
      'pdf'
    )
    expect(t).toMatchObject({ method: 'ocr', ocr_language: 'vie', error: null })
    const own = ownDocument(t.text)
    expect(`${own?.mention.number}/${own?.mention.symbol}`).toBe(doc.symbol)
    expect(own?.mention.date).toBe(doc.date)
    expect(own?.mention.issuer).toBe(doc.issuer?.replace(/^UBND/, 'Ủy ban nhân dân'))
    expect(own?.signer).toBe(scan.lines.at(-1))
  }, 180_000)
})
