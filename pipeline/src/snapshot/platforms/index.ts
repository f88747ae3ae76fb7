/** Platform name → renderer. */
import type { Platform } from '../../domain/source.ts'
import type { PlatformRenderer } from '../types.ts'
import { baonghean } from './baonghean.ts'
import { drupal } from './drupal.ts'
import { generic } from './generic.ts'
import { govPortal } from './gov-portal.ts'
import { liferay } from './liferay.ts'
import { newspaperPost } from './newspaper-post.ts'
import { nukeviet } from './nukeviet.ts'
import { wordpress } from './wordpress.ts'

export const RENDERERS: Record<Platform, PlatformRenderer> = {
  nukeviet,
  'gov-portal': govPortal,
  liferay,
  drupal,
  wordpress,
  'newspaper-post': newspaperPost,
  baonghean,
  generic,
}

/** Where each platform's home page lives; "/" redirects there when it differs. */
export const homePath = (p: Platform): string =>
  p === 'liferay' ? '/web/guest' : p === 'drupal' ? '/vi' : '/'
