/** Renders a search snippet whose only markup is <mark>…</mark>, without innerHTML. */
export const Snippet = ({ text }: { text: string }) => {
  const parts = text.split(/(<mark>|<\/mark>)/)
  let marked = false
  const out: React.ReactNode[] = []
  parts.forEach((p, i) => {
    if (p === '<mark>') marked = true
    else if (p === '</mark>') marked = false
    else if (p) out.push(marked ? <mark key={i}>{p}</mark> : p)
  })
  return <>{out}</>
}
