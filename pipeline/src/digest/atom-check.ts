/**
 * The rules of RFC 4287 that its RELAX NG schema cannot state (the Schematron annotations of Appendix B
 * and the prose): the root is atom:feed; the feed has exactly one id (an absolute IRI), title and
 * updated (an RFC 3339 date-time), an author (or every entry has one), and a rel="self" link; every
 * entry has exactly one id, title and updated, a rel="alternate" link or a content element, and ids
 * are unique. Returns the problems found (empty = valid). atom-schema.ts adds the RELAX NG validation.
 */
import type { AnyNode, Element } from 'domhandler'
import { parseDocument } from 'htmlparser2'

const isTag = (n: AnyNode): n is Element => n.type === 'tag'

const ATOM_NS = 'http://www.w3.org/2005/Atom'
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/

const kids = (e: Element, name: string): Element[] =>
  e.children.filter((c): c is Element => isTag(c) && c.name === name)
const text = (e: Element): string =>
  e.children
    .map((c) => ('data' in c ? String(c.data) : isTag(c) ? text(c) : ''))
    .join('')
    .trim()

function common(e: Element, where: string, problems: string[]) {
  for (const name of ['id', 'title', 'updated']) {
    const n = kids(e, name).length
    if (n !== 1) problems.push(`${where}: ${n} atom:${name} elements (exactly one required)`)
  }
  const id = kids(e, 'id')[0]
  if (id && !IRI.test(text(id))) problems.push(`${where}: atom:id "${text(id)}" is not an absolute IRI`)
  const up = kids(e, 'updated')[0]
  if (up && (!RFC3339.test(text(up)) || Number.isNaN(Date.parse(text(up)))))
    problems.push(`${where}: atom:updated "${text(up)}" is not an RFC 3339 date-time`)
  for (const l of kids(e, 'link')) if (!l.attribs.href) problems.push(`${where}: atom:link without href`)
  const alternates = kids(e, 'link').filter((l) => (l.attribs.rel ?? 'alternate') === 'alternate')
  const pairs = alternates.map((l) => `${l.attribs.type ?? ''}|${l.attribs.hreflang ?? ''}`)
  if (new Set(pairs).size !== pairs.length)
    problems.push(`${where}: two rel="alternate" links with one type and hreflang`)
}

export function checkAtom(xml: string): string[] {
  const problems: string[] = []
  const doc = parseDocument(xml, { xmlMode: true })
  const roots = doc.children.filter(isTag)
  const feed = roots[0]
  if (roots.length !== 1 || !feed || feed.name !== 'feed') return ['the document element is not atom:feed']
  if (feed.attribs.xmlns !== ATOM_NS) problems.push(`atom:feed is not in the Atom namespace ${ATOM_NS}`)
  common(feed, 'feed', problems)
  if (!kids(feed, 'link').some((l) => l.attribs.rel === 'self')) problems.push('feed: no rel="self" link')
  const entries = kids(feed, 'entry')
  const feedAuthor = kids(feed, 'author').length > 0
  const ids = new Set<string>()
  entries.forEach((e, i) => {
    const where = `entry ${i + 1}`
    common(e, where, problems)
    if (!feedAuthor && kids(e, 'author').length === 0)
      problems.push(`${where}: no atom:author (and the feed has none)`)
    const hasAlt = kids(e, 'link').some((l) => (l.attribs.rel ?? 'alternate') === 'alternate')
    if (!hasAlt && kids(e, 'content').length === 0)
      problems.push(`${where}: neither a rel="alternate" link nor atom:content`)
    const id = kids(e, 'id')[0]
    if (id) {
      if (ids.has(text(id))) problems.push(`${where}: atom:id "${text(id)}" repeats`)
      ids.add(text(id))
    }
  })
  return problems
}
