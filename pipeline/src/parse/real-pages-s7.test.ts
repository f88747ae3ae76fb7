/**
 * General rules added in session 7 for body text the generic path lost (issue #12: recall), each
 * on a page written here. A body whose parts sit in sibling blocks keeps a short part set between
 * two longer ones (one paragraph beside an image column scores too little alone), and the
 * paragraphs right before or after the joined blocks (the last paragraph after a list) — while
 * link lists, widgets and teasers beside the body stay out. A page builder's text widgets are not
 * chrome, a lone "Trả lời:" heading an answer does not end a question-and-answer page, and a
 * "picture" table holding paragraphs is read as text, not as one caption. The sapo kept in the
 * article's <header> or in a plain <h2> under the headline opens the body. A paragraph that opens
 * with "Bản quyền" is a copyright line only when it is short.
 */
import { describe, expect, it } from 'vitest'
import { endsBodyAt, isChromeLine, isStructuralBoilerplate } from './boilerplate.ts'
import { parseArticle } from './parse-article.ts'

const HEADLINE = 'Tỉnh tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025'
const TEXT = [
  'Sáng 12/11, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết phong trào thi đua yêu nước giai đoạn 2020 - 2025 với hơn 400 đại biểu.',
  'Trong 5 năm qua, các phong trào thi đua được triển khai sâu rộng ở tất cả các cấp, các ngành, thu hút đông đảo cán bộ, đảng viên tham gia.',
  'Phong trào "Cả nước chung tay vì người nghèo" đã huy động hơn 320 tỷ đồng để xây nhà đại đoàn kết cho hộ nghèo',
  'Tỉnh đã có 85 xã đạt chuẩn nông thôn mới, trong đó 22 xã đạt chuẩn nâng cao, 6 xã đạt chuẩn kiểu mẫu, 3 huyện hoàn thành nhiệm vụ.',
  'Phát biểu tại hội nghị, Chủ tịch tỉnh đề nghị các sở, ngành tiếp tục đổi mới công tác thi đua, khen thưởng, bảo đảm kịp thời, công khai.',
  'Dịp này, Thủ tướng tặng Bằng khen cho 12 tập thể và 20 cá nhân có thành tích xuất sắc trong phong trào',
]
const URL_ = 'https://baotinhvidu.vn/thoi-su/tong-ket-thi-dua-2020-2025-123.html'
const TEASER =
  'Huyện miền núi tổ chức đại hội thi đua yêu nước lần thứ năm với hơn 200 đại biểu, biểu dương 60 điển hình tiên tiến.'

const page = (inner: string) =>
  `<html lang="vi"><head><title>${HEADLINE}</title></head><body>
  <nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
  <div class="khung"><div class="cot-chinh"><h1>${HEADLINE}</h1>${inner}</div>
  <div class="cot-phu"><ul>${[1, 2, 3, 4, 5].map((i) => `<li><a href="/tin-${i}">Tin đọc nhiều số ${i} về kinh tế, xã hội của tỉnh trong tháng qua</a></li>`).join('')}</ul></div></div>
  <footer>Cơ quan chủ quản: Tỉnh ủy</footer></body></html>`

const ps = (xs: ReadonlyArray<string>) => xs.map((x) => `<p>${x}</p>`).join('')

const body = (html: string): string[] => {
  const r = parseArticle(html, URL_)
  if (!r.ok) throw new Error(r.reason)
  return r.article.body_text.split('\n\n')
}

describe('a body in sibling blocks', () => {
  it('keeps a one-paragraph block set between two longer ones by an image column', () => {
    const html = page(
      `<div class="noi-dung"><div class="a">${ps(TEXT.slice(0, 2))}</div><div class="anh"><img src="/h.jpg"></div>` +
        `<div class="b">${ps(TEXT.slice(2, 3))}</div><div class="c">${ps(TEXT.slice(3))}</div></div>`
    )
    expect(body(html)).toEqual(TEXT)
  })

  it('keeps the paragraph that follows a numbered list holding most of the body', () => {
    const list = `<ol>${TEXT.slice(1, 5)
      .map((x) => `<li><p>${x}</p></li>`)
      .join('')}</ol>`
    expect(
      body(page(`<div class="noi-dung">${ps(TEXT.slice(0, 1))}${list}${ps(TEXT.slice(5))}</div>`))
    ).toEqual(TEXT)
  })

  it('reaches a paragraph past a block without text (an ad slot)', () => {
    const html = page(
      `<div class="noi-dung"><div class="doan">${ps(TEXT.slice(0, 5))}</div><div class="qc-slot"><img src="/qc.gif"></div>${ps(TEXT.slice(5))}</div>`
    )
    expect(body(html)).toEqual(TEXT)
  })

  it('does not join a teaser summary that follows a block of links', () => {
    const teasers = `<div class="tin-khac"><a href="/tin-a">Đại hội thi đua huyện miền núi</a></div><p>${TEASER}</p>`
    expect(body(page(`<div class="noi-dung"><div class="doan">${ps(TEXT)}</div>${teasers}</div>`))).toEqual(
      TEXT
    )
  })

  it('does not join a short line beside the body (a byline or a label)', () => {
    const html = page(`<div class="noi-dung"><div class="doan">${ps(TEXT)}</div><p>Văn Nam</p></div>`)
    expect(body(html)).not.toContain('Văn Nam')
  })
})

