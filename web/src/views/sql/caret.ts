/**
 * Pixel position of the caret inside a textarea (relative to its top-left corner, scroll included),
 * measured with an invisible copy of the textarea that holds the text up to the caret.
 */
const COPIED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'tabSize',
  'textTransform',
  'wordSpacing',
] as const

export const caretPosition = (
  el: HTMLTextAreaElement,
  caret: number
): { top: number; left: number; line: number } => {
  const style = getComputedStyle(el)
  const mirror = document.createElement('div')
  for (const p of COPIED) mirror.style[p] = style[p]
  mirror.style.position = 'absolute'
  mirror.style.visibility = 'hidden'
  mirror.style.whiteSpace = 'pre-wrap'
  mirror.style.overflowWrap = 'break-word'
  mirror.style.top = '0'
  mirror.style.left = '-9999px'
  mirror.textContent = el.value.slice(0, caret)
  const marker = document.createElement('span')
  marker.textContent = '\u200b'
  mirror.appendChild(marker)
  document.body.appendChild(mirror)
  const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2
  const pos = { top: marker.offsetTop - el.scrollTop, left: marker.offsetLeft - el.scrollLeft, line }
  mirror.remove()
  return pos
}
