import type { Context } from 'hono'
import { badParam } from './api-error.ts'

const ID = /^[\p{L}\p{N}_:.@-]{1,200}$/u

/** A path identifier (article, document, run id): letters, digits and _:.@- only. */
export const pathId = (c: Context, name: string): string => {
  const raw = c.req.param(name) ?? ''
  let v: string
  try {
    v = decodeURIComponent(raw)
  } catch {
    v = raw
  }
  if (!ID.test(v))
    throw badParam(
      name,
      'chỉ gồm chữ, số và các ký tự _:.@- (tối đa 200)',
      'letters, digits and _:.@- only (max 200)'
    )
  return v.normalize('NFC')
}
