/**
 * Test helper (parse-workers.test.ts): opens a pool of two worker processes, gives each a chunk,
 * prints their pids as one JSON line, then waits to be killed.
 */
import { decodeHtml } from '../../page/decode.ts'
import { listSnapshotPages, readSnapshotPage } from '../../snapshot/catalog.ts'
import { openPagePool } from '../page-pool.ts'
import type { Work } from '../page-work.ts'

const page = listSnapshotPages().find((p) => p.status === 200 && p.kind === 'article')
if (!page) throw new Error('pool-holder: the snapshot has no article page')
const work: Work = {
  kind: 'page',
  source_id: null,
  record_id: 'urn:uuid:pool-holder',
  input: { html: decodeHtml(readSnapshotPage(page), page.content_type).text, url: page.url },
}
const pool = openPagePool(2)
await Promise.all([pool.run([work]), pool.run([work])])
process.stdout.write(`${JSON.stringify(pool.pids())}\n`)
setInterval(() => {}, 60_000)
