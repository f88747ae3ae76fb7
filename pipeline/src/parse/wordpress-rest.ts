/**
 * WordPress REST API post JSON (`/wp-json/wp/v2/posts/<id>?_embed`, design/portals.md §5.1) → the
 * same ArticleRecord as the HTML path. Prefers `date_gmt` (naive UTC) over `date`, whose zone is
 * the site's setting; decodes entities in `title.rendered`; reads `_embedded` author and terms.
 */
import { type ArticleRecord, contentHash } from '../domain/article.ts'
import type { SourceConfig } from '../domain/source.ts'
import { looksLikeByline, splitAuthors } from './authors.ts'
import { extractBody } from './blocks.ts'
import { isChromeLine, isEndHeading } from './boilerplate.ts'
import { canonicalUrl } from './crawl-utils.ts'
import { parseMachineDate } from './dates.ts'
import { parseHtml, textContent } from './doc.ts'
import type { ParseResult } from './parse-article.ts'
import { cleanInline, decodeEntities, joinParagraphs } from './text.ts'

type Json = Record<string, unknown>

const obj = (v: unknown): Json | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null
const rendered = (v: unknown): string | null => {
  const r = obj(v)?.rendered
  return typeof r === 'string' ? r : null
}
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

const gmtToIso = (gmt: string | null): string | null => (gmt ? parseMachineDate(`${gmt}Z`) : null)

const termNames = (embedded: Json | null, taxonomy: string): string[] => {
  const groups = embedded?.['wp:term']
  if (!Array.isArray(groups)) return []
  const out: string[] = []
  for (const g of groups)
    if (Array.isArray(g))
      for (const t of g) {
        const o = obj(t)
        const name = str(o?.name)
        if (o?.taxonomy === taxonomy && name) out.push(cleanInline(decodeEntities(name)))
      }
  return out
}

export const parseWordPressPost = (json: unknown, opts: { source?: SourceConfig } = {}): ParseResult => {
  const post = obj(json)
  if (!post) return { ok: false, reason: 'WordPress REST: not a JSON object' }
  const link = str(post.link)
  if (!link) return { ok: false, reason: 'WordPress REST: post has no "link"' }
  const titleHtml = rendered(post.title)
  const contentHtml = rendered(post.content)
  if (!titleHtml) return { ok: false, reason: 'WordPress REST: post has no title.rendered' }
  if (!contentHtml)
    return { ok: false, reason: 'WordPress REST: post has no content.rendered (protected or empty)' }
  const title = cleanInline(textContent(parseHtml(decodeEntities(titleHtml)).document))
  const root = parseHtml(`<div id="wp-rest-content">${contentHtml}</div>`).first('#wp-rest-content')
  const parts = extractBody(root ? [root] : [], link)
  const captions = new Set(parts.images.map((i) => i.caption))
  const paragraphs: string[] = []
  for (const p of parts.paragraphs) {
    if (paragraphs.length > 0 && isEndHeading(p)) break
    if (!isChromeLine(p) && !captions.has(p)) paragraphs.push(p)
  }
  const embedded = obj(post._embedded)
  const embeddedAuthors = Array.isArray(embedded?.author)
    ? (embedded.author as unknown[]).map((a) => str(obj(a)?.name)).filter((a): a is string => !!a)
    : []
  let authors = embeddedAuthors
  const last = paragraphs[paragraphs.length - 1]
  if (paragraphs.length > 1 && last && looksLikeByline(last)) {
    // The reporters' line closes kontumtv-style posts; it names the authors better than the WP user.
    authors = splitAuthors(last)
    paragraphs.pop()
  }
  const body_text = joinParagraphs(paragraphs)
  if (body_text.length === 0) return { ok: false, reason: 'WordPress REST: content has no text' }
  const excerpt = rendered(post.excerpt)
  const dateline = /^(\([^()\n]{2,40}\)\s*[-–—])/u.exec(paragraphs[0] ?? '')?.[1] ?? null
  const published_at = gmtToIso(str(post.date_gmt)) ?? parseMachineDate(str(post.date))
  const article: ArticleRecord = {
    url: canonicalUrl(link),
    source_id: opts.source?.id ?? null,
    platform: 'wordpress',
    title,
    lead: excerpt ? cleanInline(textContent(parseHtml(excerpt).document)) || null : null,
    dateline,
    authors,
    published_at,
    // The REST API's own date field: machine-readable markup of the post.
    date_source: published_at ? 'markup' : null,
    updated_at: gmtToIso(str(post.modified_gmt)) ?? parseMachineDate(str(post.modified)),
    category: termNames(embedded, 'category')[0] ?? null,
    tags: termNames(embedded, 'post_tag'),
    body_text,
    images: parts.images,
    links: parts.links,
    content_hash: contentHash(body_text),
    origin: 'unknown',
    language: 'vi',
  }
  return { ok: true, article }
}
