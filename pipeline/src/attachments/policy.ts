/**
 * Which links are attachments and what their bytes are. Portals publish the plan itself as a PDF, DOC or
 * DOCX linked from the article; the crawler follows such links from article pages of configured hosts
 * only, under the same robots.txt and politeness as any page, with its own size cap.
 */

export type AttachmentKind = 'pdf' | 'docx' | 'doc'

/** Attachments are bigger than pages (scans), but a 20 MB cap still refuses archives and videos. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

const EXTENSION = /\.(pdf|docx?)$/i

/** A link to a .pdf, .doc or .docx file (by path; query strings such as `?v=2` are allowed). */
export const isAttachmentUrl = (url: string): boolean => {
  try {
    return EXTENSION.test(decodeURIComponent(new URL(url).pathname))
  } catch {
    return false
  }
}

const MEDIA: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
}
export const mediaTypeOf = (kind: AttachmentKind): string => MEDIA[kind]

const startsWith = (bytes: Uint8Array, magic: ReadonlyArray<number>, at = 0): boolean =>
  magic.every((b, i) => bytes[at + i] === b)

/**
 * What the bytes are, whatever the URL or Content-Type claim (portals serve PDFs as
 * application/octet-stream and DOCX as .doc). A PDF may have junk before `%PDF` (within 1 KB).
 */
export const sniffAttachment = (bytes: Uint8Array): AttachmentKind | null => {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package names its main part early in the zip directory; look in the first 64 KB.
    const zipHead = Buffer.from(bytes.subarray(0, 65_536)).toString('latin1')
    return zipHead.includes('word/') ? 'docx' : null
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'
  return null
}

/** An archived response that is an attachment: by its bytes, else by its URL and content type. */
export const isAttachmentResponse = (url: string, contentType: string | null, bytes: Uint8Array): boolean => {
  if (sniffAttachment(bytes) !== null) return true
  // By URL only when the server does not say it sent a page (an error page at a .pdf URL).
  const ct = (contentType ?? '').toLowerCase()
  return isAttachmentUrl(url) && !ct.startsWith('text/') && !ct.includes('html')
}
