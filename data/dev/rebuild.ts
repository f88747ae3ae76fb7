/**
 * Rebuilds data/dev/texts.jsonl from the recorded sources, since the texts themselves stay out of git.
 * For every manifest line it fetches the URL (live web, needs network), turns the HTML into text, and
 * looks for the passage whose first 64 characters hash to `head_sha256`; the passage of `chars`
 * characters from there is kept only when its sha256 equals `sha256`. Pages that changed, vanished or
 * extract with different whitespace are reported and skipped: a partial rebuild is expected.
 * Run: npx tsx data/dev/rebuild.ts [--out FILE] [--only r001,r002]
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Row = { id: string; url: string; sha256: string; chars: number; head_sha256: string }
const DIR = new URL('.', import.meta.url).pathname
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|section|article|header|footer)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      return ENTITIES[e.toLowerCase()] ?? m
    })
    .normalize('NFC')
}

/** The passage of `row` inside `page`, or null when no window matches both hashes. */
export function findPassage(page: string, row: Row): string | null {
  for (let i = 0; i + row.chars <= page.length; i++) {
    if (sha(page.slice(i, i + 64)) !== row.head_sha256) continue
    const cand = page.slice(i, i + row.chars)
    if (sha(cand) === row.sha256) return cand
  }
  return null
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(DIR, 'texts.rebuilt.jsonl')
  const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1]!.split(',')) : null
  const rows = readFileSync(join(DIR, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as Row).filter((r) => !only || only.has(r.id))
  const found: string[] = []
  let missing = 0
  for (const row of rows) {
    try {
      const res = await fetch(row.url, { signal: AbortSignal.timeout(30_000) })
      const text = findPassage(htmlToText(await res.text()), row)
      if (text === null) throw new Error('passage not found (page changed or extracts differently)')
      found.push(JSON.stringify({ id: row.id, text }))
    } catch (e) {
      missing++
      console.error(`${row.id} ${row.url}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  writeFileSync(out, found.join('\n') + (found.length ? '\n' : ''))
  console.log(`${found.length} of ${rows.length} passages rebuilt into ${out}; ${missing} not rebuilt`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) void main()
