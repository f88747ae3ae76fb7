/** Worker side of page-pool.ts: parses and extracts each chunk of work it is sent, replies in order. */
import { parentPort } from 'node:worker_threads'
import type { PoolJob, PoolReply } from './page-pool.ts'
import { doWork } from './page-work.ts'

const port = parentPort
if (!port) throw new Error('page-worker.ts must run in a worker thread (see page-pool.ts)')
port.on('message', (job: PoolJob) => {
  const reply: PoolReply = { id: job.id, outcomes: job.work.map(doWork) }
  port.postMessage(reply)
})
