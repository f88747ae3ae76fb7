/**
 * The parsed page with indexes for the few CSS selectors the adapters use. The profile of the
 * cheerio version showed most of the time in css-select walking the whole tree once per selector
 * (~60 queries a page); here the parse itself lists every element in document order and indexes
 * it by tag, id and class token, and a selector starts from the smallest index list.
 *
 * Supported selector syntax (anything else throws, so a typo fails loudly in tests): lists
 * (`a, b`), descendant and child combinators, `tag`, `*`, `#id`, `.class`, `[attr]`,
 * `[attr=v]`, `[attr~=v]`, `[attr^=v]`, `[attr$=v]`, `[attr*=v]`, `:first-child`, `:last-child`.
 * Answers equal css-select's on the same DOM (doc-differential.test.ts): values of HTML's enumerated
 * attributes (rel, type, align…) compare case-insensitively there too; only `[a~=""]` differs (never
 * matches here, as Selectors 4 says).
 */
import type { AnyNode, Document, Element } from 'domhandler'
import { DomHandler, Parser } from 'htmlparser2'

type AttrOp = '' | '=' | '~=' | '^=' | '$=' | '*='

interface AttrTest {
  readonly name: string
  readonly op: AttrOp
  /** Lowercased when `fold`. */
  readonly value: string
  /** Compare ASCII case-insensitively (HTML's enumerated attributes: `[rel=author]` matches "Author"). */
  readonly fold: boolean
}

/** Attributes whose values selectors compare case-insensitively in HTML (the HTML standard's list). */
const FOLDED_ATTRS = new Set(
  (
    'accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer ' +
    'dir direction disabled enctype face frame hreflang http-equiv lang language link media method multiple ' +
    'nohref noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type ' +
    'valign valuetype vlink'
  ).split(' ')
)

interface Compound {
  readonly tag: string | null
  readonly id: string | null
  readonly classes: ReadonlyArray<string>
  readonly attrs: ReadonlyArray<AttrTest>
  readonly firstChild: boolean
  readonly lastChild: boolean
}

/** Compounds right to left; `combinators[i]` joins compounds[i] to compounds[i + 1] (its left). */
interface Complex {
  readonly compounds: ReadonlyArray<Compound>
  readonly combinators: ReadonlyArray<' ' | '>'>
}

