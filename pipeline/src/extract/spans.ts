/** Claimed character ranges, so a later, weaker pattern does not re-read text an earlier one explained. */
export class Claims {
  private readonly ranges: Array<[number, number]> = []

  overlaps(start: number, end: number): boolean {
    for (const [s, e] of this.ranges) if (start < e && s < end) return true
    return false
  }

  claim(start: number, end: number): void {
    this.ranges.push([start, end])
  }
}

interface SplitRegex {
  /** The pattern without its leading lookbehind (global, same flags and capture groups). */
  readonly scan: RegExp
  /** The leading lookbehind alone, sticky, tested where `scan` matched; null when there is none. */
  readonly guard: RegExp | null
}

/**
 * Walks a pattern's source from `from`, skipping escapes and character classes; `visit` sees every other
 * character with its index and returns true to stop. One walk for the two questions below.
 */
function walk(src: string, from: number, visit: (c: string, i: number) => boolean): void {
  let inClass = false
  for (let i = from; i < src.length; i++) {
    const c = src.charAt(i)
    if (c === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
    } else if (c === '[') inClass = true
    else if (visit(c, i)) return
  }
}

/**
 * Index just past the group that opens at `open` (a "(" in `src`), or -1. Knows escapes and classes.
 * Also reports whether the group holds a capturing group or a top-level alternation follows it.
 */
function groupEnd(src: string, open: number): { end: number; captures: boolean } {
  let depth = 0
  let captures = false
  let end = -1
  walk(src, open, (c, i) => {
    if (c === '(') {
      if (depth > 0 && src[i + 1] !== '?') captures = true
      if (depth > 0 && src.startsWith('(?<', i) && !src.startsWith('(?<=', i) && !src.startsWith('(?<!', i))
        captures = true
      depth++
    } else if (c === ')') {
      depth--
      if (depth === 0) end = i + 1
    }
    return end !== -1
  })
  return { end, captures }
}

/** True when `src` has a "|" outside every group and class (then a leading assertion binds one branch). */
function hasTopLevelAlternation(src: string): boolean {
  let depth = 0
  let found = false
  walk(src, 0, (c) => {
    if (c === '(') depth++
    else if (c === ')') depth--
    else found = c === '|' && depth === 0
    return found
  })
  return found
}

const splitCache = new WeakMap<RegExp, SplitRegex>()

/**
 * V8 cannot skip ahead over text when a pattern starts with a lookbehind: it evaluates the assertion at
 * every position, which made such scans ten times slower than the same pattern without it. So the
 * leading lookbehind is split off and checked only where the rest matched; the matches are the same.
 */
function split(re: RegExp): SplitRegex {
  const hit = splitCache.get(re)
  if (hit) return hit
  let result: SplitRegex = { scan: re, guard: null }
  const src = re.source
  if (src.startsWith('(?<=') || src.startsWith('(?<!')) {
    const { end, captures } = groupEnd(src, 0)
    const rest = end > 0 ? src.slice(end) : ''
    if (end > 0 && !captures && rest !== '' && !hasTopLevelAlternation(rest)) {
      const flags = re.flags.replace(/[gy]/g, '')
      result = { scan: new RegExp(rest, `${flags}g`), guard: new RegExp(src.slice(0, end), `${flags}y`) }
    }
  }
  splitCache.set(re, result)
  return result
}

/** Global regex iteration that never loops on empty matches (same matches as a plain `exec` loop). */
export function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  const { scan, guard } = split(re)
  scan.lastIndex = 0
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    if (guard) {
      guard.lastIndex = m.index
      if (!guard.test(text)) {
        // The full pattern cannot match here; try again from the next character, as a plain scan would.
        const c = text.charCodeAt(m.index)
        const d = text.charCodeAt(m.index + 1)
        const wide = scan.unicode && c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff
        scan.lastIndex = m.index + (wide ? 2 : 1)
        continue
      }
    }
    if (m[0].length === 0) scan.lastIndex++
    yield m
  }
}
