/**
 * Size limits of production code (issue #15): no file over 400 lines, no function (named, arrow, method
 * or React component) over 80 lines. Tests and test kits (`*.test.ts`, `testing/`) are not production.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../pipeline/src/paths.ts'

const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 80

const productionFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'testing' ? [] : productionFiles(path)
    return /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [path] : []
  })

const overSize = (name: string, text: string): string[] => {
  const found: string[] = []
  const lines = text.split('\n').length
  if (lines > MAX_FILE_LINES) found.push(`${name}: file of ${lines} lines`)
  const kind = name.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, kind)
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const span = lineOf(node.end) - lineOf(node.getStart(source)) + 1
      if (span > MAX_FUNCTION_LINES)
        found.push(`${name}:${lineOf(node.getStart(source)) + 1}: function of ${span} lines`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('size limits of production code', () => {
  const roots = ['pipeline/src', 'server/src', 'web/src'].map((d) => join(repoRoot, d))
  const files = roots.flatMap(productionFiles)

  it('reads the whole production tree', () => {
    expect(files.length).toBeGreaterThan(200)
  })

  it(`no file over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES}`, () => {
    expect(files.flatMap((f) => overSize(relative(repoRoot, f), readFileSync(f, 'utf8')))).toEqual([])
  })

  it('the checker sees a long arrow function and a long file (it can fail)', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, i) => `  const v${i} = ${i}`).join('\n')
    expect(overSize('x.ts', `export const f = () => {\n${body}\n}\n`)).toEqual([
      'x.ts:1: function of 82 lines',
    ])
    expect(overSize('y.ts', 'const a = 1\n'.repeat(MAX_FILE_LINES))).toEqual(['y.ts: file of 401 lines'])
  })
})
