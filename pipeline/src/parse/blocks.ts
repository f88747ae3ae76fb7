/**
 * Walks an article body (domhandler nodes) once and splits it into paragraphs, images with their
 * captions, and outgoing links. Captions never enter the paragraphs; boilerplate widgets are
 * skipped by structure (boilerplate.ts). Plain recursion over the DOM is several times faster than
 * cheerio's .text() per element.
 */
import type { AnyNode, Element } from 'domhandler'
import type { ImageRecord } from '../domain/article.ts'
import { isFileName, isHidden, isStructuralBoilerplate, SKIP_TAGS } from './boilerplate.ts'
import { cleanInline } from './text.ts'

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'br',
  'caption',
  'summary',
])

const CAPTION_CLASS =
  /(?:^|\s)(?:wp-caption-text|caption|image-caption|img-caption|imagecaption|photo-caption|fig-caption|PhotoCMS_Caption|desc_image|image_desc|note-image)(?:\s|$)/i
const PICTURE_TABLE = /(?:^|\s)(?:picture|image|tplCaption|imgtable|img-table|photo)(?:\s|$)/i

/** Share of a body root's text from which a block is kept whatever its class says. */
const PROTECTED_SHARE = 0.5

export interface BodyParts {
  readonly paragraphs: string[]
  readonly images: ImageRecord[]
  readonly links: string[]
}

/** The image URL, reading lazy-loading attributes first (design/portals.md §1.6). */
export const imageSource = (el: Element, baseUrl: string): string | null => {
  const a = el.attribs
  const firstOfSet = (s: string | undefined) => s?.trim().split(/\s+/)[0]
  const raw =
    a['data-src'] ??
    a['data-original'] ??
    a['data-lazy-src'] ??
    firstOfSet(a['data-srcset']) ??
    (a.src && !a.src.startsWith('data:') ? a.src : undefined) ??
    firstOfSet(a.srcset)
  if (!raw || raw.startsWith('data:')) return null
  try {
    return new URL(raw.trim(), baseUrl).toString()
  } catch {
    return null
  }
}

const absoluteHref = (href: string | undefined, baseUrl: string): string | null => {
  if (!href) return null
  const h = href.trim()
  if (h === '' || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null
  try {
    const u = new URL(h, baseUrl)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null
  } catch {
    return null
  }
}

/** All text below a node, inline, ignoring skipped tags. */
export const textOf = (node: AnyNode): string => {
  let out = ''
  const visit = (n: AnyNode): void => {
    if (n.type === 'text') out += (n as unknown as { data: string }).data
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const el = n as Element
      if (SKIP_TAGS.has(el.name)) return
      if (el.name === 'br') out += ' '
      for (const c of el.children) visit(c)
      if (BLOCK_TAGS.has(el.name) || el.name === 'td' || el.name === 'th') out += ' '
    }
  }
  visit(node)
  return cleanInline(out)
}

const captionOrNull = (s: string): string | null => {
  const c = cleanInline(s)
  return c.length === 0 || isFileName(c) ? null : c
}

const classAndId = (el: Element): string => `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`

/** True when the element's visible content is only images (and whitespace). */
const onlyImages = (el: Element): boolean => {
  let sawImage = false
  const visit = (n: AnyNode): boolean => {
    if (n.type === 'text') return cleanInline((n as unknown as { data: string }).data) === ''
    if (n.type !== 'tag') return true
    const e = n as Element
    if (e.name === 'img') {
      sawImage = true
      return true
    }
    return e.children.every(visit)
  }
  return el.children.every(visit) && sawImage
}

const italicOnly = (el: Element): boolean => {
  const kids = el.children.filter(
    (c) => !(c.type === 'text' && cleanInline((c as unknown as { data: string }).data) === '')
  )
  return kids.length > 0 && kids.every((c) => c.type === 'tag' && ['em', 'i'].includes((c as Element).name))
}

const CREDIT = /(?:^|[\s(])(?:Ảnh|Ảnh minh họa|Nguồn ảnh)\s*:?\s*[^.]{0,60}\)?\.?$/u