const COMPOUND_PART =
  /^(?:([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([~^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]|:(first-child|last-child))/

const parseComplex = (text: string, whole: string): Complex => {
  const compounds: Compound[] = []
  const combinators: Array<' ' | '>'> = []
  let s = text.trim()
  let pending: ' ' | '>' | null = null
  while (s.length > 0) {
    let tag: string | null = null
    let id: string | null = null
    const classes: string[] = []
    const attrs: AttrTest[] = []
    let firstChild = false
    let lastChild = false
    let consumed = false
    for (let m = COMPOUND_PART.exec(s); m; m = COMPOUND_PART.exec(s)) {
      consumed = true
      if (m[1]) tag = m[1] === '*' ? null : m[1].toLowerCase()
      // A second id (`#a#b`) is one more attribute test: both must hold.
      else if (m[2]) {
        if (id === null) id = m[2]
        else attrs.push({ name: 'id', op: '=', value: m[2], fold: false })
      } else if (m[3]) classes.push(m[3])
      else if (m[4]) {
        const name = m[4].toLowerCase()
        const fold = FOLDED_ATTRS.has(name)
        const value = m[6] ?? m[7] ?? m[8] ?? ''
        attrs.push({ name, op: (m[5] ?? '') as AttrOp, value: fold ? value.toLowerCase() : value, fold })
      } else if (m[9] === 'first-child') firstChild = true
      else if (m[9] === 'last-child') lastChild = true
      s = s.slice(m[0].length)
    }
    if (!consumed) throw new Error(`unsupported selector: ${JSON.stringify(whole)}`)
    if (pending) combinators.unshift(pending)
    compounds.unshift({ tag, id, classes, attrs, firstChild, lastChild })
    const comb = /^\s*(>)\s*|^\s+/.exec(s)
    if (!comb) {
      if (s.length > 0) throw new Error(`unsupported selector: ${JSON.stringify(whole)}`)
      break
    }
    pending = comb[1] ? '>' : ' '
    s = s.slice(comb[0].length)
  }
  if (compounds.length === 0) throw new Error(`empty selector: ${JSON.stringify(whole)}`)
  return { compounds, combinators }
}

/** The parts of a selector list: commas inside quoted attribute values (`[title="a,b"]`) do not split. */
const splitList = (selector: string): string[] => {
  const parts: string[] = []
  let quote = ''
  let start = 0
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === ',') {
      parts.push(selector.slice(start, i))
      start = i + 1
    }
  }
  parts.push(selector.slice(start))
  return parts
}

const compiled = new Map<string, ReadonlyArray<Complex>>()

const compile = (selector: string): ReadonlyArray<Complex> => {
  let c = compiled.get(selector)
  if (!c) {
    c = splitList(selector).map((part) => parseComplex(part, selector))
    compiled.set(selector, c)
  }
  return c
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12

/** Whole-token class test without splitting the attribute (called for many elements). */
const hasClass = (el: Element, cls: string): boolean => {
  const v = el.attribs.class
  if (v === undefined) return false
  for (let at = v.indexOf(cls); at >= 0; at = v.indexOf(cls, at + 1)) {
    const end = at + cls.length
    if ((at === 0 || isSpace(v.charCodeAt(at - 1))) && (end === v.length || isSpace(v.charCodeAt(end))))
      return true
  }
  return false
}

const attrMatches = (el: Element, t: AttrTest): boolean => {
  const raw = el.attribs[t.name]
  if (raw === undefined) return false
  const v = t.fold ? raw.toLowerCase() : raw
  switch (t.op) {
    case '':
      return true
    case '=':
      return v === t.value
    case '~=':
      return t.value !== '' && v.split(/\s+/).includes(t.value)
    case '^=':
      return t.value !== '' && v.startsWith(t.value)
    case '$=':
      return t.value !== '' && v.endsWith(t.value)
    case '*=':
      return t.value !== '' && v.includes(t.value)
  }
}

const isTag = (n: AnyNode | null | undefined): n is Element =>
  !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style')

const matchesCompound = (el: Element, c: Compound): boolean => {
  if (c.tag !== null && el.name !== c.tag) return false
  if (c.id !== null && el.attribs.id !== c.id) return false
  for (const cls of c.classes) if (!hasClass(el, cls)) return false
  for (const a of c.attrs) if (!attrMatches(el, a)) return false
  if (c.firstChild) {
    let p = el.prev
    while (p && !isTag(p)) p = p.prev
    if (p) return false
  }
  if (c.lastChild) {
    let n = el.next
    while (n && !isTag(n)) n = n.next
    if (n) return false
  }
  return true
}

const parentElement = (el: Element): Element | null => (isTag(el.parent) ? el.parent : null)

/** Does `el` match compounds[i..] (right to left), with backtracking over descendant ancestors? */
const matchFrom = (el: Element, cx: Complex, i: number): boolean => {
  if (!matchesCompound(el, cx.compounds[i]!)) return false
  if (i === cx.compounds.length - 1) return true
  if (cx.combinators[i] === '>') {
    const p = parentElement(el)
    return p !== null && matchFrom(p, cx, i + 1)
  }
  for (let p = parentElement(el); p; p = parentElement(p)) if (matchFrom(p, cx, i + 1)) return true
  return false
}

/** All text below a node, scripts included (the DOM's textContent, as cheerio's .text()). */
export const textContent = (node: AnyNode): string => {
  if (node.type === 'text') return node.data
  if (!('children' in node)) return ''
  let out = ''
  for (const c of node.children) out += textContent(c)
  return out
}

export interface Doc {
  readonly document: Document
  /** Every element in document order. */
  readonly elements: ReadonlyArray<Element>
  readonly byTag: (tag: string) => ReadonlyArray<Element>
  /** All matches of a selector (list) in document order. */
  readonly all: (selector: string) => Element[]
  /** The first match in document order, or null. */
  readonly first: (selector: string) => Element | null
  /** Does an element match a selector (list)? */
  readonly matches: (el: Element, selector: string) => boolean
}

const EMPTY: ReadonlyArray<Element> = []

const push = (m: Map<string, Element[]>, k: string, el: Element): void => {
  const list = m.get(k)
  if (list) list.push(el)
  else m.set(k, [el])
}

/**
 * Element indexes, filled in document order. An element's position is kept in its `startIndex`
 * field (unused otherwise: parsing runs without source positions), which is cheaper than a Map.
 */
class ElementIndex {
  readonly elements: Element[] = []
  readonly tags = new Map<string, Element[]>()
  readonly ids = new Map<string, Element[]>()
  readonly classes = new Map<string, Element[]>()

  add(n: Element): void {
    n.startIndex = this.elements.length
    this.elements.push(n)
    push(this.tags, n.name, n)
    const a = n.attribs
    if (a.id !== undefined) push(this.ids, a.id, n)
    const cls = a.class
    if (cls !== undefined && cls.length > 0) {
      // Split on whitespace by hand: a regex split per element showed up in the profile.
      let start = -1
      for (let i = 0; i <= cls.length; i++) {
        if (i === cls.length || isSpace(cls.charCodeAt(i))) {
          if (start >= 0) push(this.classes, cls.slice(start, i), n)
          start = -1
        } else if (start < 0) start = i
      }
    }
  }
}

/**
 * Deepest element nesting kept. Real portal layouts stay under ~60 levels; a hostile page nested
 * 10,000 deep would overflow the recursive walks (text, density, listing) further on (issue #18).
 */
const MAX_DEPTH = 400

/**
 * DomHandler that indexes each element as it is created (while it is still in cache: a separate
 * walk over the finished tree cost a tenth of the parse) and drops comments, which no reader uses.
 */
class IndexingHandler extends DomHandler {
  readonly index = new ElementIndex()
  // Tags opened below MAX_DEPTH that were not built (their text goes to the deepest kept element).
  private flattened = 0

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_DEPTH) {
      this.flattened++
      return
    }
    super.onopentag(name, attribs)
    this.index.add(this.tagStack[this.tagStack.length - 1] as Element)
  }

  override onclosetag(): void {
    // htmlparser2 closes every tag it opened, innermost first: the flattened ones close first.
    if (this.flattened > 0) {
      this.flattened--
      return
    }
    super.onclosetag()
  }

  override oncomment(): void {}
}

