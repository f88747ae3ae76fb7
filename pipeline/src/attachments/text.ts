/**
 * Text of an attachment by format: unpdf (pdf.js) for PDFs with a text layer, OCR for scanned PDFs,
 * mammoth for DOCX, word-extractor for legacy Word 97–2003 DOC. Never throws: a file that cannot be read
 * comes back with its reason, so one broken attachment never stops a run.
 */
import { createRequire } from 'node:module'
import mammoth from 'mammoth'
import { extractText, getDocumentProxy } from 'unpdf'
import { OCR_LANGUAGE, type OcrOptions, ocrAvailability, ocrPdf } from './ocr.ts'
import type { AttachmentKind } from './policy.ts'

export type ExtractionMethod = 'text' | 'ocr' | 'docx' | 'doc'

export interface AttachmentText {
  readonly text: string
  readonly method: ExtractionMethod | null
  readonly ocr_language: string | null
  /** Why there is no (or only partial) text, or null. */
  readonly error: string | null
}

/** Below this many letters per page a PDF is taken as a scan (page numbers and stamps only). */
const MIN_LETTERS_PER_PAGE = 40

interface WordDoc {
  getBody(): string
}
// word-extractor is CommonJS without types.
const WordExtractor = createRequire(import.meta.url)('word-extractor') as new () => {
  extract(input: Buffer): Promise<WordDoc>
}

const letters = (s: string): number => (s.match(/\p{L}/gu) ?? []).length
const oneLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''

async function pdfText(
  bytes: Uint8Array,
  ocr: OcrOptions & { readonly enabled?: boolean }
): Promise<AttachmentText> {
  let text = ''
  let pages = 1
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    pages = pdf.numPages
    const out = await extractText(pdf, { mergePages: false })
    text = out.text.join('\n').normalize('NFC')
  } catch (e) {
    return { text: '', method: null, ocr_language: null, error: `unreadable PDF: ${oneLine(e)}` }
  }
  if (letters(text) >= MIN_LETTERS_PER_PAGE * Math.min(pages, 3)) {
    return { text, method: 'text', ocr_language: null, error: null }
  }
  if (ocr.enabled === false)
    return { text, method: 'text', ocr_language: null, error: 'scanned PDF: OCR disabled' }
  const available = await ocrAvailability()
  if (!available.ok)
    return { text, method: 'text', ocr_language: null, error: `scanned PDF: ${available.reason}` }
  try {
    return { text: await ocrPdf(bytes, ocr), method: 'ocr', ocr_language: OCR_LANGUAGE, error: null }
  } catch (e) {
    return { text, method: 'text', ocr_language: null, error: oneLine(e) }
  }
}

export async function attachmentText(
  bytes: Uint8Array,
  kind: AttachmentKind,
  ocr: OcrOptions & { readonly enabled?: boolean } = {}
): Promise<AttachmentText> {
  if (kind === 'pdf') return pdfText(bytes, ocr)
  try {
    if (kind === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
      return { text: value.normalize('NFC'), method: 'docx', ocr_language: null, error: null }
    }
    const doc = await new WordExtractor().extract(Buffer.from(bytes))
    return { text: doc.getBody().normalize('NFC'), method: 'doc', ocr_language: null, error: null }
  } catch (e) {
    return {
      text: '',
      method: null,
      ocr_language: null,
      error: `unreadable ${kind.toUpperCase()}: ${oneLine(e)}`,
    }
  }
}
