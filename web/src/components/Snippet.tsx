/**
 * Renders an API snippet (HTML-escaped text whose only markup is <mark>…</mark>) without innerHTML:
 * the marks become elements and the escaped characters are turned back into text.
 */
const unescapeHtml = (s: string): string =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')

export const Snippet = ({ text }: { text: string }) => {
  const parts = text.split(/(<mark>|<\/mark>)/)
  let marked = false
  const out: React.ReactNode[] = []
  parts.forEach((p, i) => {
    if (p === '<mark>') marked = true
    else if (p === '</mark>') marked = false
    else if (p) out.push(marked ? <mark key={i}>{unescapeHtml(p)}</mark> : unescapeHtml(p))
  })
  return <>{out}</>
}
