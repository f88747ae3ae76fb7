/** Fetches and registers a unit system's province boundaries once per system, for the map charts. */
import { registerMap } from 'echarts/core'
import { useEffect, useState } from 'react'
import type { GeoCollection } from '../../../server/src/routes/geo-types.ts'
import { fetchJson, routeUrl } from '../app/api.ts'

/** `ready` is true once `vn-<system>` is registered; a map drawn before that would be blank. */
export const useGeoMap = (system: string): { ready: boolean; error: Error | null } => {
  const [ready, setReady] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    setReady(null)
    fetchJson<GeoCollection>(routeUrl('/api/geo/:system', { params: { system } }))
      .then((geo) => {
        registerMap(`vn-${system}`, geo as never)
        if (live) setReady(system)
      })
      .catch((e: Error) => live && setError(e))
    return () => {
      live = false
    }
  }, [system])
  return { ready: ready === system, error }
}
