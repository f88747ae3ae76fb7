/**
 * The general development set (data/dev-pages-general, issue #12): body precision, recall and F1
 * of our parser and of Readability against the benchmark's ground-truth bodies, the `dev` and the
 * `holdout` part apart, with the CPU-time ratio on these pages. `pnpm bench parse-general`.
 * Skips with one line when the git-ignored pages are absent (CI has no mirror); rebuild them with
 * `npx tsx data/dev-pages-general/build.ts`. GENERAL_PAGES=1 lists per-page recall (dev part only)
 * on stderr: where our body loses text Readability keeps.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  type GeneralPage,
  generalPagesDir,
  loadGeneralPages,
} from '../pipeline/src/parse/dev-pages-general.ts'
import { parseArticle } from '../pipeline/src/parse/parse-article.ts'
import { tokenScores } from '../pipeline/src/parse/text.ts'
import { readabilityText } from '../pipeline/src/parse/readability-baseline.ts'

const mean = (xs: ReadonlyArray<number>): number =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0
const r4 = (x: number): number => +x.toFixed(4)

// Readability's text depends on the page only: kept beside the page (git-ignored) between runs.
const readabilityCached = (p: GeneralPage): string => {
  const file = path.join(generalPagesDir, 'pages', `${p.id}.readability.txt`)
  if (existsSync(file)) return readFileSync(file, 'utf8')
  const text = readabilityText(p.html, p.url)
  writeFileSync(file, text)
  return text
}

const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const oursText = (p: GeneralPage): string => {
  const r = parseArticle(p.html, p.url)
  return r.ok ? r.article.body_text : ''
}

const splitReport = (pages: ReadonlyArray<GeneralPage>, listPages: boolean) => {
  const ours = pages.map((p) => tokenScores(oursText(p), p.body))
  const theirs = pages.map((p) => tokenScores(readabilityCached(p), p.body))
  if (listPages)
    pages.forEach((p, i) => {
      const o = ours[i]!
      const t = theirs[i]!
      process.stderr.write(
        `${p.id} ours r=${o.r.toFixed(3)} p=${o.p.toFixed(3)} | readability r=${t.r.toFixed(3)} p=${t.p.toFixed(3)} ${p.url}\n`
      )
    })
  const agg = (xs: ReadonlyArray<{ p: number; r: number; f1: number }>) => ({
    f1: r4(mean(xs.map((x) => x.f1))),
    precision: r4(mean(xs.map((x) => x.p))),
    recall: r4(mean(xs.map((x) => x.r))),
  })
  return {
    pages: pages.length,
    ours: agg(ours),
    readability: agg(theirs),
    ours_below_readability_by_0_05: ours.filter((o, i) => o.f1 < theirs[i]!.f1 - 0.05).length,
    ours_empty: ours.filter((o) => o.f1 === 0).length,
  }
}

/** CPU ms per page of ours and Readability on every page (Readability once, ours 3 times). */
const speed = (pages: ReadonlyArray<GeneralPage>) => {
  const t0 = cpuMs()
  for (let i = 0; i < 3; i++) for (const p of pages) parseArticle(p.html, p.url)
  const oursMs = (cpuMs() - t0) / 3
  const t1 = cpuMs()
  for (const p of pages) readabilityText(p.html, p.url)
  const readMs = cpuMs() - t1
  return {
    ours_cpu_ms_per_page: r4(oursMs / pages.length),
    readability_cpu_ms_per_page: r4(readMs / pages.length),
    ratio: +(readMs / oursMs).toFixed(1),
  }
}

export const run = async (): Promise<Record<string, unknown>> => {
  const pages = loadGeneralPages()
  if (pages.length === 0) {
    console.log('parse-general: skipped, pages not built (npx tsx data/dev-pages-general/build.ts)')
    return { skipped: 'pages not built: npx tsx data/dev-pages-general/build.ts' }
  }
  const list = process.env.GENERAL_PAGES === '1'
  return {
    rebuild: 'npx tsx data/dev-pages-general/build.ts',
    load_average: os.loadavg().map((x) => +x.toFixed(1)),
    dev: splitReport(
      pages.filter((p) => p.split === 'dev'),
      list
    ),
    holdout: splitReport(
      pages.filter((p) => p.split === 'holdout'),
      false
    ),
    speed_cpu: process.env.GENERAL_SPEED === '0' ? 'skipped (GENERAL_SPEED=0)' : speed(pages),
  }
}
