import { readFileSync } from 'node:fs'
import { isArticlePage } from '../src/parse/parse-article.ts'
import { loadParserDetector } from '../src/crawl/crawl.ts'
const html = readFileSync('/work/main/data/snapshot/sites/baohagiang.vn/pages/listing-tin-tuc-ae1193f9.html', 'utf8')
console.log(isArticlePage(html, 'http://baohagiang.vn/tin-tuc/'))
const d = await loadParserDetector()
console.log(d === null ? 'no detector' : d(html, 'http://baohagiang.vn/tin-tuc/'))
console.log(html)
