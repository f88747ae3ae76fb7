// Entry of a console worker process when running from TypeScript sources: the child starts without the
// parent's loader flags, so this plain-JS bootstrap registers tsx before loading the worker module.
// (The compiled build starts dist/sql-console/console-worker.js directly.)
import { register } from 'tsx/esm/api'

register()
await import('./console-worker.ts')
