/**
 * `pnpm docs:data-model`: migrates a new, empty warehouse and writes its column reference (from the
 * COMMENT ON texts) into docs/data-model.md.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  dataModelFile,
  renderColumnReference,
  writeDataModelDoc,
} from '../pipeline/src/warehouse/data-model-doc.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-doc-'))
try {
  const wh = await openWarehouseAsync(path.join(dir, 'doc.duckdb'))
  try {
    writeDataModelDoc(await renderColumnReference(wh.conn))
  } finally {
    closeWarehouseSync(wh)
  }
  process.stdout.write(`wrote the column reference of ${path.relative(process.cwd(), dataModelFile)}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
