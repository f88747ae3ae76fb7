// `pnpm build`: compiles the `thidua` command line (pipeline + server sources) to JavaScript in
// pipeline/dist/, so a command starts without compiling TypeScript. Type checking is `pnpm
// typecheck`'s job; this uses esbuild (tsx's own copy) and takes a few seconds.
//
// Why a bundle: Node loads hundreds of small ESM files of `effect` slowly (seconds on a busy
// machine); one tree-shaken bundle starts in a fraction of that. Code splitting keeps every
// `import()` lazy, so `thidua --help` loads no database or HTML code.
//
// Paths: sources compute files from `import.meta.url` (repo root, migrations). Each source's
// `import.meta.url` is replaced by its own source URL, so those paths mean what they mean under tsx.
// A module loaded at run time by URL (`new URL('./x.ts', import.meta.url)`, or a `.mjs` tsx bootstrap
// beside `x.ts`) becomes an extra entry `dist/<name>.js` and the URL points at it.
import { existsSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const esbuild = createRequire(realpathSync(path.join(root, 'node_modules/tsx/package.json')))('esbuild')
const pipelineDir = path.join(root, 'pipeline')
const outdir = path.join(pipelineDir, 'dist')
const sourceDirs = [path.join(pipelineDir, 'src'), path.join(root, 'server', 'src')]

// Packages with native code or data files stay in node_modules; `effect` and `@effect/*` are bundled
// (the startup cost is theirs, and no external package imports them). Anything else the pipeline does
// not depend on itself (the server's hono, ...) is bundled, since Node could not resolve it from here.
const pipelinePkg = JSON.parse(readFileSync(path.join(pipelineDir, 'package.json'), 'utf8'))
const bundled = (name) => name === 'effect' || name.startsWith('@effect/') || name.startsWith('@thidua/')
const external = Object.keys({ ...pipelinePkg.dependencies, ...pipelinePkg.devDependencies })
  .filter((name) => !bundled(name))
  .flatMap((name) => [name, `${name}/*`])

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? walk(file) : [file]
  })

const RUNTIME_URL = /new URL\((['"])(\.{1,2}\/[^'"]+\.(?:ts|mjs))\1, import\.meta\.url\)/g

/** The TypeScript module a run-time URL names: `x.ts`, or `x.ts` beside a tsx bootstrap `x.mjs`. */
const runtimeTarget = (fromFile, rel) => {
  const target = path.resolve(path.dirname(fromFile), rel)
  if (target.endsWith('.ts')) return target
  const ts = target.replace(/\.mjs$/, '.ts')
  return existsSync(ts) ? ts : null
}
const entryName = (file) => path.relative(root, file).replace(/\.ts$/, '').replace(/[/\\]/g, '__')

const sources = sourceDirs.flatMap(walk).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
const entryPoints = { thidua: path.join(pipelineDir, 'src/cli/main.ts') }
for (const file of sources) {
  for (const m of readFileSync(file, 'utf8').matchAll(RUNTIME_URL)) {
    const target = runtimeTarget(file, m[2])
    if (target) entryPoints[entryName(target)] = target
  }
}

const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const own = JSON.stringify(path.relative(outdir, args.path).split(path.sep).join('/'))
      const text = readFileSync(args.path, 'utf8')
        .replace(RUNTIME_URL, (whole, _q, rel) => {
          const target = runtimeTarget(args.path, rel)
          return target ? `new URL('./${entryName(target)}.js', __THIDUA_OUTPUT_URL__)` : whole
        })
        // Every output file sits directly in dist/, so the source's URL is relative to it.
        .replace(/import\.meta\.url/g, `new URL(${own}, import.meta.url).href`)
        .replaceAll('__THIDUA_OUTPUT_URL__', 'import.meta.url')
      return { contents: text, loader: 'ts' }
    })
  },
}

const started = Date.now()
// Files are replaced in place, never the folder: a running `thidua` may still import its chunks
// (content-hashed, so an old chunk stays valid). Chunks no build wrote for a while are removed.
const result = await esbuild.build({
  entryPoints,
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [sourceUrls],
  // Bundled CommonJS code may call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
  minify: true,
  keepNames: false,
  absWorkingDir: root,
})
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)))
for (const name of readdirSync(outdir)) {
  const file = path.join(outdir, name)
  if (!written.has(file) && Date.now() - statSync(file).mtimeMs > 10 * 60_000)
    rmSync(file, { recursive: true, force: true })
}
process.stdout.write(
  `built pipeline/dist (${Object.keys(entryPoints).length} entries) in ${Date.now() - started} ms\n`
)
