/**
 * Text measurements of every element below a root in one post-order pass, without building
 * strings: the length `textOf(el)` would have (whitespace collapsed, trimmed), the length of its
 * link text, and its count of "," and ".". The text-density scorer needs these for nested
 * containers; measuring each container separately re-reads the same text once per nesting level.
 */
import type { AnyNode, Element } from 'domhandler'
import { BLOCK_TAGS } from './blocks.ts'
import { SKIP_TAGS } from './boilerplate.ts'

export interface TextStats {
  /** cleanInline(textOf(el)).length (up to NFC changes). */
  readonly chars: number
  /** Sum of the text lengths of the outermost links below (as textOf measures each link). */
  readonly linkChars: number
  /** Number of "," and "." in the text. */
  readonly punct: number
}

/**
 * Whitespace-collapsed text of a subtree summarised exactly enough to concatenate: its length with
 * runs of spaces counted once, and whether it starts / ends with such a run.
 */
interface Fragment {
  n: number
  lead: boolean
  trail: boolean
}

const EMPTY: Fragment = { n: 0, lead: false, trail: false }
const SPACE: Fragment = { n: 1, lead: true, trail: true }

const concat = (a: Fragment, b: Fragment): Fragment => {
  if (a.n === 0) return b
  if (b.n === 0) return a
  return { n: a.n + b.n - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail }
}

const trimmed = (f: Fragment): number => Math.max(0, f.n - (f.lead ? 1 : 0) - (f.trail ? 1 : 0))

// cleanInline drops these outright, before collapsing whitespace.
const isInvisible = (c: number): boolean =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff

// JavaScript's \s (what cleanInline collapses), after the odd spaces have become plain spaces.
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000

interface Acc {
  frag: Fragment
  links: number
  punct: number
}

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
  acc.frag = concat(acc.frag, { n, lead, trail: inSpace })
  acc.punct += punct
}

/** Stats for `root` and every element below it. */
export const measureText = (root: Element, out = new Map<Element, TextStats>()): Map<Element, TextStats> => {
  const visit = (el: Element): Acc => {
    const acc: Acc = { frag: EMPTY, links: 0, punct: 0 }
    const skipped = SKIP_TAGS.has(el.name)
    if (el.name === 'br') acc.frag = SPACE
    for (const c of el.children as AnyNode[]) {
      if (c.type === 'text') {
        if (!skipped) textFragment(c.data, acc)
      } else if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        const k = visit(c)
        acc.links += k.links
        if (!skipped) {
          acc.frag = concat(acc.frag, k.frag)
          acc.punct += k.punct
        }
      }
    }
    if (skipped) {
      acc.frag = EMPTY
      acc.punct = 0
    } else if (BLOCK_TAGS.has(el.name) || el.name === 'td' || el.name === 'th')
      acc.frag = concat(acc.frag, SPACE)
    const chars = trimmed(acc.frag)
    // A link counts with its own text; links inside it are not counted again.
    if (el.name === 'a' && el.type === 'tag') acc.links = chars
    out.set(el, { chars, linkChars: acc.links, punct: acc.punct })
    return acc
  }
  visit(root)
  return out
}
