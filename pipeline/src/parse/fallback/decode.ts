/**
 * Minimal stand-in for crawl/decode.ts (engineer B): HTTP charset → meta charset → BOM → UTF-8
 * validity → windows-1258, then NFC (combining runs capped first, issue #18). No TCVN3/VNI repair here; B's version does that.
 */
import iconv from 'iconv-lite'
import { safeNfc } from '../text.ts'

const charsetOf = (s: string | null | undefined): string | null => {
  const m = s ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(s) : null
  return m ? m[1]!.toLowerCase() : null
}

export const decodeHtml = (
  bytes: Uint8Array,
  contentType?: string | null
): { text: string; encoding: string } => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: safeNfc(buf.subarray(3).toString('utf8')), encoding: 'utf-8' }
  }
  const head = buf.subarray(0, 4096).toString('latin1')
  const declared = charsetOf(contentType) ?? charsetOf(/<meta[^>]+charset[^>]*>/i.exec(head)?.[0])
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return { text: safeNfc(iconv.decode(buf, declared)), encoding: declared }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return { text: safeNfc(text), encoding: 'utf-8' }
  } catch {
    return { text: safeNfc(iconv.decode(buf, 'windows-1258')), encoding: 'windows-1258' }
  }
}
