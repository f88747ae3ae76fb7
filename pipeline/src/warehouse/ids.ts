/** Deterministic ids: the same input always gets the same id, so reloads and reparses converge. */
import { createHash } from 'node:crypto'

const digest16 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16)

/** An article's id is derived from its canonical URL alone: a reparse of the page replaces its rows. */
export const articleIdFor = (canonicalUrl: string): string => `a_${digest16(canonicalUrl)}`

/** Id from a key tuple (null parts allowed); `prefix` tells the entity (d_ document, e_ event). */
export const keyId = (prefix: string, parts: ReadonlyArray<string | number | null>): string =>
  `${prefix}${digest16(parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f'))}`
