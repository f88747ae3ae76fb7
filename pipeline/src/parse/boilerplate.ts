/**
 * Boilerplate rules. Structure first: whole elements whose tag, class or id says "not the article"
 * are skipped while walking the body. Vocabulary second, as a safety net on the resulting
 * paragraphs (design/portals.md §1.5): chrome lines are dropped, related-news headings end the body.
 */
import type { Element } from 'domhandler'
import type { Doc } from './doc.ts'
import { foldVietnamese } from './text.ts'

/** Elements never part of article text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'label',
  'svg',
  'canvas',
  'nav',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'head',
  'title',
  'link',
  'meta',
])

// Class/id fragments of widgets that sit inside or next to article bodies on the portals we know:
// share bars, related lists, rating forms (NukeViet #form3B), comments (WordPress #respond),
// breadcrumbs, tag rows, print/back tools, counters, ads.
const SKIP_CLASS_ID =
  /(?:^|[\s_-])(?:share|sharing|sharedaddy|social|socials|addthis|zalo-share-button|fb-like|fb-comments|twitter-share-button|related|relate|rl|other-news|othernews|tin-lien-quan|tinlienquan|box-related|jp-relatedposts|rating|stringrating|form3b|comment|comments|comment-respond|respond|commentform|breadcrumb|breadcrumbs|temp-breadcrumbs|tags|tags-links|tag-list|tags_list|keywords|print|print-link|hidden-print-tools|toolbar|tools|article-tools|ads|advert|advertisement|banner|qc|pagination|pager|counter|visitor|luot-truy-cap|newsletter|widget|sidebar|menu|nav|navbar|fontsize|font-size|no-print|author-createtime-viewcount|view-content-author|wd-outside-support|news-download-file|alert-info|alert-warning|news-detail-player|player|audio|modal|popup)(?:$|[\s_-])/i

// Page builders name their text blocks as widgets (Elementor's "elementor-widget-text-editor" and
// the "elementor-widget-container" inside every widget): a widget that says it holds text is not
// chrome. A share or related widget still names itself so and stays chrome.
const CONTENT_WIDGET = /(?:^|[\s_-])widget-(?:text-editor|theme-post-content|container)(?:$|\s)/i

export const isStructuralBoilerplate = (classAndId: string): boolean =>
  SKIP_CLASS_ID.test(classAndId) &&
  !(CONTENT_WIDGET.test(classAndId) && !SKIP_CLASS_ID.test(classAndId.replace(/\S*widget\S*/gi, ' ')))

/**
 * A `<form>` around the headline or an `<article>` wraps the page (ASP.NET WebForms put the
 * whole page in one form): it is read as a `<div>`, not skipped as an input form. Search,
 * comment and login forms never hold the headline.
 */
export const unwrapPageForms = (doc: Doc): void => {
  for (const tag of ['h1', 'article'])
    for (const el of doc.byTag(tag))
      for (let e = el.parent as Element | null; e && e.type === 'tag'; e = e.parent as Element | null)
        if (e.name === 'form') e.name = 'div'
}

/** Class tokens or attributes that hide an element (NukeViet's hidden #imgpreview duplicate, microdata). */
export const isHidden = (attribs: Record<string, string>): boolean => {
  if ('hidden' in attribs) return true
  if (attribs['aria-hidden'] === 'true') return true
  const style = attribs.style
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true
  const cls = attribs.class
  return (
    cls !== undefined &&
    /(?:^|\s)(?:hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text)(?:\s|$)/.test(cls)
  )
}

// Folded (no diacritics, lower case) headings that start related/"more news" blocks: the article
// is over once one of them appears as a paragraph of its own.
const END_HEADINGS = new Set(
  [
    'Tin cùng chuyên mục',
    'Có thể bạn quan tâm',
    'Tin mới',
    'Tin mới nhất',
    'Tin mới hơn',
    'Tin đã đưa',
    'Các tin khác',
    'Các tin đã đưa',
    'Những tin mới hơn',
    'Những tin cũ hơn',
    'Theo dòng sự kiện',
    'Tin liên quan',
    'Bài viết liên quan',
    'Bài liên quan',
    'Xem thêm',
    'Đọc thêm',
    'Tin khác',
    'Bình luận',
    'Ý kiến bạn đọc',
    'Gửi bình luận',
    'Để lại một bình luận',
    'Xem tiếp',
    'Xem tiếp...',
    'Tin nổi bật',
    'Đọc nhiều',
    'Xem nhiều',
  ].map((h) => foldVietnamese(h).replace(/[.:…]+$/, ''))
)

const headingKey = (paragraph: string): string =>
  foldVietnamese(paragraph)
    .replace(/[\s.:…»>]+$/, '')
    .trim()

export const isEndHeading = (paragraph: string): boolean =>
  paragraph.length <= 40 && END_HEADINGS.has(headingKey(paragraph))

/**
 * Whether the body ends at paragraph `i`: an end heading, or a lone "Trả lời" (the reply link
 * under a comment) unless a long paragraph follows it — then it heads the answer of a question
 * and answer page ("Hỏi: …", "Trả lời:", the answer).
 */
