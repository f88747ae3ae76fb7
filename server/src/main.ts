/** Puts the app on a port. `thidua serve` and the browser tests call `startServer`. */
import { serve, type ServerType } from '@hono/node-server'
import { createApp, DEFAULT_WEB_DIST, type CreateAppOptions } from './app.ts'
import { bindAddress } from './http/auth.ts'

export interface RunningServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

export const startServer = async (
  opts: { dbFile: string; port?: number; host?: string; webDist?: string } & Omit<
    CreateAppOptions,
    'dbFile' | 'webDist'
  >
): Promise<RunningServer> => {
  const handle = await createApp({ ...opts, webDist: opts.webDist ?? DEFAULT_WEB_DIST })
  // Without credentials configured nobody is asked who they are, so only this machine may connect.
  const { host, notice } = bindAddress(opts.host, handle.accessControlled)
  if (notice) (opts.log ?? ((m: string) => console.error(m)))(notice)
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const s = serve({ fetch: handle.app.fetch, port: opts.port ?? 8787, hostname: host }, (info) =>
      resolve({ server: s, port: info.port })
    )
    s.once('error', reject)
  })
  // Console workers load DuckDB once the server listens, not before: on two cores their start would
  // delay the first answer. A query warms the pool itself if it comes first.
  handle.sqlPool.warm()
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
      }).then(() => handle.close()),
  }
}
