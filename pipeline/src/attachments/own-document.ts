/**
 * The document an attachment is: its header read (attachments/header.ts), written as the citation a news
 * article would make, and run through the extractor so the mention has the same shape, type and key as
 * every other document mention. The header's issuer and date win where the extractor finds none.
 */
import type { DocumentMention } from '../domain/extraction.ts'
import { extract } from '../extract/extract.ts'
import { citationOf, type DocumentHeader, readDocumentHeader } from './header.ts'

export interface OwnDocument {
  readonly mention: DocumentMention
  readonly header: DocumentHeader
  readonly signer: string | null
}

export function ownDocument(text: string): OwnDocument | null {
  const header = readDocumentHeader(text)
  const citation = citationOf(header)
  if (!citation) return null
  const found = extract(citation, { id: 'attachment', published: header.issued_on }).documents[0]
  if (!found || found.number !== header.number) return null
  return {
    mention: {
      ...found,
      date: found.date ?? header.issued_on,
      issuer: found.issuer ?? header.issuer,
      ...(found.issuer === null && header.issuer ? { issuer_basis: 'text' as const } : {}),
    },
    header,
    signer: header.signer,
  }
}
