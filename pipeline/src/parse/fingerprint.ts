/**
 * Which adapter reads a page: the fingerprints of the platform folders (design/portals.md §0 —
 * generator meta, URL shape, class families), checked from the most specific to the least, then
 * NukeViet's weaker marks. Cheap string tests on the raw HTML run before any DOM is built.
 */
import type { Platform } from '../domain/source.ts'
import { fingerprintOf } from '../platforms/index.ts'

export const detectPlatform = (html: string, url: string): Platform => {
  const head = html.slice(0, 200_000)
  let host = ''
  let path = ''
  try {
    const u = new URL(url)
    host = u.hostname.toLowerCase()
    path = u.pathname + u.search
  } catch {
    // A bad URL only loses the URL-shape signals.
  }
  const found = fingerprintOf({ head, host, path })
  if (found) return found
  // Older NukeViet sites without the generator meta: their upload folders and news URLs.
  if (/index\.php\?language=|\/uploads\/news\/\d{4}_\d{2}\//.test(head) || /\/news\/.+-\d+\.html$/.test(path))
    return 'nukeviet'
  return 'generic'
}
