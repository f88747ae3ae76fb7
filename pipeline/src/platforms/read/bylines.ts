/** Author bylines as the adapters read them: a labelled or plain name line split into names. */
import { splitAuthors, stripAuthorLabel } from '../../parse/authors.ts'
import { textOf } from '../../parse/blocks.ts'
import type { Doc } from '../../parse/doc.ts'

/** The names in one byline text ("Tác giả: A, B" or just "A – B"); none for no text. */
export const authorsOf = (text: string | null): string[] =>
  text ? splitAuthors(stripAuthorLabel(text) ?? text) : []

/** Newspapers print one byline: the names of the first matching element that has any. */
export const firstBylineAuthors = (doc: Doc, selector: string): string[] => {
  for (const el of doc.all(selector)) {
    const names = authorsOf(textOf(el))
    if (names.length > 0) return names
  }
  return []
}

/**
 * Portals repeat author and source lines: the distinct names of every matching element. An
 * unlabelled text counts only when it is short and has no colon, so a "Nguồn: …" note is not a name.
 */
export const allBylineAuthors = (doc: Doc, selector: string): string[] => {
  const authors: string[] = []
  for (const el of doc.all(selector)) {
    const t = textOf(el)
    const names = stripAuthorLabel(t) ?? (t.length < 60 && !/:/.test(t) ? t : null)
    if (names) for (const n of splitAuthors(names)) if (!authors.includes(n)) authors.push(n)
  }
  return authors
}
