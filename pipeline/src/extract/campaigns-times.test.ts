/**
 * Campaign wordings and time expressions in the forms real pages use (issue #11, session 3), one case
 * per form, on texts written for these tests: cases/campaigns-times.json.
 */
import { describe } from 'vitest'
import { campaignIds, itReads, readCases, type SentenceCase, timeRows } from './test-kit.ts'

const campaigns = (text: string, published: string | null = '2025-03-10') => campaignIds(text, published)
const times = (text: string, published: string | null = '2025-03-10') => timeRows(text, published)

const CASES = readCases<{
  readonly campaigns: ReadonlyArray<SentenceCase<string[]>>
  readonly times: ReadonlyArray<SentenceCase<string[][]>>
}>('campaigns-times')

describe('campaign wording variants and movement candidates', () => {
  itReads(CASES.campaigns, campaigns)
})

describe('time expressions', () => {
  itReads(CASES.times, times)
})
