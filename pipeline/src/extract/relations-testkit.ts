/**
 * The relation tests' shared reading (issue #16): a text's document-to-document relations as
 * "<from number> <relation> <to number>", sorted, so each case states its expectation in one short line;
 * a table of such cases; and the property every random mix of a session's forms must keep.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { extract } from './extract.ts'

export const rel = (text: string): string[] => {
  const x = extract(text, { id: 't', published: '2025-06-01' })
  return (x.relations ?? [])
    .filter((r) => r.to !== null)
    .map((r) => `${x.documents[r.from]!.number} ${r.relation} ${x.documents[r.to!]!.number}`)
    .sort()
}

export interface RelationCase {
  readonly name: string
  readonly text: string
  readonly relations: ReadonlyArray<string>
}

/** One test per case: the text reads exactly the relations listed. */
export const itReadsRelations = (cases: ReadonlyArray<RelationCase>): void => {
  for (const c of cases) it(c.name, () => expect(rel(c.text)).toEqual([...c.relations].sort()))
}

/** Random mixes of a sample's words (cut before each space) never throw and keep valid indexes and spans. */
export const itKeepsValidSpans = (sample: string, seed: number): void => {
  const fragments = sample.split(/(?= )/u)
  it('never throws and returns valid indexes and spans on any mix of them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const text = parts.join('')
        const x = extract(text, { id: 'p', published: '2025-01-01' })
        for (const r of x.relations ?? []) {
          expect(x.documents[r.from]).toBeDefined()
          if (r.to !== null) expect(x.documents[r.to]).toBeDefined()
          expect(0 <= r.start && r.start <= r.end && r.end <= text.length).toBe(true)
        }
      }),
      { numRuns: 150, seed }
    )
  })
}
