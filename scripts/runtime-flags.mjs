// The Node/V8 flags the `thidua` command runs with: the one list. The built bin's shebang
// (scripts/build.mjs), the `pnpm thidua` / `thidua:dev` scripts (checked against this list by
// test/integration/runtime-flags.test.ts) and the parse-workers bench all take it from here.
//
// Why --single-threaded-gc: V8's parallel and concurrent GC helper threads compete with the second
// parse worker on a 2-core machine (docs/benchmarks.md, "parse workers"). Worker threads cannot take
// V8 flags, and the flag is process-wide: it must be on the command line of the process that does the
// work (no re-exec layer, whose parent a SIGKILL would leave the child running on the DuckDB file).
export const RUNTIME_FLAGS = ['--single-threaded-gc']

/** The bin's first line: `env -S` splits the flags, so the compiled file runs as `node <flags>`. */
export const shebang = () => `#!/usr/bin/env -S node ${RUNTIME_FLAGS.join(' ')}`

/** True when this process was started with every runtime flag. */
export const hasRuntimeFlags = (execArgv = process.execArgv) =>
  RUNTIME_FLAGS.every((f) => execArgv.includes(f))
