import { describe, expect, it } from 'vitest'
import { isJsSpace } from './whitespace.ts'

describe('isJsSpace', () => {
  it('is the regex \\s on every code unit', () => {
    const differ: number[] = []
    for (let c = 0; c <= 0xffff; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c)
    expect(differ).toEqual([])
  })
})
