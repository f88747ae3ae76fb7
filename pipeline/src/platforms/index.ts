/**
 * Every platform, one folder each (urls, selector table, renderer): the crawler's link classification,
 * the parser's adapters, the snapshot and the simulator all read this registry. Adding a platform is a
 * folder, its name in domain/source.ts and a line here.
 */
import type { Platform } from '../domain/source.ts'
import type { PlatformRenderer } from '../snapshot/types.ts'
import { baonghean } from './baonghean/index.ts'
import { drupal } from './drupal/index.ts'
import { generic } from './generic/index.ts'
import { govPortal } from './gov-portal/index.ts'
import { liferay } from './liferay/index.ts'
import { newspaperPost } from './newspaper-post/index.ts'
import { nukeviet } from './nukeviet/index.ts'
import type { Adapter } from './read/types.ts'
import type { PageSignals, PlatformModule } from './types.ts'
import { wordpress } from './wordpress/index.ts'

export const PLATFORMS: Readonly<Record<Platform, PlatformModule>> = {
  nukeviet,
  'gov-portal': govPortal,
  liferay,
  drupal,
  wordpress,
  'newspaper-post': newspaperPost,
  baonghean,
  generic,
}

/** Every platform name, in the registry's order (the generator deals its sites out in this order). */
export const PLATFORM_NAMES: ReadonlyArray<Platform> = Object.keys(PLATFORMS) as Platform[]

const each = <T>(f: (m: PlatformModule) => T): Readonly<Record<Platform, T>> =>
  Object.fromEntries(Object.values(PLATFORMS).map((m) => [m.name, f(m)])) as Record<Platform, T>

/**
 * Fingerprints are tried from the most specific to the least (a NukeViet page may carry WordPress-like
 * upload paths, a newspaper may link a Drupal CDN); the first platform whose marks a page carries reads it.
 */
const DETECTION_ORDER: ReadonlyArray<Platform> = [
  'nukeviet',
  'baonghean',
  'newspaper-post',
  'wordpress',
  'drupal',
  'liferay',
  'gov-portal',
]

/** The platform whose fingerprint a page carries first, or null. */
export const fingerprintOf = (page: PageSignals): Platform | null => {
  for (const name of DETECTION_ORDER) if (PLATFORMS[name].fingerprint?.(page)) return name
  return null
}

/** Platform → page reader; unknown sites use `generic`. */
export const ADAPTERS: Readonly<Record<Platform, Adapter>> = each((m) => m.adapter)
/** Platform → snapshot renderer. */
export const RENDERERS: Readonly<Record<Platform, PlatformRenderer>> = each((m) => m.renderer)
/** Platform → article URL shapes. */
export const ARTICLE_URLS: Readonly<Record<Platform, ReadonlyArray<RegExp>>> = each((m) => m.articleUrls)

/** Where each platform's home page lives; "/" redirects there when it differs. */
export const homePath = (p: Platform): string => PLATFORMS[p].home
