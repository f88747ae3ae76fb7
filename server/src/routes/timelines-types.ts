/**
 * Answers of the timeline routes (timelines.ts), declared once: the compare view's chart builder
 * (web/src/charts/timeline.ts) imports them as types only.
 */
import type { PlannedHeld } from './province-profile-types.ts'

/** A row of GET /api/timelines: a document, conference or congress of one province. */
export interface TimelineItem extends PlannedHeld, Record<string, unknown> {
  province_code: string
  province_name: string
  item_date: string | null
  item_kind: 'document' | 'conference' | 'congress' | 'org_congress'
  organization: string | null
  origin_code_2008: string | null
  origin_name: string | null
  from_merged_province: boolean | null
  label: string
  event_id: string | null
  document_id: string | null
  reports: number | null
  has_conflict: boolean
}

/** A row of GET /api/timelines/milestones: a national date drawn across every province. */
export interface Milestone extends Record<string, unknown> {
  id: string
  date: string
  event_vi: string
  document: string | null
}
