/**
 * A run cut short (killed, power loss) leaves its pipeline_runs row at 'running'. Before the next run,
 * while the scheduler holds the lock so no run can be in flight, such rows are closed as failed with the reason "interrupted: …".
 */
import { closeWarehouseSync, openWarehouseAsync } from '../warehouse/open.ts'

export async function markInterruptedRuns(dbFile: string): Promise<number> {
  const wh = await openWarehouseAsync(dbFile)
  try {
    const r = await wh.conn.runAndReadAll(
      `UPDATE pipeline_runs SET status = 'failed', finished_at = now(),
         error = 'interrupted: the process ended during the run (killed or stopped); the next run carried on from the durable crawl state'
       WHERE status = 'running' RETURNING run_id`
    )
    return r.getRows().length
  } finally {
    closeWarehouseSync(wh)
  }
}
