/** The questions of docs/sql-cookbook.md: each `### N. question` with the first ```sql block under it. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../paths.ts'

export interface Recipe {
  readonly title: string
  readonly sql: string
}

export const cookbookFile = path.join(repoRoot, 'docs', 'sql-cookbook.md')

export const cookbookRecipes = (md: string = readFileSync(cookbookFile, 'utf8')): Recipe[] =>
  md
    .split(/^### /m)
    .slice(1)
    .flatMap((section) => {
      const title = section.slice(0, section.indexOf('\n')).trim()
      const sql = /```sql\n([\s\S]*?)```/.exec(section)?.[1]
      return sql ? [{ title, sql }] : []
    })
