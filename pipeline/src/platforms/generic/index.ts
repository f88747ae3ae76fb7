/**
 * Sites whose CMS we do not know: head metadata and text density (adapter.ts); their URL shapes are
 * the common ones, which every other platform accepts too.
 */
import type { PlatformModule } from '../types.ts'
import { genericAdapter } from './adapter.ts'
import { genericRenderer } from './render.ts'

export const generic: PlatformModule = {
  name: 'generic',
  home: '/',
  articleUrls: [
    /-post\d+\.html?$/i,
    /\/[^/]+-\d{3,}\.html?$/i,
    /\/node\/\d+\/?$/i,
    /\/\d{4}\/\d{2}\/(?:\d{2}\/)?[^/]+\/?$/i,
    /chitiet|chi-tiet|detail/i,
    /\/[^/]*[a-z]-\d{4,}$/i,
  ],
  adapter: genericAdapter,
  renderer: genericRenderer,
}