export const extractBody = (roots: ReadonlyArray<Element>, baseUrl: string): BodyParts => {
  const paragraphs: string[] = []
  const images: ImageRecord[] = []
  const links: string[] = []
  const seenLinks = new Set<string>()
  const seenImages = new Map<string, number>()
  let buf = ''
  // Index of an image still waiting for a caption written as the next short paragraph.
  let pendingImage: number | null = null

  const addImage = (src: string | null, caption: string | null): number | null => {
    if (!src) return null
    const at = seenImages.get(src)
    if (at !== undefined) {
      const prev = images[at]!
      if (!prev.caption && caption) images[at] = { src, caption }
      return at
    }
    images.push({ src, caption })
    seenImages.set(src, images.length - 1)
    return images.length - 1
  }

  const flush = (): void => {
    const p = cleanInline(buf)
    buf = ''
    if (p.length === 0) return
    paragraphs.push(p)
    pendingImage = null
  }

  const captionFor = (idx: number | null, caption: string): void => {
    if (idx === null) return
    const img = images[idx]!
    if (!img.caption) images[idx] = { src: img.src, caption }
  }

  const visit = (node: AnyNode, isRoot: boolean): void => {
    if (node.type === 'text') {
      buf += (node as unknown as { data: string }).data
      return
    }
    if (node.type !== 'tag') return
    const el = node as Element
    const name = el.name
    if (SKIP_TAGS.has(name)) return
    if (!isRoot && isHidden(el.attribs)) return
    // A widget's class on a block holding most of the root's text is a layout name ("sidebar-1"
    // around the main column): the block is kept.
    if (
      !isRoot &&
      isStructuralBoilerplate(classAndId(el)) &&
      textOf(el).length < PROTECTED_SHARE * rootChars()
    )
      return
    if (name === 'img') {
      const idx = addImage(imageSource(el, baseUrl), null)
      if (idx !== null) pendingImage = idx
      return
    }
    if (name === 'figcaption' || CAPTION_CLASS.test(el.attribs.class ?? '')) {
      flush()
      const cap = captionOrNull(textOf(el))
      const lastImage = images.length > 0 ? images.length - 1 : null
      if (cap) captionFor(pendingImage ?? lastImage, cap)
      pendingImage = null
      return
    }
    if (name === 'table' && PICTURE_TABLE.test(el.attribs.class ?? '')) {
      // Newspaper CMS photo tables: an image row, then a caption row.
      flush()
      const before = images.length
      const imgs: Element[] = []
      const collect = (n: AnyNode): void => {
        if (n.type !== 'tag') return
        const e = n as Element
        if (e.name === 'img') imgs.push(e)
        else e.children.forEach(collect)
      }
      collect(el)
      for (const img of imgs) addImage(imageSource(img, baseUrl), null)
      const cap = captionOrNull(textOf(el))
      if (cap && images.length > before) captionFor(before, cap)
      else if (cap && imgs.length > 0)
        captionFor(seenImages.get(imageSource(imgs[0]!, baseUrl) ?? '') ?? null, cap)
      pendingImage = null
      return
    }
    if (
      (name === 'em' || name === 'i' || name === 'small') &&
      pendingImage !== null &&
      cleanInline(buf) === ''
    ) {
      // "<p><img><br><em>caption</em></p>": italic text right after an image in the same block.
      const cap = captionOrNull(textOf(el))
      if (cap) {
        captionFor(pendingImage, cap)
        pendingImage = null
        return
      }
    }
    if (name === 'a') {
      const href = absoluteHref(el.attribs.href, baseUrl)
      if (href && !seenLinks.has(href)) {
        seenLinks.add(href)
        links.push(href)
      }
    }
    const block = BLOCK_TAGS.has(name)
    if (block) {
      flush()
      // A short paragraph right under an image, italic or carrying a photo credit, is its caption.
      if (pendingImage !== null && (name === 'p' || name === 'div')) {
        const t = textOf(el)
        if (
          t.length > 0 &&
          t.length <= 300 &&
          (italicOnly(el) || CREDIT.test(t) || /center/i.test(el.attribs.style ?? el.attribs.align ?? ''))
        ) {
          captionFor(pendingImage, t)
          pendingImage = null
          return
        }
      }
      if ((name === 'p' || name === 'div') && onlyImages(el)) {
        for (const c of el.children) visit(c, false)
        return
      }
    }
    if (name === 'br') {
      flush()
      return
    }
    for (const c of el.children) visit(c, false)
    if (block) flush()
    // Table cells stay on their row's line, separated by a space.
    else if (name === 'td' || name === 'th') buf += ' '
  }

  let rootText = -1
  let currentRoot: Element | null = null
  // Measured only when a widget class is met, once per root.
  const rootChars = (): number => {
    if (rootText < 0) rootText = currentRoot ? textOf(currentRoot).length : 0
    return rootText
  }
  for (const r of roots) {
    currentRoot = r
    rootText = -1
    visit(r, true)
    flush()
  }
  return { paragraphs, images, links }
}
