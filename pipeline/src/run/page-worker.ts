/** Worker side of page-pool.ts: parses and extracts each chunk of work it is sent, replies in order. */
import type { PoolJob, PoolReply } from './page-pool.ts'
import { doWork } from './page-work.ts'

const send = process.send?.bind(process)
if (!send) throw new Error('page-worker.ts must run as a forked worker process (see page-pool.ts)')
process.on('message', (job: PoolJob) => {
  const reply: PoolReply = { id: job.id, outcomes: job.work.map(doWork) }
  send(reply)
})
// The run is gone (ended, or killed): never outlive it.
process.on('disconnect', () => process.exit(0))
