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
const TABLE_PARTS = new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'])
const PICTURE_TABLE = /(?:^|\s)(?:picture|image|tplCaption|imgtable|img-table|photo)(?:\s|$)/i

/** The longest text read as an image caption. */
const MAX_CAPTION = 300

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

/** Walks the body roots once, collecting paragraphs, images with their captions, and links. */
class BodyWalker {
  readonly paragraphs: string[] = []
  readonly images: ImageRecord[] = []
  readonly links: string[] = []
  private readonly seenLinks = new Set<string>()
  private readonly seenImages = new Map<string, number>()
  private buf = ''
  // Index of an image still waiting for a caption written as the next short paragraph.
  private pendingImage: number | null = null
  private rootText = -1
  private currentRoot: Element | null = null

  constructor(private readonly baseUrl: string) {}

  walk(roots: ReadonlyArray<Element>): BodyParts {
    for (const r of roots) {
      this.currentRoot = r
      this.rootText = -1
      this.visit(r, true)
      this.flush()
    }
    return { paragraphs: this.paragraphs, images: this.images, links: this.links }
  }

  // Measured only when a widget class is met, once per root.
  private rootChars(): number {
    if (this.rootText < 0) this.rootText = this.currentRoot ? textOf(this.currentRoot).length : 0
    return this.rootText
  }

  private addImage(src: string | null, caption: string | null): number | null {
    if (!src) return null
    const at = this.seenImages.get(src)
    if (at !== undefined) {
      const prev = this.images[at]!
      if (!prev.caption && caption) this.images[at] = { src, caption }
      return at
    }
    this.images.push({ src, caption })
    this.seenImages.set(src, this.images.length - 1)
    return this.images.length - 1
  }

  private flush(): void {
    const p = cleanInline(this.buf)
    this.buf = ''
    if (p.length === 0) return
    this.paragraphs.push(p)
    this.pendingImage = null
  }

  private captionFor(idx: number | null, caption: string): void {
    if (idx === null) return
    const img = this.images[idx]!
    if (!img.caption) this.images[idx] = { src: img.src, caption }
  }

  /**
   * Hidden elements and small widgets are skipped. A widget's class on a block holding most of the
   * root's text is a layout name ("sidebar-1" around the main column): that block is kept.
   */
  private skipped(el: Element, isRoot: boolean): boolean {
    if (SKIP_TAGS.has(el.name)) return true
    if (isRoot) return false
    if (isHidden(el.attribs)) return true
    // A row or cell is data of its table, whatever its class says ("player-580" on a results row).
    if (TABLE_PARTS.has(el.name)) return false
    return isStructuralBoilerplate(classAndId(el)) && textOf(el).length < PROTECTED_SHARE * this.rootChars()
  }

  /** Newspaper CMS photo tables: an image row, then a caption row. */
  private pictureTable(el: Element): void {
    this.flush()
    const before = this.images.length
    const imgs: Element[] = []
    const collect = (n: AnyNode): void => {
      if (n.type !== 'tag') return
      const e = n as Element
      if (e.name === 'img') imgs.push(e)
      else e.children.forEach(collect)
    }
    collect(el)
    for (const img of imgs) this.addImage(imageSource(img, this.baseUrl), null)
    const cap = captionOrNull(textOf(el))
    if (cap && this.images.length > before) this.captionFor(before, cap)
    else if (cap && imgs.length > 0)
      this.captionFor(this.seenImages.get(imageSource(imgs[0]!, this.baseUrl) ?? '') ?? null, cap)
    this.pendingImage = null
  }

  /** Images and their captions; true when the element was consumed. */
  private media(el: Element, name: string): boolean {
    if (name === 'img') {
      const idx = this.addImage(imageSource(el, this.baseUrl), null)
      if (idx !== null) this.pendingImage = idx
      return true
    }
    if (name === 'figcaption' || CAPTION_CLASS.test(el.attribs.class ?? '')) {
      this.flush()
      const cap = captionOrNull(textOf(el))
      const lastImage = this.images.length > 0 ? this.images.length - 1 : null
      if (cap) this.captionFor(this.pendingImage ?? lastImage, cap)
      this.pendingImage = null
      return true
    }
    // A table classed as a picture holds an image and its caption; one with paragraphs of text is
    // a layout table that happens to carry the class, read as text.
    if (name === 'table' && PICTURE_TABLE.test(el.attribs.class ?? '') && textOf(el).length <= MAX_CAPTION) {
      this.pictureTable(el)
      return true
    }
    if (
      (name === 'em' || name === 'i' || name === 'small') &&
      this.pendingImage !== null &&
      cleanInline(this.buf) === ''
    ) {
      // "<p><img><br><em>caption</em></p>": italic text right after an image in the same block.
      const cap = captionOrNull(textOf(el))
      if (cap) {
        this.captionFor(this.pendingImage, cap)
        this.pendingImage = null
        return true
      }
    }
    return false
  }

  private link(el: Element): void {
    const href = absoluteHref(el.attribs.href, this.baseUrl)
    if (href && !this.seenLinks.has(href)) {
      this.seenLinks.add(href)
      this.links.push(href)
    }
  }

  /** A block opens a paragraph; true when it was consumed as a caption or as a row of images. */
  private block(el: Element, name: string): boolean {
    this.flush()
    // A short paragraph right under an image, italic or carrying a photo credit, is its caption.
    if (this.pendingImage !== null && (name === 'p' || name === 'div')) {
      const t = textOf(el)
      if (
        t.length > 0 &&
        t.length <= MAX_CAPTION &&
        (italicOnly(el) || CREDIT.test(t) || /center/i.test(el.attribs.style ?? el.attribs.align ?? ''))
      ) {
        this.captionFor(this.pendingImage, t)
        this.pendingImage = null
        return true
      }
    }
    if ((name === 'p' || name === 'div') && onlyImages(el)) {
      for (const c of el.children) this.visit(c, false)
      return true
    }
    return false
  }

  private visit(node: AnyNode, isRoot: boolean): void {
    if (node.type === 'text') {
      this.buf += (node as unknown as { data: string }).data
      return
    }
    if (node.type !== 'tag') return
    const el = node as Element
    const name = el.name
    if (this.skipped(el, isRoot) || this.media(el, name)) return
    if (name === 'a') this.link(el)
    const block = BLOCK_TAGS.has(name)
    if (block && this.block(el, name)) return
    if (name === 'br') {
      this.flush()
      return
    }
    for (const c of el.children) this.visit(c, false)
    if (block) this.flush()
    // Table cells stay on their row's line, separated by a space.
    else if (name === 'td' || name === 'th') this.buf += ' '
  }
}

export const extractBody = (roots: ReadonlyArray<Element>, baseUrl: string): BodyParts =>
  new BodyWalker(baseUrl).walk(roots)
