/// <reference lib="dom" />
/**
 * Tables sort by a header click (issue #15's table component): ascending, descending, then back to the
 * API's order, with empty cells last and `aria-sort` on the header; the keyboard does the same.
 */
import { describe, expect, it } from 'vitest'
import { useFixtureDashboard } from './fixture-dashboard.ts'
import { openView } from './helpers.ts'

const fx = useFixtureDashboard('table-sort')

/** The text of one column of the page's first table, by its header's label. */
const column = async (label: string) => {
  const table = fx.page.locator('.table-wrap table').first()
  const headers = await table.locator('thead th').allTextContents()
  const i = headers.findIndex((h) => h.startsWith(label))
  if (i < 0) throw new Error(`no column "${label}" in ${headers.join(' | ')}`)
  return table.locator(`tbody tr td:nth-child(${i + 1})`).allTextContents()
}

const numbers = (cells: string[]) => cells.filter((c) => c !== '—' && c !== '').map(Number)

describe('table sorting', () => {
  it('a header click sorts ascending, then descending, then restores the order', async () => {
    const p = fx.page
    await openView(p, `${fx.server.url}/compare?system=2008&province=20,62,40`)
    const header = p.locator('.table-wrap thead th', { hasText: 'Trễ (ngày)' })
    await expect.poll(async () => (await column('Trễ (ngày)')).length).toBeGreaterThan(2)
    const original = await column('Nội dung')
    const delays = numbers(await column('Trễ (ngày)'))
    expect(delays.length).toBeGreaterThan(1)

    await header.click()
    expect(await header.getAttribute('aria-sort')).toBe('ascending')
    const up = await column('Trễ (ngày)')
    expect(numbers(up)).toEqual([...delays].sort((a, b) => a - b))
    // empty cells after every number
    expect(up.slice(0, delays.length).every((c) => c !== '—' && c !== '')).toBe(true)

    await header.focus()
    await p.keyboard.press('Enter')
    expect(await header.getAttribute('aria-sort')).toBe('descending')
    expect(numbers(await column('Trễ (ngày)'))).toEqual([...delays].sort((a, b) => b - a))

    await header.click()
    expect(await header.getAttribute('aria-sort')).toBeNull()
    expect(await column('Nội dung')).toEqual(original)
  })
})
