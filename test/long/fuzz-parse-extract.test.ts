/**
 * Hostile-input fuzzing (issue #18): 100,000 generated inputs go through the crawler's own path — bytes to
 * text (`decodeHtml`), the article parser, the extractor — with a time bound per input. Inputs mix
 * Vietnamese-ish prose, HTML fragments (malformed too), script/SQL/template payloads, runs of combining
 * marks, deep nesting and raw bytes. Each must come back as an article or a failure with a reason (never
 * a thrown error or a "parser error"), and the slowest input is reported and bounded.
 */
import { decodeHtml } from '@thidua/pipeline/page/decode'
import { extract } from '@thidua/pipeline/extract/extract'
import { parseArticle } from '@thidua/pipeline/parse/parse-article'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const RUNS = Number(process.env.THIDUA_FUZZ_RUNS ?? 100_000)
/** Per input, parse + extract together; generous because the machine is shared by many workers. */
const BOUND_MS = 1000

const WORDS = [
  'Ủy ban nhân dân',
  'tỉnh',
  'Lạng Sơn',
  'Hậu Giang',
  'ban hành',
  'Kế hoạch số 45/KH-UBND',
  'ngày 10/3/2023',
  'Quyết định số 1234/QĐ-UBND',
  'phong trào thi đua yêu nước',
  'Đại hội Thi đua yêu nước lần thứ VI',
  'dự kiến tổ chức trong tháng 9/2025',
  'năm 2024',
  'giai đoạn 2020-2025',
  '“Cả nước chung tay vì người nghèo”',
  'Chỉ thị 05-CT/TW',
  'Sáng 20/6,',
  'quý III',
  'điển hình tiên tiến',
  'khen thưởng',
  '.',
  ',',
  ';',
  '\n',
  '  ',
]
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<svg onload="window.__pwned=1"><script>1</script></svg>',
  '<div style="width:expression(alert(1))">',
  '{{constructor.constructor("window.__pwned=1")()}}',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  '<!--',
  ']]>',
  '<![CDATA[',
  '\u0000',
  '\u202e',
  '\ud800',
  '\ufeff',
  '&#0;&#x110000;&amp;&lt;',
]
const TAGS = ['div', 'p', 'span', 'article', 'h1', 'h2', 'table', 'tr', 'td', 'ul', 'li', 'a', 'b', 'time']

const prose = fc
  .array(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...PAYLOADS), fc.string()),
    {
      maxLength: 30,
    }
  )
  .map((a) => a.join(' '))

const combiningRun = fc
  .tuple(
    fc.constantFrom('a', 'ệ', 'Đ', ' ', '<'),
    fc.constantFrom('\u0301', '\u0323', '\u0300\u0309', '\u20d2'),
    fc.integer({ min: 1, max: 5000 })
  )
  .map(([base, mark, n]) => base + mark.repeat(n))

const deepNest = fc
  .tuple(fc.constantFrom(...TAGS), fc.integer({ min: 50, max: 1500 }), fc.boolean(), prose)
  .map(
    ([tag, depth, closed, text]) =>
      `<${tag}>`.repeat(depth) + `<p>${text}</p>` + (closed ? `</${tag}>`.repeat(depth) : '')
  )

const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    prose,
    fc.constantFrom(...PAYLOADS),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.string({ maxLength: 30 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.boolean()
      )
      .map(
        ([tag, attr, kids, close]) => `<${tag} class="${attr}">${kids.join('')}${close ? `</${tag}>` : ''}`
      )
  ),
})).node

const meta = fc.constantFrom(
  '<meta charset="utf-7">',
  '<meta charset="windows-1258">',
  '<meta http-equiv="Content-Type" content="text/html; charset=tcvn3">',
  '<meta property="og:title" content="<script>window.__pwned=1</script>">',
  '<meta name="pubdate" content="2024-13-45T99:99">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"</script><script>1</script>","datePublished":"{{x}}"}</script>',
  ''
)

const page = fc
  .tuple(
    meta,
    fc.oneof(prose, fc.constantFrom(...PAYLOADS)),
    fc.array(fc.oneof({ weight: 12, arbitrary: element }, combiningRun, deepNest), { maxLength: 4 })
  )
  .map(
    ([m, title, body]) =>
      `<!doctype html><html><head>${m}<title>${title}</title></head><body><h1>${title}</h1>${body.join('')}</body></html>`
  )

const encoder = new TextEncoder()
/** Bytes as a crawler meets them: a page in UTF-8 with stray bytes spliced in, or raw noise. */
const bytes = fc.oneof(
  { weight: 4, arbitrary: page.map((p) => encoder.encode(p)) },
  fc.tuple(page, fc.uint8Array({ maxLength: 64 })).map(([p, noise]) => {
    const b = encoder.encode(p)
    const at = Math.floor(b.length / 2)
    return Uint8Array.from([...b.subarray(0, at), ...noise, ...b.subarray(at)])
  }),
  fc.uint8Array({ maxLength: 512 })
)
const contentType = fc.constantFrom(
  null,
  'text/html',
  'text/html; charset=utf-8',
  'text/html; charset=utf-7',
  'text/html; charset=x-nonsense'
)

describe('fuzzing parse and extract', () => {
  it(`${RUNS} hostile inputs each parse and extract within ${BOUND_MS} ms without a parser error`, () => {
    // The first call builds the extractor's gazetteers and compiles its patterns: not a per-input cost.
    const warm = parseArticle(
      `<html><head><title>Kế hoạch thi đua năm 2024</title></head><body><h1>Kế hoạch thi đua năm 2024</h1><p>${WORDS.join(' ')}</p><p>${WORDS.join(' ')}</p></body></html>`,
      'https://vidu.gov.vn/tin-tuc/bai-0.html'
    )
    expect(warm.ok).toBe(true)
    if (warm.ok) extract(warm.article.body_text, { id: 'warm', published: '2024-05-10' })
    const started = performance.now()
    let slowest = 0
    let slowestBytes = 0
    let articles = 0
    fc.assert(
      fc.property(bytes, contentType, (b, ct) => {
        const once = () => {
          const t0 = performance.now()
          const r = parseArticle(decodeHtml(b, ct).text, 'https://vidu.gov.vn/tin-tuc/bai-1.html', {
            now: '2025-01-01T00:00:00Z',
          })
          if (r.ok) {
            extract(r.article.body_text, { id: 'fuzz', published: r.article.published_at ?? null })
            extract(r.article.title, { id: 'fuzz-title' })
          }
          return { r, ms: performance.now() - t0 }
        }
        const { r, ms: first } = once()
        // An input over the bound is timed twice more and judged by its quickest run: a slow input stays
        // slow, while a pause of the shared machine (another process, a GC) does not repeat.
        const ms = first < BOUND_MS ? first : Math.min(first, once().ms, once().ms)
        if (r.ok) articles++
        else expect(r.reason).not.toMatch(/^parser error/)
        if (ms > slowest) {
          slowest = ms
          slowestBytes = b.length
        }
        expect(ms).toBeLessThan(BOUND_MS)
      }),
      {
        numRuns: RUNS,
        ...(process.env.THIDUA_FUZZ_SEED ? { seed: Number(process.env.THIDUA_FUZZ_SEED) } : {}),
      }
    )
    console.log(
      `fuzz: ${RUNS} inputs in ${((performance.now() - started) / 1000).toFixed(0)} s, ${articles} parsed as articles, slowest ${slowest.toFixed(1)} ms (${slowestBytes} bytes)`
    )
    // the generators must reach the parser's article path, or the extractor is never fuzzed
    expect(articles).toBeGreaterThan(RUNS / 100)
  })
})
