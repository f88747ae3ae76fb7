import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { destroyAgents, type ExchangeResult, getOnce, makeAgents } from './exchange-node.ts'

/** Routes of a loopback server, each an answer the crawler must read or refuse. */
const routes: Record<string, (res: http.ServerResponse) => void> = {
  '/ok': (res) => {
    res.setHeader('set-cookie', ['a=1', 'b=2'])
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.write('hello ')
    res.end('world')
  },
  '/declared-large': (res) => {
    res.writeHead(200, { 'content-length': '100' })
    res.end('x'.repeat(100))
  },
  // chunked: no content-length, so only counting the bytes finds the excess
  '/streamed-large': (res) => {
    res.writeHead(200)
    for (let i = 0; i < 10; i++) res.write('y'.repeat(10))
    res.end()
  },
  '/cut': (res) => {
    res.writeHead(200, { 'content-length': '1000' })
    res.write('partial', () => res.socket?.destroy())
  },
  '/hang': () => undefined,
}

let server: http.Server
let base = ''
const agents = makeAgents()
beforeAll(async () => {
  server = http.createServer((req, res) => routes[req.url ?? '']?.(res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  destroyAgents(agents)
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const get = (path: string, max = 50) =>
  new Promise<ExchangeResult>((resolve) => getOnce(new URL(base + path), {}, max, agents, resolve))

describe('one GET over node:http', () => {
  it('reads the whole body and joins repeated headers as one value', async () => {
    const r = await get('/ok')
    if (!('ok' in r)) throw new Error(r.failure.message)
    expect(r.ok.status).toBe(200)
    expect(new TextDecoder().decode(r.ok.body)).toBe('hello world')
    expect(r.ok.headers['set-cookie']).toBe('a=1, b=2')
    expect(r.ok.headers['content-type']).toBe('text/plain')
  })

  it.each([
    ['/declared-large', /content-length 100 exceeds 50/],
    ['/streamed-large', /body larger than 50 bytes/],
  ])('refuses %s past the cap as too_large', async (path, message) => {
    const r = await get(path)
    expect('failure' in r && r.failure.reason).toBe('too_large')
    expect('failure' in r && r.failure.message).toMatch(message)
  })

  it('a connection cut inside the body is a network failure, not a short page', async () => {
    const r = await get('/cut', 5000)
    expect('failure' in r && r.failure.reason).toBe('network')
  })

  it('a refused connection is a network failure', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const r = await new Promise<ExchangeResult>((resolve) =>
      getOnce(new URL(`http://127.0.0.1:${port}/`), {}, 50, agents, resolve)
    )
    expect('failure' in r && r.failure.message).toMatch(/^request failed: .*ECONNREFUSED/)
  })

  it('after an abort the answer is never reported', async () => {
    const seen: ExchangeResult[] = []
    const abort = getOnce(new URL(`${base}/hang`), {}, 50, agents, (r) => seen.push(r))
    abort()
    // the server's view: the connection goes away; the client must stay silent
    await new Promise((resolve) => setImmediate(resolve))
    expect(seen).toEqual([])
  })
})
