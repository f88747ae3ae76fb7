/**
 * The sentence around a character span of an article body, so a number can be traced to the words that
 * produced it. A sentence ends at . ! ? … (optionally followed by closing quotes or brackets) before
 * whitespace, or at a line break; "10/6/2024" or "TP.HCM" do not end one because no space follows.
 */
const END = /[.!?…]["'”’)\]]*(?=\s)|\n/g

export interface Bounds {
  readonly start: number
  readonly end: number
}

export const sentenceBounds = (body: string, start: number, end: number): Bounds => {
  const s = Math.max(0, Math.min(start, body.length))
  const e = Math.max(s, Math.min(end, body.length))
  let from = 0
  let to = body.length
  END.lastIndex = 0
  for (let m = END.exec(body); m; m = END.exec(body)) {
    const after = m.index + m[0].length
    if (after <= s) {
      from = after
      continue
    }
    // Terminators inside the span (an abbreviation in a document name) do not end its sentence.
    const newline = m[0] === '\n'
    if (newline ? m.index >= e : m.index >= e - 1 && after >= e) {
      to = newline ? m.index : after
      break
    }
  }
  while (from < s && /\s/.test(body[from] ?? '')) from++
  while (to > e && /\s/.test(body[to - 1] ?? '')) to--
  return { start: from, end: to }
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * The sentence holding [start, end) as HTML: escaped text with the span in <mark>, cut to about
 * `maxChars` around the span (with …) when the sentence is long.
 */
export const markedSentence = (body: string, start: number, end: number, maxChars = 320): string => {
  const b = sentenceBounds(body, start, end)
  const s = Math.max(b.start, Math.min(start, body.length))
  const e = Math.max(s, Math.min(end, b.end))
  const room = Math.max(0, maxChars - (e - s))
  let from = b.start
  let to = b.end
  if (to - from > maxChars) {
    from = Math.max(b.start, s - Math.floor(room / 2))
    to = Math.min(b.end, e + (room - (s - from)))
    from = Math.max(b.start, Math.min(from, to - maxChars))
  }
  const clean = (t: string) => escapeHtml(t.replace(/\s+/g, ' '))
  return `${from > b.start ? '… ' : ''}${clean(body.slice(from, s))}<mark>${clean(body.slice(s, e))}</mark>${clean(body.slice(e, to))}${to < b.end ? ' …' : ''}`
}
