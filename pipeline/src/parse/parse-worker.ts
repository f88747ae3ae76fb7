/** Worker side of parse-many.ts: parses the batches of pages it is sent and posts the results back. */
import { parentPort } from 'node:worker_threads'
import type { ParseJob, ParseReply } from './parse-many.ts'
import { parseSafely } from './parse-many.ts'

const port = parentPort
if (!port) throw new Error('parse-worker.ts must run in a worker thread (see parse-many.ts)')
port.on('message', (job: ParseJob) => {
  const reply: ParseReply = { id: job.id, results: job.pages.map(parseSafely) }
  port.postMessage(reply)
})
