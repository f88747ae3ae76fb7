/** Platform → adapter. Every Platform of domain/source.ts has one; unknown sites use `generic`. */
import type { Platform } from '../../domain/source.ts'
import { baonghean } from './baonghean.ts'
import { drupalAdapter } from './drupal.ts'
import { genericAdapter } from './generic.ts'
import { govPortalAdapter } from './gov-portal.ts'
import { liferayAdapter } from './liferay.ts'
import { newspaperPostAdapter } from './newspaper-post.ts'
import { nukevietAdapter } from './nukeviet.ts'
import type { Adapter } from './types.ts'
import { wordpressAdapter } from './wordpress.ts'

export const ADAPTERS: Readonly<Record<Platform, Adapter>> = {
  nukeviet: nukevietAdapter,
  'gov-portal': govPortalAdapter,
  liferay: liferayAdapter,
  drupal: drupalAdapter,
  wordpress: wordpressAdapter,
  'newspaper-post': newspaperPostAdapter,
  baonghean,
  generic: genericAdapter,
}
