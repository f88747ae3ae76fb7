import { ArchiveWriter, readArchive } from '../src/crawl/archive.ts'
import { appendFileSync, rmSync } from 'node:fs'
rmSync('/tmp/archt.duckdb.archive', { recursive: true, force: true })
const w = new ArchiveWriter('/tmp/archt.duckdb', 'run1')
for (let i = 0; i < 5; i++) {
  const id = await w.append({ url: `https://a.vn/p${i % 3}`, source_id: 's', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', etag: '"x"' }, body: new TextEncoder().encode(`body ${i} Việt`), fetched_at: new Date(Date.now() + i * 1000).toISOString(), is_article: true })
  console.log(id)
}
w.close()
appendFileSync(w.file, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]))
for await (const r of readArchive('/tmp/archt.duckdb')) console.log(r.url, r.status, r.headers, new TextDecoder().decode(r.body), r.fetched_at, r.record_id, r.is_article)
