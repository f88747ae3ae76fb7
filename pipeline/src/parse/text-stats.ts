/**
 * Text measurements of every element below a root in one post-order pass, without building
 * strings: the length `textOf(el)` would have (whitespace collapsed, trimmed), the length of its
 * link text, and its count of "," and ".". The text-density scorer needs these for nested
 * containers; measuring each container separately re-reads the same text once per nesting level.
 */
import type { AnyNode, Element } from 'domhandler'
import { BLOCK_TAGS } from './blocks.ts'
import { SKIP_TAGS } from './boilerplate.ts'
import { isJsSpace } from '../page/whitespace.ts'

export interface TextStats {
  /** cleanInline(textOf(el)).length (up to NFC changes). */
  readonly chars: number
  /** Sum of the text lengths of the outermost links below (as textOf measures each link). */
  readonly linkChars: number
  /** Number of "," and "." in the text. */
  readonly punct: number
}

/**
 * What a subtree adds up to: its whitespace-collapsed text summarised exactly enough to concatenate
 * (its length with runs of spaces counted once, and whether it starts / ends with such a run), its
 * link text and its punctuation. Mutated in place as children are appended, then kept as the
 * element's stats: one object per element, where a fresh fragment per text node and per
 * concatenation and a stats object per element were a tenth of the parse's allocation (#15).
 */
interface Acc extends TextStats {
  n: number
  lead: boolean
  trail: boolean
  chars: number
  linkChars: number
  punct: number
}

/** Appends a fragment of n collapsed characters (lead / trail: starts / ends with a space run). */
const append = (acc: Acc, n: number, lead: boolean, trail: boolean): void => {
  if (n === 0) return
  if (acc.n === 0) {
    acc.lead = lead
    acc.n = n
  } else acc.n += n - (acc.trail && lead ? 1 : 0)
  acc.trail = trail
}

const trimmed = (a: Acc): number => Math.max(0, a.n - (a.lead ? 1 : 0) - (a.trail ? 1 : 0))

// cleanInline drops these outright, before collapsing whitespace.
const isInvisible = (c: number): boolean =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff

// JavaScript's \s (what cleanInline collapses), after the odd spaces have become plain spaces; the
// BOM is \s too but cleanInline drops it first (isInvisible).
const isSpace = (c: number): boolean => c !== 0xfeff && isJsSpace(c)

const textFragment = (s: string, acc: Acc): void => {
  let n = 0
  let lead = false
  let inSpace = false
  let punct = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (isSpace(c)) {
      if (!inSpace) {
        n++
        inSpace = true
        if (n === 1) lead = true
      }
    } else if (!isInvisible(c)) {
      n++
      inSpace = false
      if (c === 44 || c === 46) punct++
    }
  }
  append(acc, n, lead, inSpace)
  acc.punct += punct
}

/** Stats for `root` and every element below it. */
export const measureText = (root: Element, out = new Map<Element, TextStats>()): Map<Element, TextStats> => {
  const visit = (el: Element): Acc => {
    const acc: Acc = { n: 0, lead: false, trail: false, chars: 0, linkChars: 0, punct: 0 }
    const skipped = SKIP_TAGS.has(el.name)
    if (el.name === 'br') append(acc, 1, true, true)
    for (const c of el.children as AnyNode[]) {
      if (c.type === 'text') {
        if (!skipped) textFragment(c.data, acc)
      } else if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        const k = visit(c)
        acc.linkChars += k.linkChars
        if (!skipped) {
          append(acc, k.n, k.lead, k.trail)
          acc.punct += k.punct
        }
      }
    }
    if (skipped) {
      acc.n = 0
      acc.punct = 0
    } else if (BLOCK_TAGS.has(el.name) || el.name === 'td' || el.name === 'th') append(acc, 1, true, true)
    acc.chars = trimmed(acc)
    // A link counts with its own text; links inside it are not counted again.
    if (el.name === 'a' && el.type === 'tag') acc.linkChars = acc.chars
    out.set(el, acc)
    return acc
  }
  visit(root)
  return out
}

/** Inline tags: their text belongs to the block that holds them. */
export const INLINE_TAGS = new Set([
  'span',
  'font',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'small',
  'big',
  'sup',
  'sub',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'a',
])

/** Share of an element's text that is link text. */
export const linkDensity = (st: TextStats): number =>
  st.chars > 0 ? Math.min(st.linkChars / st.chars, 1) : 0

/** Text an element holds itself: its text nodes and inline children (not its block children). */
export const ownInlineChars = (el: Element, stats: Map<Element, TextStats>): number => {
  let n = 0
  for (const c of el.children as AnyNode[]) {
    if (c.type === 'text') n += c.data.trim().length
    else if (c.type === 'tag' && INLINE_TAGS.has(c.name)) {
      const st = stats.get(c)
      if (st) n += st.chars - st.linkChars
    }
  }
  return n
}

/** Inline text a div or cell must hold directly to count as a paragraph. */
export const MIN_OWN_TEXT = 80
