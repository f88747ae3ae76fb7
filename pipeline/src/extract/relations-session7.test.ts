/**
 * Relation rules of session 7 (issue #16), found on dev excerpts chosen at random from sites the corpus
 * had never seen; each rule is tested on sentences written here: a grounds list headed by its items'
 * kind and issuer ("Căn cứ các Nghị định của Chính phủ: Số …; số …"), whose items may name other
 * documents in their own description; a verb inside one list item's description governs nothing past
 * that item; a document of an earlier grounds item is neither the actor nor the issuer of a later one.
 * Then properties: no throw, valid spans, and bounded time on a long list of these forms.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'
import { itKeepsValidSpans, itReadsRelations, type RelationCase } from './relations-testkit.ts'

const HEADER = 'Số: 245/QĐ-UBND\n'

describe('session-7 relation rules', () => {
  // Sentences written for the test; the table lives beside this file as data.
  itReadsRelations(
    JSON.parse(
      readFileSync(new URL('./relations-session7.cases.json', import.meta.url), 'utf8')
    ) as RelationCase[]
  )
})

describe('properties of the session-7 forms', () => {
  itKeepsValidSpans(
    `${HEADER}Căn cứ các Nghị định của Chính phủ: Số 12/2021/NĐ-CP về đầu tư; số 8/NQ-CP ban hành Chương trình thực hiện Nghị quyết số 19-NQ/TW; số 31/2023/NĐ-CP về đất đai; - Căn cứ Quy chế ban hành kèm theo Quyết định số 84/QĐ-TWĐTN; như: Kế hoạch số 12-KH/TU về thực hiện Nghị quyết số 3-NQ/TW; Chương trình số 40-CTr/TU.`,
    7
  )

  it('reads a 100k-character numbered grounds list in seconds', () => {
    const item = 'số 8/NQ-CP ngày 5/1/2022 ban hành Chương trình thực hiện Nghị quyết số 19-NQ/TW; '
    const text = `${HEADER}Căn cứ các Nghị định của Chính phủ: ${item.repeat(Math.ceil(100_000 / item.length))}`
    extract('Kế hoạch số 1/KH-UBND', { id: 'warm' })
    const t0 = performance.now()
    const x = extract(text, { id: 'long', published: '2024-05-10' })
    // generous for a busy machine: a quadratic reading of the list would take minutes
    expect(performance.now() - t0).toBeLessThan(8000)
    expect(x.documents.length).toBeGreaterThan(0)
  })
})