export const endsBodyAt = (paragraphs: ReadonlyArray<string>, i: number): boolean => {
  const p = paragraphs[i] ?? ''
  if (isEndHeading(p)) return true
  return p.length <= 40 && headingKey(p) === REPLY && (paragraphs[i + 1]?.length ?? 0) < LONG_PARAGRAPH
}

const REPLY = headingKey('Trả lời')

// "Read also" headings that newspapers also set inside an article, between its paragraphs.
const INLINE_BOX_HEADINGS = new Set(
  ['Xem thêm', 'Đọc thêm', 'Tin liên quan', 'Bài liên quan', 'Bài viết liên quan'].map(headingKey)
)
/** The box's own lines (its links) are short; the article's paragraphs are long. */
const BOX_LINES = 3
const LONG_PARAGRAPH = 100

/**
 * Where the article goes on after a "read also" box set between its paragraphs, or -1 when the end
 * heading at `i` ends the article. A box is its heading and at most three short lines, followed by
 * two long paragraphs in a row: a list of related teasers alternates short titles and long
 * summaries, and comments follow other headings ("Bình luận"), so both still end the article.
 */
export const afterInlineBox = (paragraphs: ReadonlyArray<string>, i: number): number => {
  if (!INLINE_BOX_HEADINGS.has(headingKey(paragraphs[i] ?? ''))) return -1
  let j = i + 1
  while (j < paragraphs.length && j <= i + BOX_LINES && paragraphs[j]!.length < LONG_PARAGRAPH) j++
  const long = (k: number): boolean => (paragraphs[k]?.length ?? 0) >= LONG_PARAGRAPH
  return long(j) && long(j + 1) ? j : -1
}

/** The paragraphs without the "read also" boxes set between them (afterInlineBox). */
export const withoutInlineBoxes = (paragraphs: ReadonlyArray<string>): string[] => {
  const out: string[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    const next = i > 0 && isEndHeading(paragraphs[i]!) ? afterInlineBox(paragraphs, i) : -1
    if (next < 0) out.push(paragraphs[i]!)
    else i = next - 1
  }
  return out
}

// Chrome lines, folded. Exact lines first, then prefixes/patterns.
const CHROME_LINES = new Set(
  [
    'A- A A+',
    'A- A A+ | Tăng tương phản Giảm tương phản',
    'Tăng tương phản',
    'Giảm tương phản',
    'SỐ LƯỢT TRUY CẬP',
    'Bản in',
    'In bài viết',
    'In bài',
    'Quay lại',
    'Về đầu trang',
    'Xem theo ngày',
    'Xem theo ngày Xem theo ngày',
    'Tin đã đưa ngày',
    'Chia sẻ',
    'Chia sẻ bài viết',
    'Phản hồi',
    'Gửi',
    'Lưu',
    'Email',
    'Facebook',
    'Twitter',
    'Zalo',
    'fb yt zl tw',
    'fb',
    'yt',
    'zl',
    'tw',
    'mask',
    'Click để đánh giá bài viết',
    'Tags:',
    'Từ khóa:',
    'Từ khóa',
    'Trước',
    'Sau',
    'Xem',
    'Đã xem',
    'Top',
  ].map((l) => foldVietnamese(l))
)

const CHROME_PATTERNS: ReadonlyArray<RegExp> = [
  /^tong so diem cua bai viet la/,
  /^xep hang:/,
  /^so luot (nguoi xem|truy cap|xem)/,
  /^luot xem:?\s*\d/,
  /^da xem:?\s*\d/,
  /^phan hoi:?\s*\d/,
  /^email cua ban se khong duoc hien thi cong khai/,
  /^cac truong bat buoc duoc danh dau/,
  /^(ban in|in bai viet)\s*(quay lai)?$/,
  /^\d$/, // visitor counters print one digit per element
  /^[\d\s]+$/,
  /^(tags?|tu khoa)\s*:/,
  /^chu y: bai viet nay chua duoc xuat ban/,
  /^(fb|yt|zl|tw)(\s+(fb|yt|zl|tw))+$/,
]

// A copyright line is short ("Bản quyền thuộc về Báo …"); a paragraph that opens with "Bản quyền"
// and goes on is article text (an article on copyright law).
const COPYRIGHT = /^ban quyen|^copyright|^©/
const COPYRIGHT_LINE_MAX = 150

// A bare image file name printed as text ("z6186955002147-abc.jpg").
const FILE_NAME = /^[\w%().,+-]+\.(?:jpe?g|png|gif|webp|bmp|tiff?)$/i

export const isFileName = (s: string): boolean => FILE_NAME.test(s.trim())

export const isChromeLine = (paragraph: string): boolean => {
  const f = foldVietnamese(paragraph).trim()
  if (CHROME_LINES.has(f)) return true
  if (isFileName(paragraph)) return true
  if (COPYRIGHT.test(f)) return paragraph.length <= COPYRIGHT_LINE_MAX
  return CHROME_PATTERNS.some((re) => re.test(f))
}
