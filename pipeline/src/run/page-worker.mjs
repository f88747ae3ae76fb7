// Worker-thread entry for page-pool.ts. Workers start without the parent's loader flags, so this
// plain-JS bootstrap registers tsx itself before loading the TypeScript worker module.
import { register } from 'tsx/esm/api'

register()
await import('./page-worker.ts')
