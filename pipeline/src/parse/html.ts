/**
 * cheerio's default parse5 backend, kept only so bench/parse.bench.ts can show why the parser builds
 * its DOM with htmlparser2 (doc.ts): same pages, both parsers, one run.
 */
import * as cheerio from 'cheerio'

export const loadHtmlWithParse5 = (html: string): cheerio.CheerioAPI => cheerio.load(html)
