/**
 * Prefilters checked against the rule patterns themselves (issue #11, speed): the literal runs every match
 * of a pattern must contain, read from its source, so a word list used to skip a scan cannot drift from
 * the rules it stands for.
 */

const isRunChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
const QUANTIFIER = /^[?*+{]/

/**
 * The lowercase letter/digit runs written at the top level of a regex source (outside every group and
 * class, not quantified), which any match contains verbatim; null when the source has a top-level "|"
 * (then no run is common to all of it). Escapes (`\s`, `\d` …) and other characters end a run.
 */
export function requiredRuns(src: string): string[] | null {
  const runs: string[] = []
  let depth = 0
  let inClass = false
  let run = ''
  const end = (next: string) => {
    // A quantifier after a run makes its last character optional: keep only the characters before it.
    const kept = QUANTIFIER.test(next) ? run.slice(0, -1) : run
    if (kept !== '') runs.push(kept)
    run = ''
  }
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i)
    if (depth === 0 && !inClass && isRunChar(c)) {
      run += c
      continue
    }
    end(c)
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '{' && depth === 0)
      i = Math.max(i, src.indexOf('}', i)) // a quantifier's bounds
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return null
  }
  end('')
  return runs
}

/**
 * Whether every alternative requires one of `words` (a word inside one of its required runs), so that a text
 * containing none of them cannot match: the soundness of a prefilter word list. False without words.
 */
export function wordsRequired(
  alternatives: ReadonlyArray<string>,
  words: ReadonlyArray<string> | undefined
): boolean {
  if (words === undefined || words.length === 0) return false
  return alternatives.every((alt) => {
    const runs = requiredRuns(alt)
    return runs?.some((r) => words.some((w) => r.includes(w))) ?? false
  })
}
