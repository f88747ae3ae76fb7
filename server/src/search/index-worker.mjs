// Entry of the search-index worker thread when running from TypeScript sources: registers tsx before
// loading the worker module (the compiled build starts the bundled index-worker.js directly).
import { register } from 'tsx/esm/api'

register()
await import('./index-worker.ts')