describe('a body built with a page builder', () => {
  const widget = (kind: string, inner: string) =>
    `<div class="elementor-element elementor-widget elementor-widget-${kind}"><div class="elementor-widget-container">${inner}</div></div>`

  it('reads the text widgets, one paragraph each or several', () => {
    const oneEach = TEXT.map((x) => widget('text-editor', `<p>${x}</p>`)).join('')
    const split =
      widget('text-editor', ps(TEXT.slice(0, 3))) +
      widget('image', '<img src="/a.jpg">') +
      widget('text-editor', ps(TEXT.slice(3)))
    expect([oneEach, split].map((w) => body(page(`<div class="elementor-section">${w}</div>`)))).toEqual([
      TEXT,
      TEXT,
    ])
  })

  it.each([
    ['elementor-widget elementor-widget-text-editor', false],
    ['elementor-widget-container', false],
    ['elementor-widget elementor-widget-share-buttons', true],
    ['widget widget_text', true],
    ['related-posts elementor-widget-container', true],
  ])('class "%s" is chrome: %s', (cls, chrome) => {
    expect(isStructuralBoilerplate(cls)).toBe(chrome)
  })
})

describe('a question and answer page', () => {
  const QUESTION =
    'Hỏi: Người lao động làm việc theo hợp đồng có được xét tặng danh hiệu Chiến sĩ thi đua cơ sở không?'

  it('keeps the answer after a lone "Trả lời:" line', () => {
    const html = page(
      `<div class="noi-dung"><p>${QUESTION}</p><p><strong>Trả lời:</strong></p>${ps(TEXT)}</div>`
    )
    expect(body(html)).toEqual([QUESTION, 'Trả lời:', ...TEXT])
  })

  it.each([
    [['Bài viết rất hay.', 'Trả lời', 'Nguyễn Văn A'], 1, true],
    [[QUESTION, 'Trả lời:', TEXT[0]!], 1, false],
    [[TEXT[0]!, 'Tin liên quan', TEXT[1]!], 1, true],
  ])('endsBodyAt(%j, %i) is %s', (paragraphs, i, ends) => {
    expect(endsBodyAt(paragraphs, i)).toBe(ends)
  })
})

describe('a table classed as a picture', () => {
  it('is read as text when it holds paragraphs, and as a caption when it holds one', () => {
    const table = (text: string) =>
      `<table class="image"><tr><td><img src="/a.jpg"></td></tr><tr><td>${text}</td></tr></table>`
    const long = page(
      `<div class="noi-dung">${ps(TEXT.slice(0, 2))}${table(ps(TEXT.slice(2, 5)))}${ps(TEXT.slice(5))}</div>`
    )
    const caption = page(
      `<div class="noi-dung">${ps(TEXT.slice(0, 3))}${table('Quang cảnh hội nghị.')}${ps(TEXT.slice(3))}</div>`
    )
    const r = parseArticle(caption, URL_)
    expect([body(long), body(caption), r.ok && r.article.images[0]?.caption]).toEqual([
      TEXT,
      TEXT,
      'Quang cảnh hội nghị.',
    ])
  })
})

describe('a sapo between the headline and the body', () => {
  const article = (head: string) =>
    `<html lang="vi"><head><title>${HEADLINE}</title></head><body><nav><a href="/">Trang chủ</a></nav>
    <div class="chi-tiet">${head}<div class="than-bai"><div class="doan">${ps(TEXT.slice(1))}</div></div></div>
    <footer>Cơ quan chủ quản: Tỉnh ủy</footer></body></html>`

  it.each([
    [
      'in the article <header>',
      `<header><h1>${HEADLINE}</h1><span>12/11/2025</span><p>${TEXT[0]}</p></header>`,
    ],
    ['in a plain <h2>', `<h1>${HEADLINE}</h1><h2>${TEXT[0]}</h2>`],
    ['in a <div> of the header block', `<div class="dau"><h1>${HEADLINE}</h1><div>${TEXT[0]}</div></div>`],
  ])('opens the body: %s', (_, head) => {
    expect(body(article(head))).toEqual(TEXT)
  })

  it('is not a link line, a caption or a short date line', () => {
    const head = `<h1>${HEADLINE}</h1><p><a href="/tin-a">${TEASER}</a></p><figure><img src="/a.jpg"><figcaption>${TEASER}</figcaption></figure><p>Thứ tư, 12/11/2025</p>`
    expect(body(article(head))).toEqual(TEXT.slice(1))
  })
})

describe('a paragraph opening with "Bản quyền"', () => {
  const LAW =
    'Bản quyền tác giả đối với tác phẩm báo chí phát sinh kể từ khi tác phẩm được sáng tạo và thể hiện dưới một hình thức vật chất nhất định, không phân biệt nội dung, chất lượng, hình thức.'

  it('is article text when it goes on, and chrome when it is the copyright line', () => {
    expect([LAW, 'Bản quyền thuộc về Báo Tỉnh', '© 2025 Báo Tỉnh'].map(isChromeLine)).toEqual([
      false,
      true,
      true,
    ])
    expect(body(page(`<div class="noi-dung">${ps([LAW, ...TEXT.slice(1)])}</div>`))[0]).toBe(LAW)
  })
})
