/**
 * Author lines. Vietnamese articles end with a short byline paragraph ("Bích Diệp", "M. NƯƠNG",
 * "Nghĩa Hà – Đức Thắng") or carry a label ("Tác giả:", "Tin, ảnh:", "Người đăng tin:"). "Nguồn:" and
 * "Theo …" name a source, not an author, and are left alone.
 */
import { cleanInline, foldVietnamese } from './text.ts'

const LABEL =
  /^(?:(?:tac gia|tin(?:,| va)? anh|bai(?:,| va)? anh|bai|tin|nguoi dang tin|nguoi viet|phong vien|pv|nhom pv|author|by)\s*:\s*|(?:gui boi|dang boi|boi|by)\s+)/

/** Removes a leading "Tác giả:"-style label; null when the text has no such label. */
export const stripAuthorLabel = (text: string): string | null => {
  const t = cleanInline(text)
  const m = LABEL.exec(foldVietnamese(t))
  return m ? t.slice(m[0].length).trim() : null
}

/** "Nghĩa Hà – Đức Thắng" → ["Nghĩa Hà", "Đức Thắng"]; "A, B và C" → three names. */
export const splitAuthors = (text: string): string[] => {
  const t = cleanInline(text)
    .replace(/(?<=\S)\s*\([^()]*\)$/u, '') // trailing affiliation: "Văn Sơn (BTĐKT)"
    .replace(/^[([]|[)\]]$/g, '')
    .replace(/[.;]+$/, '')
  return t
    .split(/\s+[–—-]\s+|\s*,\s*|\s*;\s*|\s+và\s+|\s*\/\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

const CONNECTORS = new Set(['–', '—', '-', 'và', ',', '/', '&'])

/**
 * True for a line that is only a byline: at most ~8 words, every word capitalised or an initial
 * (Vietnamese names capitalise every syllable), no sentence punctuation.
 */
export const looksLikeByline = (line: string): boolean => {
  const t = cleanInline(line)
  if (t.length < 3 || t.length > 60) return false
  if (/[:!?"“”]|\d/.test(t)) return false
  if (/\.$/.test(t) && !/(?:^|\s)\p{Lu}\.$/u.test(t)) return false
  const words = t.split(/\s+/).flatMap((w) => w.split(/(?<=,)/))
  if (words.length > 9) return false
  let nameWords = 0
  for (const w0 of words) {
    const w = w0.replace(/[,()]/g, '')
    if (w === '' || CONNECTORS.has(w)) continue
    if (!/^\p{Lu}/u.test(w)) return false
    nameWords++
  }
  return nameWords >= 1 && nameWords <= 8
}
