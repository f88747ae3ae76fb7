/**
 * Golden pages (test/golden/parse): hand-checked records for the five seed pages and snapshot pages
 * of every platform. Title, date and authors must match exactly; the body by token F1 ≥ 0.95.
 */
import { describe, expect, it } from 'vitest'
import { loadGoldens } from './golden.ts'
import { parseArticle } from './parse-article.ts'
import { tokenF1 } from './text.ts'
import { PLATFORM_NAMES } from '../platforms/index.ts'

const goldens = loadGoldens()

describe('golden pages', () => {
  it('cover every seed page and at least 40 other pages across all platforms', () => {
    expect(goldens.filter((g) => g.checked.includes('seed ')).length).toBe(5)
    expect(goldens.filter((g) => !g.checked.includes('seed ')).length).toBeGreaterThanOrEqual(40)
    expect(new Set(goldens.map((g) => g.platform))).toEqual(new Set(PLATFORM_NAMES))
  })

  it.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    expect(g.actual_sha256, `${g.page} changed since its golden was checked: re-check it by hand`).toBe(
      g.page_sha256
    )
    const r = parseArticle(g.html, g.url, { now: g.now })
    if (!r.ok) throw new Error(`${g.page}: ${r.reason}`)
    expect(r.article.title).toBe(g.expected.title)
    expect(r.article.published_at).toBe(g.expected.published_at)
    expect(r.article.authors).toEqual(g.expected.authors)
    expect(tokenF1(r.article.body_text, g.expected.body_text)).toBeGreaterThanOrEqual(0.95)
  })
})
