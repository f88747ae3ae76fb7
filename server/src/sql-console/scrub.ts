/**
 * No answer of the console carries a file path: error details lose anything shaped like an absolute
 * path, and result cells lose the few paths a query could see (the database file, its folder, the
 * working, home and temp folders).
 */
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'

const ABSOLUTE = /(?<![\w.])(?:[A-Za-z]:)?[\\/](?:[^\s"'`\\/]+[\\/])+[^\s"'`]*/g

export const scrubPaths = (text: string): string => text.replace(ABSOLUTE, '<path>')

/** Paths whose text must not appear in results served from `dbFile`. Longest first. */
export const sensitivePaths = (dbFile: string): string[] => {
  const abs = path.resolve(dbFile)
  const set = new Set([
    abs,
    path.dirname(abs),
    path.dirname(path.dirname(abs)),
    process.cwd(),
    homedir(),
    tmpdir(),
  ])
  return [...set].filter((p) => p.length >= 5).sort((a, b) => b.length - a.length)
}

/** Replaces every occurrence of the given paths inside a JSON text (paths are JSON-escaped first). */
export const scrubJsonText = (json: string, paths: ReadonlyArray<string>): string => {
  let out = json
  for (const p of paths) {
    const escaped = JSON.stringify(p).slice(1, -1)
    if (out.includes(escaped)) out = out.replaceAll(escaped, '<path>')
  }
  return out
}
