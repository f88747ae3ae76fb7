/** What one platform folder provides: its URL shapes, how its pages are read and how they are rendered. */
import type { Platform } from '../domain/source.ts'
import type { PlatformRenderer } from '../snapshot/types.ts'
import type { Adapter } from './read/types.ts'

/** What a fingerprint looks at: the first 200 KB of the HTML, the host and the path with its query. */
export interface PageSignals {
  readonly head: string
  readonly host: string
  readonly path: string
}

export interface PlatformModule {
  readonly name: Platform
  /** Path of the home page; "/" redirects there when it differs. */
  readonly home: string
  /** URL shapes (path + query) of article pages, for the crawler's link classification. */
  readonly articleUrls: ReadonlyArray<RegExp>
  /** Reads an article page of this platform. */
  readonly adapter: Adapter
  /** Whether a page carries this platform's marks (generator meta, class families, URL shape). */
  readonly fingerprint?: (page: PageSignals) => boolean
  /** Renders the platform's pages for the offline snapshot and the simulator. */
  readonly renderer: PlatformRenderer
}
