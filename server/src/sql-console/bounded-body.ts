/**
 * The console's deadline covers sending too: the answer goes out in 64 KB pieces, each pulled only when
 * the connection has taken the one before, and a client still reading at the deadline is cut off.
 */
const PIECE = 64 * 1024

export const boundedBody = async (res: Response, deadline: number): Promise<Response> => {
  if (!res.body) return res
  const bytes = new Uint8Array(await res.arrayBuffer())
  let offset = 0
  let timer: NodeJS.Timeout | null = null
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(
        () => controller.error(new Error('console deadline passed while sending')),
        Math.max(0, deadline - Date.now())
      )
      timer.unref()
    },
    pull(controller) {
      if (offset >= bytes.length) {
        if (timer) clearTimeout(timer)
        controller.close()
        return
      }
      controller.enqueue(bytes.subarray(offset, offset + PIECE))
      offset += PIECE
    },
    cancel() {
      if (timer) clearTimeout(timer)
    },
  })
  const headers = new Headers(res.headers)
  headers.set('Content-Length', String(bytes.length))
  return new Response(stream, { status: res.status, headers })
}
