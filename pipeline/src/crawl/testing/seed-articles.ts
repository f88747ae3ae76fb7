/** Real Vietnamese article text for crawler tests, from data/seeds (verbatim seeds may be used). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { seedsDir } from '../../paths.ts'

export interface SeedArticle {
  readonly title: string
  readonly paragraphs: ReadonlyArray<string>
}

/** The paragraphs of every seed file (blank-line separated, NFC). */
export function seedParagraphs(): string[][] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(path.join(seedsDir, f), 'utf8')
        .normalize('NFC')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
    )
}

/** `n` distinct articles: seed i mod 5, paragraphs rotated by i so every body (and hash) differs. */
export function seedArticles(n: number): SeedArticle[] {
  const seeds = seedParagraphs().filter((p) => p.length >= 3)
  return Array.from({ length: n }, (_, i) => {
    const paras = seeds[i % seeds.length] as string[]
    const longest = [...paras].sort((a, b) => b.length - a.length)[0] ?? 'Thi đua'
    const shift = Math.floor(i / seeds.length) % paras.length
    const rotated = [...paras.slice(shift), ...paras.slice(0, shift)]
    return { title: `${longest.slice(0, 80)} (${i + 1})`, paragraphs: rotated }
  })
}
