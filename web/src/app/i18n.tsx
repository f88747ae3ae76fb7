/**
 * Vietnamese first, English on request. Strings are written inline as t('vi', 'en') so each text and
 * its translation sit together; the choice is remembered in localStorage.
 */
import { createContext, useContext } from 'react'

export type Lang = 'vi' | 'en'
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: 'vi',
  setLang: () => {},
})

export const useLang = () => useContext(LangContext)

export const useT = () => {
  const { lang } = useLang()
  return (vi: string, en: string) => (lang === 'vi' ? vi : en)
}

export const storedLang = (): Lang => {
  try {
    return localStorage.getItem('thidua.lang') === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

export const fmtNumber = (lang: Lang, n: number, digits = 0) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n)
