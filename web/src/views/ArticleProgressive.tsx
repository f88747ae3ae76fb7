import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * How many of `total` items to render: `first` at once, then `step` more each time the returned sentinel
 * comes within a screen or two of the viewport. Long article bodies and entity tables render this way,
 * so the first screen appears at once and an 880k-character article never lays out in one go.
 */
export const useProgressive = (
  total: number,
  first: number,
  step: number
): { shown: number; sentinel: (el: HTMLElement | null) => void; showAll: () => void } => {
  const [shown, setShown] = useState(Math.min(total, first))
  const [el, setEl] = useState<HTMLElement | null>(null)
  // A later focus (drill-down link) may ask for more than was shown; never shrink what is on screen.
  useEffect(() => setShown((n) => Math.min(total, Math.max(n, first))), [total, first])
  const more = useRef(() => {})
  more.current = () => setShown((n) => Math.min(total, n + step))
  useEffect(() => {
    if (!el || shown >= total || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && more.current(),
      {
        rootMargin: '1500px 0px',
      }
    )
    io.observe(el)
    return () => io.disconnect()
  }, [el, shown, total])
  const sentinel = useCallback((node: HTMLElement | null) => setEl(node), [])
  const showAll = useCallback(() => setShown(total), [total])
  return { shown, sentinel, showAll }
}
