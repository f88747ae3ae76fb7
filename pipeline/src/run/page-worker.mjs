// Worker-process entry for page-pool.ts when running from TypeScript sources. Workers start without the
// parent's loader flags, so this plain-JS bootstrap registers tsx itself before loading the worker module.
// (The compiled build starts dist's page-worker.js directly.)
import { register } from 'tsx/esm/api'

register()
await import('./page-worker.ts')
