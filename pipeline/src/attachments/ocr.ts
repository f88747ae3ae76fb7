/**
 * OCR of scanned PDFs (no text layer) with Debian's tools: `pdftoppm` (poppler-utils) renders each page,
 * `tesseract -l vie` (tesseract-ocr-vie) reads it. Where they are missing the attachment is kept with a
 * recorded reason instead; `scripts/ensure-ocr.sh` installs both.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const OCR_LANGUAGE = 'vie'

export type OcrAvailability = { readonly ok: true } | { readonly ok: false; readonly reason: string }

let cached: Promise<OcrAvailability> | null = null

const probe = async (): Promise<OcrAvailability> => {
  try {
    await run('pdftoppm', ['-v'], { timeout: 10_000 })
  } catch {
    return {
      ok: false,
      reason: 'OCR unavailable: pdftoppm not installed (Debian poppler-utils; run scripts/ensure-ocr.sh)',
    }
  }
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 })
    if (!`${stdout}\n${stderr}`.split(/\s+/).includes(OCR_LANGUAGE))
      return {
        ok: false,
        reason:
          'OCR unavailable: tesseract has no Vietnamese model (Debian tesseract-ocr-vie; run scripts/ensure-ocr.sh)',
      }
  } catch {
    return {
      ok: false,
      reason:
        'OCR unavailable: tesseract not installed (Debian tesseract-ocr-vie; run scripts/ensure-ocr.sh)',
    }
  }
  return { ok: true }
}

/** Whether OCR can run on this machine (probed once per process). */
export const ocrAvailability = (): Promise<OcrAvailability> => {
  cached ??= probe()
  return cached
}

export interface OcrOptions {
  /** Pages read at most (a 200-page scan costs minutes; the header and signature are on the first pages). */
  readonly maxPages?: number
  readonly dpi?: number
  readonly timeoutMs?: number
}

/** Text of a scanned PDF, page by page; throws with one line when a tool fails. */
export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thidua-ocr-'))
  const timeout = opts.timeoutMs ?? 120_000
  try {
    const pdf = path.join(dir, 'in.pdf')
    await writeFile(pdf, bytes)
    await run(
      'pdftoppm',
      [
        '-r',
        String(opts.dpi ?? 200),
        '-gray',
        '-png',
        '-l',
        String(opts.maxPages ?? 10),
        pdf,
        path.join(dir, 'page'),
      ],
      { timeout }
    )
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort()
    const texts: string[] = []
    for (const page of pages) {
      // psm 4: one column of text of variable sizes, which is how a Vietnamese official letter reads.
      const { stdout } = await run(
        'tesseract',
        [path.join(dir, page), 'stdout', '-l', OCR_LANGUAGE, '--psm', '4'],
        {
          timeout,
          maxBuffer: 16 * 1024 * 1024,
        }
      )
      texts.push(stdout)
    }
    return texts.join('\n').normalize('NFC')
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e)
    throw new Error(`OCR failed: ${message}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
