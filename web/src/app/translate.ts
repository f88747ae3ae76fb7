/**
 * The translation function without React: pure chart builders take a `Lang` and call `translator(lang)`,
 * and `useT` hands out the same two functions, so a `t` never changes identity between renders.
 */
export type Lang = 'vi' | 'en'
export type Translate = (vi: string, en: string) => string

const vi: Translate = (v) => v
const en: Translate = (_v, e) => e

export const translator = (lang: Lang): Translate => (lang === 'vi' ? vi : en)
