/**
 * ALL-CAPS lines ("KẾ HOẠCH SỐ 45/KH-UBND NGÀY 12 THÁNG 3 NĂM 2024", "ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH LẠNG
 * SƠN LẦN THỨ VI") are read in sentence case, so the rules written for running text apply to titles too
 * (issue #11). Same length as the input, so every span still points into the original text; symbols
 * (letters touching a digit, "/", "-" or "&") keep their capitals, and the words after a unit word
 * ("tỉnh LẠNG SƠN") are capitalised as the gazetteer expects.
 */

const UNIT_WORDS = new Set(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'tp'])
// Words that end a place name written after a unit word.
const STOP = new Set([
  'lần',
  'năm',
  'giai',
  'nhiệm',
  'về',
  'của',
  'và',
  'ngày',
  'tháng',
  'khóa',
  'khoá',
  'đoạn',
  'kỳ',
])

const LETTERS = /\p{L}+/gu

const LOWER_WORD = /\p{Ll}{2,}/gu

function isCapsLine(line: string): boolean {
  // Fast rejection: running text has many lowercase words; a caps line has at most a glued "ngày", "TTg".
  LOWER_WORD.lastIndex = 0
  for (let n = 0; LOWER_WORD.exec(line) !== null; ) if (++n > 2) return false
  let upper = 0
  let lower = 0
  for (const ch of line) {
    if (ch >= 'a' && ch <= 'z') lower++
    else if (ch >= 'A' && ch <= 'Z') upper++
    else if (ch.length === 1 && ch.charCodeAt(0) > 0x7f) {
      const l = ch.toLowerCase()
      if (l !== ch) upper++
      else if (ch.toUpperCase() !== ch) lower++
    }
  }
  return upper >= 8 && lower * 10 <= upper
}

const touchesSymbol = (line: string, s: number, e: number): boolean =>
  /[\d/&-]/u.test(line[s - 1] ?? '') || /[\d/&-]/u.test(line[e] ?? '')

export function sentenceCase(line: string): string {
  let out = ''
  let last = 0
  let capitalize = 0
  let prev = ''
  for (const m of line.matchAll(LETTERS)) {
    const s = m.index
    const word = m[0]
    let w = touchesSymbol(line, s, s + word.length) ? word : word.toLowerCase()
    if (w.length !== word.length) w = word
    if (capitalize > 0 && !STOP.has(w)) {
      w = w[0]!.toUpperCase() + w.slice(1)
      capitalize--
    } else capitalize = 0
    const pair = `${prev} ${w}`
    if (UNIT_WORDS.has(w) || UNIT_WORDS.has(pair)) capitalize = 3
    prev = w
    out += line.slice(last, s) + w
    last = s + word.length
  }
  return out + line.slice(last)
}

/** The text with each ALL-CAPS line in sentence case; the text itself when there is none. */
export function decapitalize(text: string): string {
  if (!/[A-ZĐ]{4}/u.test(text)) return text
  const lines = text.split('\n')
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.length < 12 || !isCapsLine(line)) continue
    const cased = sentenceCase(line)
    if (cased.length === line.length) {
      lines[i] = cased
      changed = true
    }
  }
  return changed ? lines.join('\n') : text
}
