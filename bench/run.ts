/**
 * `pnpm bench`: runs every `bench/<name>.bench.ts` (or only those named on the command line), each in
 * this process one after another so they do not compete for the two cores, and writes its figures to
 * `bench/results/<name>.json` plus a combined `bench/results/latest.json`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const resultsDir = path.join(benchDir, 'results')

type BenchModule = { run: () => Promise<Record<string, unknown>> }

const wanted = process.argv.slice(2)
const files = (await readdir(benchDir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort()

await mkdir(resultsDir, { recursive: true })
const machine = { node: process.version, cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model ?? 'unknown' }
const all: Record<string, unknown> = { measured_at: new Date().toISOString(), machine }
let failed = 0
for (const file of files) {
  const name = file.replace('.bench.ts', '')
  process.stderr.write(`bench ${name} ...\n`)
  const started = performance.now()
  try {
    const mod = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule
    const figures = await mod.run()
    const result = { name, seconds: (performance.now() - started) / 1000, ...figures }
    all[name] = result
    await writeFile(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`)
    process.stderr.write(`${JSON.stringify(result, null, 2)}\n`)
  } catch (e) {
    failed++
    all[name] = { name, error: e instanceof Error ? e.message : String(e) }
    process.stderr.write(`bench ${name} failed: ${e instanceof Error ? e.stack : String(e)}\n`)
  }
}
await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(all, null, 2)}\n`)
process.stderr.write(
  `wrote ${path.relative(process.cwd(), resultsDir)}/latest.json (${files.length} benchmarks)\n`
)
if (failed > 0) process.exitCode = 1
