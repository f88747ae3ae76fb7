/**
 * Writes the snapshot's attachment files (`thidua snapshot build` runs it before rendering the sites):
 * a text PDF (pdf-lib with an embedded DejaVu font, which has the Vietnamese glyphs), a DOCX (docx), a
 * legacy DOC (our own writer, doc97.ts) and a scanned PDF (the text PDF rasterised by pdftoppm and
 * re-embedded as an image, so it has no text layer). Files that exist are kept: pdf-lib names font
 * subsets at random, so regenerating would churn the committed bytes.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import fontkit from '@pdf-lib/fontkit'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, type PDFFont } from 'pdf-lib'
import { writeDoc97 } from './doc97.ts'
import type { PlannedAttachment } from './plan.ts'

const run = promisify(execFile)
const FIXED_DATE = new Date('2025-01-01T00:00:00Z')
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
]

const fontFile = (): string => {
  const f = FONT_CANDIDATES.find((p) => existsSync(p))
  if (!f) throw new Error('no DejaVu font found: install Debian fonts-dejavu-core (scripts/ensure-ocr.sh)')
  return f
}

const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line)
      line = word
    } else line = next
  }
  if (line) out.push(line)
  return out
}

export async function textPdf(lines: ReadonlyArray<string>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setCreationDate(FIXED_DATE)
  pdf.setModificationDate(FIXED_DATE)
  pdf.setProducer('Thi Dua Atlas snapshot')
  const font = await pdf.embedFont(readFileSync(fontFile()), { subset: true })
  const size = 12
  let page = pdf.addPage([595, 842]) // A4 in points
  let y = 790
  for (const l of lines) {
    for (const part of wrap(l, font, size, 495)) {
      if (y < 60) {
        page = pdf.addPage([595, 842])
        y = 790
      }
      page.drawText(part, { x: 50, y, size, font })
      y -= size * 1.6
    }
    y -= 4
  }
  return pdf.save()
}

/** The text PDF rendered to a grey image and embedded alone: what a scanner produces. */
export async function scannedPdf(lines: ReadonlyArray<string>): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-scan-'))
  try {
    writeFileSync(path.join(dir, 'text.pdf'), await textPdf(lines))
    await run('pdftoppm', [
      '-r',
      '200',
      '-gray',
      '-png',
      '-singlefile',
      path.join(dir, 'text.pdf'),
      path.join(dir, 'page'),
    ])
    const pdf = await PDFDocument.create()
    pdf.setCreationDate(FIXED_DATE)
    pdf.setModificationDate(FIXED_DATE)
    const png = await pdf.embedPng(readFileSync(path.join(dir, 'page.png')))
    const page = pdf.addPage([595, 842])
    page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 })
    return pdf.save()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function docx(lines: ReadonlyArray<string>): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Thi Dua Atlas snapshot',
    sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

export async function renderAttachment(a: PlannedAttachment): Promise<Uint8Array> {
  switch (a.format) {
    case 'pdf':
      return textPdf(a.lines)
    case 'scan':
      return scannedPdf(a.lines)
    case 'docx':
      return docx(a.lines)
    case 'doc':
      return writeDoc97(a.lines)
  }
}

/** Writes the missing attachment files into `dir`; returns the names written. */
export async function writeAttachmentFiles(
  dir: string,
  planned: ReadonlyArray<PlannedAttachment>
): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  for (const a of planned) {
    const file = path.join(dir, a.file)
    if (existsSync(file)) continue
    writeFileSync(file, await renderAttachment(a))
    written.push(a.file)
  }
  return written
}
