/**
 * Build step: `node pipeline/dist/thidua-help-gen.js OUT.json` (scripts/build.mjs) writes the help
 * texts of the full command line, one per key of help-gen.ts, for main.ts to print.
 */
import { renameSync, writeFileSync } from 'node:fs'
import { captureHelp, helpCases } from './help-gen.ts'

const out = process.argv[2]
if (out === undefined) throw new Error('usage: thidua-help-gen.js OUT.json')
const texts: Record<string, string> = {}
for (const [key, args] of helpCases()) {
  const { text, code } = await captureHelp(args)
  if (code !== 0 || text === '') throw new Error(`thidua ${args.join(' ')} printed no help (exit ${code})`)
  texts[key] = text
}
// Replaced atomically: a running thidua may be reading it.
writeFileSync(`${out}.tmp`, JSON.stringify(texts))
renameSync(`${out}.tmp`, out)
