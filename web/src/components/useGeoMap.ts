/** Fetches and registers a unit system's province boundaries once per system, for the map charts. */
import { registerMap } from 'echarts/core'
import { useEffect, useState } from 'react'
import { fetchJson } from '../app/api.ts'

/** `ready` is true once `vn-<system>` is registered; a map drawn before that would be blank. */
export const useGeoMap = (system: string): { ready: boolean; error: Error | null } => {
  const [ready, setReady] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    setReady(null)
    fetchJson<object>(`/api/geo/${system}`)
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
