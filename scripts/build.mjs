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
import { spawnSync } from 'node:child_process'
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
// @duckdb/node-api too: as an external ESM import, Node lexes its ~80 CommonJS files for export
// names at every start (0.15 s of CPU); bundled, only its native binding is loaded (duckdbBindings).
const bundled = (name) =>
  name === 'effect' ||
  name.startsWith('@effect/') ||
  name.startsWith('@thidua/') ||
  name === '@duckdb/node-api' ||
  // effect's FastCheck module imports it: external, that import kept ~0.5 MB of effect in one chunk
  // that every Effect user loads (0.25 s); bundled, it is tree-shaken away (no command uses it).
  name === 'fast-check'
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
const entryPoints = {
  thidua: path.join(pipelineDir, 'src/cli/main.ts'),
  // Run below: records the help texts `thidua` prints without loading Effect.
  'thidua-help-gen': path.join(pipelineDir, 'src/cli/help-build.ts'),
}
for (const file of sources) {
  for (const m of readFileSync(file, 'utf8').matchAll(RUNTIME_URL)) {
    const target = runtimeTarget(file, m[2])
    if (target) entryPoints[entryName(target)] = target
  }
}

// `import { Data } from 'effect'` goes through the package index, and with code splitting esbuild then
// puts most of effect (0.5 MB) in the chunk such a module loads (0.25 s at start). Each namespace is
// imported from its own module instead (`import * as Data from 'effect/Data'`), as main.ts does by hand.
const pipelineRequire = createRequire(path.join(pipelineDir, 'package.json'))
const effectModules = new Set(
  Object.keys(JSON.parse(readFileSync(pipelineRequire.resolve('effect/package.json'), 'utf8')).exports)
    .filter((k) => /^\.\/[A-Z]\w*$/.test(k))
    .map((k) => k.slice(2))
)
const EFFECT_INDEX_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'effect'/g
const deepEffectImports = (text) =>
  text.replace(EFFECT_INDEX_IMPORT, (_whole, list) => {
    const deep = []
    const rest = []
    for (const spec of list.split(',').map((s) => s.trim())) {
      // Type-only names are erased anyway.
      if (spec === '' || spec.startsWith('type ')) continue
      const [name, alias = name] = spec.split(/\s+as\s+/)
      if (effectModules.has(name)) deep.push(`import * as ${alias} from 'effect/${name}'`)
      else rest.push(spec)
    }
    if (rest.length > 0) deep.push(`import { ${rest.join(', ')} } from 'effect'`)
    return deep.join('; ')
  })

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
      return { contents: deepEffectImports(text), loader: 'ts' }
    })
  },
}

// The native binding stays in node_modules, where pnpm puts it: beside @duckdb/node-api, not in reach
// of pipeline/dist. It is found from node-api's own location at run time.
const duckdbBindings = {
  name: 'duckdb-bindings',
  setup(build) {
    build.onResolve({ filter: /^@duckdb\/node-bindings$/ }, () => ({ path: 'bindings', namespace: 'duckdb' }))
    build.onLoad({ filter: /.*/, namespace: 'duckdb' }, () => ({
      contents:
        "module.exports = require(require.resolve('@duckdb/node-bindings', { paths: [require.resolve('@duckdb/node-api')] }))",
      loader: 'js',
    }))
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
  plugins: [sourceUrls, duckdbBindings],
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
// Help texts from the compiled @effect/cli definitions themselves, so they cannot drift from behaviour.
const help = spawnSync(
  process.execPath,
  [path.join(outdir, 'thidua-help-gen.js'), path.join(outdir, 'help.json')],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  }
)
if (help.status !== 0) {
  process.stderr.write('build: recording the help texts failed\n')
  process.exit(1)
}
process.stdout.write(
  `built pipeline/dist (${Object.keys(entryPoints).length} entries) in ${Date.now() - started} ms\n`
)
