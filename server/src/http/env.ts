import type { Lease } from '../db/published-db.ts'

/** Per-request variables: the database version this request reads from. */
export interface AppEnv {
  Variables: { lease: Lease }
}
