import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { LEAD_SNIPPET_SQL } from './articles.ts'

const snippetOf = async (text: string): Promise<string> => {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll(`SELECT ${LEAD_SNIPPET_SQL('$t')} AS s`, { t: text })
    return String(reader.getRowObjects()[0]?.s)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

describe('list snippet SQL', () => {
  it('keeps a short text whole', async () => {
    expect(await snippetOf('Đại hội thi đua yêu nước tỉnh.')).toBe('Đại hội thi đua yêu nước tỉnh.')
  })

  it('cuts a long text back to the last whole word (the regex keeps its backslashes)', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `process${i}`).join(' ')
    const snippet = await snippetOf(words)
    expect(snippet.endsWith(' …')).toBe(true)
    const kept = snippet.slice(0, -2).split(' ')
    // Every kept word is whole: none was cut mid-way ("the proce").
    for (const word of kept) expect(words.split(' ')).toContain(word)
    expect(snippet.length).toBeLessThanOrEqual(242)
  })
})
