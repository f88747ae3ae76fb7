/**
 * HTML → DOM. htmlparser2 builds the tree (several times faster than parse5 on ~80 KB portal
 * pages; see bench/parse.bench.ts) and cheerio wraps it for selector queries.
 */
import * as cheerio from 'cheerio'
import { parseDocument } from 'htmlparser2'

export const loadHtml = (html: string): cheerio.CheerioAPI =>
  cheerio.load(
    parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true })
  )

/** cheerio's default parse5 backend: kept only so the benchmark can compare the two. */
export const loadHtmlWithParse5 = (html: string): cheerio.CheerioAPI => cheerio.load(html)
