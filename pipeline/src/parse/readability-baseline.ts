/**
 * The baseline our parser is measured against (bench/parse.bench.ts): Mozilla Readability over a
 * jsdom document. Benchmarks only; lives here because @mozilla/readability and jsdom are
 * devDependencies of this package.
 */
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { cleanInline } from './text.ts'

/** Readability's article text (one blob, captions included), or "" when it finds no article. */
export const readabilityText = (html: string, url: string): string => {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() })
  try {
    return cleanInline(new Readability(dom.window.document).parse()?.textContent ?? '')
  } finally {
    dom.window.close()
  }
}