/** Indexes an already parsed document (one walk), for documents not built by parseHtml. */
export const indexDocument = (document: Document): Doc => {
  const index = new ElementIndex()
  // Iterative pre-order walk: deep portal layouts would not overflow the stack.
  const stack: AnyNode[] = [...document.children].reverse()
  while (stack.length > 0) {
    const n = stack.pop()!
    if (!isTag(n)) continue
    index.add(n)
    const kids = n.children
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return wrap(document, index)
}

/** The selector engine over a document and its indexes. */
const wrap = (document: Document, index: ElementIndex): Doc => {
  const { elements, tags, ids, classes } = index
  // Elements by attribute name, for compounds that are only attribute tests ([id$="…"], [align]):
  // built on first use per name, since few names are ever asked for.
  const attrNames = new Map<string, Element[]>()
  const withAttr = (name: string): Element[] => {
    let list = attrNames.get(name)
    if (!list) {
      list = elements.filter((el) => el.attribs[name] !== undefined)
      attrNames.set(name, list)
    }
    return list
  }

  /** The index list the rightmost compound can start from: the smallest one that applies. */
  const candidates = (c: Compound): ReadonlyArray<Element> => {
    if (c.id !== null) return ids.get(c.id) ?? EMPTY
    let best: ReadonlyArray<Element> = elements
    const consider = (l: ReadonlyArray<Element> | undefined): void => {
      const list = l ?? EMPTY
      if (list.length < best.length) best = list
    }
    for (const cls of c.classes) consider(classes.get(cls))
    if (c.tag !== null) consider(tags.get(c.tag))
    // Only worth a pass over the elements when nothing narrower applies.
    if (best === elements) for (const a of c.attrs) consider(withAttr(a.name))
    return best
  }

  const allOf = (cx: Complex): Element[] => {
    const out: Element[] = []
    for (const el of candidates(cx.compounds[0]!)) if (matchFrom(el, cx, 0)) out.push(el)
    return out
  }

  const firstOf = (cx: Complex): Element | null => {
    for (const el of candidates(cx.compounds[0]!)) if (matchFrom(el, cx, 0)) return el
    return null
  }

  const pos = (el: Element): number => el.startIndex ?? -1

  return {
    document,
    elements,
    byTag: (tag) => tags.get(tag) ?? EMPTY,
    all: (selector) => {
      const list = compile(selector)
      if (list.length === 1) return allOf(list[0]!)
      const seen = new Set<Element>()
      for (const cx of list) for (const el of allOf(cx)) seen.add(el)
      return [...seen].sort((a, b) => pos(a) - pos(b))
    },
    first: (selector) => {
      let best: Element | null = null
      for (const cx of compile(selector)) {
        const el = firstOf(cx)
        if (el && (best === null || pos(el) < pos(best))) best = el
      }
      return best
    },
    matches: (el, selector) => compile(selector).some((cx) => matchFrom(el, cx, 0)),
  }
}

/**
 * HTML → indexed DOM. htmlparser2 builds the tree (several times faster than parse5 on ~80 KB
 * portal pages; see bench/parse.bench.ts).
 */
export const parseHtml = (html: string): Doc => {
  const handler = new IndexingHandler()
  new Parser(handler, { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true }).end(html)
  return wrap(handler.root, handler.index)
}
