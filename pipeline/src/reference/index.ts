/** Reference data loaders (sync, cached) for data/reference/. */
export { parseCsv, parseCsvObjects } from './csv.ts'
export { foldSameLength, foldVietnamese, normalizeToneMarks, slugify } from './fold.ts'
export { ReferenceFileError } from './files.ts'
export * from './provinces.ts'
export * from './campaigns.ts'
export * from './documents.ts'
export * from './history.ts'
