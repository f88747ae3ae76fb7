/**
 * Search snippets for one page of hits, built here rather than in SQL: the warehouse's
 * `search_articles(q)` builds a snippet for every hit with regular expressions (~1.5 ms an article),
 * while a page needs twenty. Same rules as its snippet: ~220 characters of the body from 60 before
 * the first query token, whole words only, words meeting the query in <mark>, HTML escaped; the title
 * when no token is in the body. Folding is the warehouse's `thidua_fold`: lowercase, no diacritics,
 * đ → d ("Thi Đua" → "thi dua").
 */
const foldChar = (ch: string): string =>
  ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd')

/** The folded text and, for each folded code unit, the index of the original code unit it came from. */
const foldWithMap = (s: string): { folded: string; origin: number[] } => {
  let folded = ''
  const origin: number[] = []
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0
    const ch = String.fromCodePoint(cp)
    const f = foldChar(ch)
    folded += f
    for (let k = 0; k < f.length; k++) origin.push(i)
    i += ch.length
  }
  return { folded, origin }
}

/** Folded code points (a text has few distinct ones; bounded against a hostile page of many). */
const FOLDED_CACHE = 20_000
const foldedCache = new Map<number, string>()

/** `foldWithMap(s).folded` without the map: ASCII lowercased directly, other code points memoised. */
export const fold = (s: string): string => {
  let out = ''
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0
    if (cp < 0x80) {
      out += cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : s[i]
      i++
      continue
    }
    let f = foldedCache.get(cp)
    if (f === undefined) {
      f = foldChar(String.fromCodePoint(cp))
      if (foldedCache.size < FOLDED_CACHE) foldedCache.set(cp, f)
    }
    out += f
    i += cp > 0xffff ? 2 : 1
  }
  return out
}

export const queryTokens = (q: string): string[] => [
  ...new Set(
    fold(q)
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== '')
  ),
]

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

const EDGE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su

/** Wraps each space-separated word whose folded tokens meet `tokens` in <mark> (its edges left out). */
const markWords = (text: string, tokens: ReadonlySet<string>): string =>
  text
    .split(' ')
    .map((w) => {
      const hit = fold(w)
        .split(/[^a-z0-9]+/)
        .some((t) => t !== '' && tokens.has(t))
      if (!hit) return w
      const m = EDGE.exec(w)
      return m ? `${m[1]}<mark>${m[2]}</mark>${m[3]}` : `<mark>${w}</mark>`
    })
    .join(' ')

export const searchSnippet = (title: string, bodyText: string, q: string): string => {
  const tokens = queryTokens(q)
  const set = new Set(tokens)
  const body = bodyText.replace(/\s+/g, ' ')
  const { folded, origin } = foldWithMap(body)
  let pos = -1
  for (const t of tokens) {
    const at = folded.indexOf(t)
    if (at >= 0 && (pos < 0 || (origin[at] ?? 0) < pos)) pos = origin[at] ?? 0
  }
  if (pos < 0) return markWords(escapeHtml(title), set)
  // The warehouse's arithmetic, 1-based as in SQL, so both give the same snippet.
  const p1 = pos + 1
  const cutHead = p1 > 60
  const start = Math.max(1, p1 - 60) - 1
  let text = body.slice(start, start + 220)
  if (cutHead) text = text.replace(/^\S*\s/, '')
  if (p1 - 60 + 220 <= body.length) text = text.replace(/\s\S*$/, '')
  const tail = start + 1 + 220 <= body.length
  return `${cutHead ? '… ' : ''}${markWords(escapeHtml(text.trim()), set)}${tail ? ' …' : ''}`
}
