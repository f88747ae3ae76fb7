/**
 * The article view's text model, kept free of React so it can be tested: the body cut into pieces at
 * entity and focus boundaries, those pieces packed into chunks the view renders progressively, and the
 * window of an entity's sentence the entity table shows (a giant sentence is cut, not repeated whole).
 */

import type { EntitySpan as Entity } from '../../../server/src/routes/entity-spans.ts'

/** An entity's span in the body, as GET /api/articles/:id answers it (declared beside the server route). */
export type { Entity }

export interface Span {
  start: number
  end: number
}

export interface Piece {
  text: string
  entity: Entity | null
  focus: boolean
}

/** Characters per rendered chunk of the body: about one screen of text. */
export const CHUNK_CHARS = 4000

/**
 * Splits the body into pieces at entity and focus boundaries. Overlapping entity spans keep the earlier
 * (and, at one start, the longer) one. Linear after the sort: long articles carry thousands of entities.
 */
export const pieces = (body: string, entities: readonly Entity[], focus: Span | null): Piece[] => {
  const sorted = [...entities]
    .filter((e) => e.start >= 0 && e.end <= body.length && e.start < e.end)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Entity[] = []
  let at = 0
  for (const e of sorted) {
    if (e.start < at) continue
    kept.push(e)
    at = e.end
  }
  const cuts = new Set<number>([0, body.length])
  for (const e of kept) cuts.add(e.start).add(e.end)
  if (focus) cuts.add(focus.start).add(focus.end)
  const bounds = [...cuts].filter((c) => c >= 0 && c <= body.length).sort((a, b) => a - b)
  const out: Piece[] = []
  let k = 0
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i] ?? 0
    const e = bounds[i + 1] ?? 0
    while (k < kept.length && (kept[k]?.end ?? 0) <= s) k++
    const cur = kept[k]
    const entity = cur && cur.start <= s && e <= cur.end ? cur : null
    out.push({ text: body.slice(s, e), entity, focus: focus !== null && focus.start <= s && e <= focus.end })
  }
  return out
}

/**
 * Packs pieces into chunks of about `size` characters; a plain piece longer than that is cut, so a
 * giant repeated sentence becomes many small text nodes instead of one the browser lays out at once.
 */
export const chunk = (ps: readonly Piece[], size = CHUNK_CHARS): Piece[][] => {
  const out: Piece[][] = []
  let cur: Piece[] = []
  let len = 0
  const flush = () => {
    if (cur.length > 0) out.push(cur)
    cur = []
    len = 0
  }
  for (const p of ps) {
    if (p.entity === null && p.text.length > size) {
      for (let i = 0; i < p.text.length; i += size) {
        const part = p.text.slice(i, i + size)
        if (len + part.length > size) flush()
        cur.push({ ...p, text: part })
        len += part.length
      }
      continue
    }
    if (len > 0 && len + p.text.length > size) flush()
    cur.push(p)
    len += p.text.length
  }
  flush()
  return out
}

/** Index of the first chunk holding a focus piece, or -1. */
export const focusChunk = (chunks: readonly Piece[][]): number =>
  chunks.findIndex((c) => c.some((p) => p.focus))

/** Consecutive in-focus pieces of one chunk grouped, so the sentence is one element. */
export const groups = (ps: readonly Piece[]): Array<{ focus: boolean; pieces: Piece[] }> => {
  const out: Array<{ focus: boolean; pieces: Piece[] }> = []
  for (const p of ps) {
    const last = out[out.length - 1]
    if (last && last.focus === p.focus) last.pieces.push(p)
    else out.push({ focus: p.focus, pieces: [p] })
  }
  return out
}

/** Characters of sentence shown on each side of an entity in the table. */
export const SENTENCE_RADIUS = 240
/** Longest entity text shown in the table. */
const MARK_MAX = 400

/** The part of an entity's sentence the table shows: at most `radius` characters each side, with ellipses. */
export const sentenceWindow = (
  body: string,
  e: Pick<Entity, 'start' | 'end' | 'sentence_start' | 'sentence_end'>,
  radius = SENTENCE_RADIUS
): { before: string; mark: string; after: string } => {
  const s0 = Math.max(0, Math.min(e.sentence_start, e.start))
  const s1 = Math.min(body.length, Math.max(e.sentence_end, e.end))
  const from = Math.max(s0, e.start - radius)
  const to = Math.min(s1, e.end + radius)
  const mark = body.slice(e.start, e.end)
  return {
    before: (from > s0 ? '…' : '') + body.slice(from, e.start),
    mark: mark.length > MARK_MAX ? `${mark.slice(0, MARK_MAX)}…` : mark,
    after: body.slice(e.end, to) + (to < s1 ? '…' : ''),
  }
}

export const parseFocus = (raw: string | null): Span | null => {
  const m = /^(\d+)-(\d+)$/.exec(raw ?? '')
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null
}
