/** Reads files of data/reference/ once per process (sync: the files are small and read at start-up). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { referenceDir } from '../paths.ts'
import { parseCsvObjects } from './csv.ts'

export class ReferenceFileError extends Error {
  override readonly name = 'ReferenceFileError'
}

const textCache = new Map<string, string>()

export function readReferenceText(file: string): string {
  const hit = textCache.get(file)
  if (hit !== undefined) return hit
  const full = path.join(referenceDir, file)
  let text: string
  try {
    text = readFileSync(full, 'utf8').normalize('NFC')
  } catch (e) {
    throw new ReferenceFileError(`cannot read reference file ${full}: ${e instanceof Error ? e.message : e}`)
  }
  textCache.set(file, text)
  return text
}

export function readReferenceCsv(
  file: string,
  required: ReadonlyArray<string>
): Array<Record<string, string>> {
  const rows = parseCsvObjects(readReferenceText(file))
  const first = rows[0]
  if (!first) throw new ReferenceFileError(`reference file ${file} has no rows`)
  const missing = required.filter((c) => !(c in first))
  if (missing.length > 0)
    throw new ReferenceFileError(`reference file ${file} lacks columns: ${missing.join(', ')}`)
  return rows
}

/** Memoise a zero-argument loader. */
export function cached<T>(load: () => T): () => T {
  let value: { v: T } | undefined
  return () => {
    if (!value) value = { v: load() }
    return value.v
  }
}

/** A row of a reference CSV as columnsOf gives it: the columns `C` as text. */
export type CsvRow<C extends ReadonlyArray<string>> = Readonly<Record<C[number], string>>

/** The named columns of a reference CSV row, as strings ('' where a cell is missing). */
export const columnsOf = <K extends string>(
  row: Readonly<Record<string, string>>,
  columns: ReadonlyArray<K>
): Record<K, string> => Object.fromEntries(columns.map((c) => [c, row[c] ?? ''])) as Record<K, string>
