/** What one platform folder provides: its URL shapes, how its pages are read and how they are rendered. */
import type { Platform } from '../domain/source.ts'
import type { PlatformRenderer } from '../snapshot/types.ts'
import type { Adapter } from './read/types.ts'

export interface PlatformModule {
  readonly name: Platform
  /** Path of the home page; "/" redirects there when it differs. */
  readonly home: string
  /** URL shapes (path + query) of article pages, for the crawler's link classification. */
  readonly articleUrls: ReadonlyArray<RegExp>
  /** Reads an article page of this platform. */
  readonly adapter: Adapter
  /** Renders the platform's pages for the offline snapshot and the simulator. */
  readonly renderer: PlatformRenderer
}
