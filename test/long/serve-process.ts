/**
 * `thidua serve` as a child process on a free loopback port (the long tests that need a separate
 * process: SIGTERM, a server under load). Resolves once it prints its URL.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { repoRoot } from '@thidua/pipeline/paths'

export interface ServeProcess {
  readonly server: ChildProcess
  readonly base: string
  /** Everything the server wrote to stderr so far. */
  readonly log: () => string
}

export const spawnServe = (dbFile: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> => {
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'pipeline/src/cli/main.ts',
      'serve',
      '--db',
      dbFile,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stderr = ''
  server.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString()
  })
  return new Promise<ServeProcess>((resolve, reject) => {
    let seen = ''
    server.stdout?.on('data', (b: Buffer) => {
      seen += b.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen)
      if (m) resolve({ server, base: m[1] as string, log: () => stderr })
    })
    server.once('exit', (code) => reject(new Error(`thidua serve exited early (${code}): ${seen}`)))
  })
}
