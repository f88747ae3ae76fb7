/**
 * Validation of an Atom document against RFC 4287's RELAX NG schema (Appendix B, in XML syntax in
 * atom-rfc4287.rng) with libxml2's xmllint compiled to WebAssembly (npm `xmllint-wasm`, no native
 * install), plus the appendix's Schematron rules that RELAX NG cannot state (atom-check.ts).
 * Returns the problems found; empty = valid.
 */
import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { checkAtom } from './atom-check.ts'

const SCHEMA_FILE = new URL('./atom-rfc4287.rng', import.meta.url)
let schema: string | null = null

export async function validateAtom(xml: string): Promise<string[]> {
  schema ??= readFileSync(SCHEMA_FILE, 'utf8')
  const r = await validateXML({
    xml: { fileName: 'feed.xml', contents: xml },
    schema: { fileName: 'atom-rfc4287.rng', contents: schema },
    extension: 'relaxng',
  })
  // One line per problem, with the line of the document it is on.
  const relaxng = r.valid
    ? []
    : r.errors.map(
        (e) => `${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message.trim().replace(/\s+/g, ' ')}`
      )
  return [...relaxng, ...checkAtom(xml)]
}
