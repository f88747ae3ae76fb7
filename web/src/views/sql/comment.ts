/**
 * Warehouse comments are written 'Tiếng Việt | English'. Show the half for the reader's language, the
 * other half when that one is missing, the whole text when it has no separator, nothing when empty.
 */
// The same union as app/i18n.tsx's Lang, declared here so this module has no JSX dependency (tests import it).
type Lang = 'vi' | 'en'

export const commentFor = (comment: string | null | undefined, lang: Lang): string | null => {
  const raw = comment ?? ''
  if (raw.trim() === '') return null
  // The first '|' separates the halves; either half may be missing.
  const cut = raw.indexOf('|')
  if (cut < 0) return raw.trim()
  const vi = raw.slice(0, cut).trim()
  const en = raw.slice(cut + 1).trim()
  const mine = lang === 'vi' ? vi : en
  const other = lang === 'vi' ? en : vi
  return mine || other || null
}
