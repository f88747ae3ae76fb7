/**
 * Vietnamese first, English on request. Strings are written inline as t('vi', 'en') so each text and
 * its translation sit together; the choice is remembered in localStorage.
 */
import { createContext, useContext } from 'react'
import { type Lang, translator } from './translate.ts'

export { type Lang, translator } from './translate.ts'

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'vi',
  setLang: () => {},
})

export const useLang = () => useContext(LangContext)

/** One function per language for the app's lifetime, so memoised chart options hold until the language changes. */
export const useT = () => translator(useLang().lang)

export const storedLang = (): Lang => {
  try {
    return localStorage.getItem('thidua.lang') === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

export const fmtNumber = (lang: Lang, n: number, digits = 0) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n)

/**
 * A stored timestamp ("2024-06-12 01:20:00+00") as the local Việt Nam date and time, the way the
 * article was dated on its page.
 */
export const fmtDateTime = (lang: Lang, ts: string | null): string => {
  if (!ts) return '—'
  const d = new Date(ts.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))
  if (Number.isNaN(d.getTime())) return ts.slice(0, 16)
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d)
}
