/**
 * General rules added in session 6 for text the generic path lost (issue #12), each on a page
 * written here: a "read also" box set between an article's paragraphs no longer ends the article,
 * a body written as one short `<div>` per sentence is found, and a page that omits its `<body>`
 * tag (or was kept as the article's container only) is read whole instead of refused, and the
 * date line printed under the headline is not the body's first paragraph.
 */
import { describe, expect, it } from 'vitest'
import { afterInlineBox } from './boilerplate.ts'
import { isBareDateLine } from './dates.ts'
import { parseArticle } from './parse-article.ts'
import { parseHtml } from './doc.ts'
import { heldBy } from './positions.ts'

const HEADLINE = 'Tỉnh biểu dương 120 điển hình tiên tiến trong phong trào thi đua năm 2025'
const LONG = [
  'Sáng 20/10, Ủy ban nhân dân tỉnh tổ chức hội nghị biểu dương 120 điển hình tiên tiến, những tấm gương tiêu biểu trong phong trào thi đua yêu nước.',
  'Năm qua, các huyện, thị xã đã có hàng trăm công trình, phần việc thiết thực, nhiều mô hình hay được nhân rộng trong sản xuất và đời sống.',
  'Hội nghị đã trao bằng khen cho 45 tập thể, 75 cá nhân và tặng cờ thi đua cho 5 đơn vị dẫn đầu các khối thi đua của tỉnh.',
  'Lãnh đạo tỉnh đề nghị các cấp, các ngành tiếp tục đổi mới nội dung, hình thức thi đua, tránh hình thức, gắn với nhiệm vụ chính trị.',
]
const URL_ = 'https://baotinhvidu.vn/thoi-su/bieu-duong-120-dien-hinh-tien-tien-20251020.htm'

const page = (inner: string) =>
  `<html lang="vi"><head><title>${HEADLINE}</title></head><body>
  <nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
  <main><h1>${HEADLINE}</h1><div class="noi-dung">${inner}</div></main>
  <footer>Bản quyền thuộc Báo Tỉnh</footer></body></html>`

const body = (html: string): string[] => {
  const r = parseArticle(html, URL_)
  if (!r.ok) throw new Error(r.reason)
  return r.article.body_text.split('\n\n')
}

const ps = (xs: ReadonlyArray<string>) => xs.map((x) => `<p>${x}</p>`).join('')

describe('a "read also" box between the paragraphs', () => {
  const box = (heading: string) =>
    `<p><strong>${heading}</strong></p><p><a href="/tin-1">Huyện khen thưởng 30 tập thể</a></p>`

  it.each(['Xem thêm:', 'Đọc thêm', 'Tin liên quan'])(
    'headed "%s" is skipped and the article goes on',
    (heading) => {
      expect(body(page(ps(LONG.slice(0, 2)) + box(heading) + ps(LONG.slice(2))))).toEqual(LONG)
    }
  )

  it('still ends the article when related teasers (short title, long summary) follow it', () => {
    const teasers = LONG.map((t, i) => `<p><a href="/tin-${i}">Bài liên quan số ${i}</a></p><p>${t}</p>`)
    expect(body(page(ps(LONG.slice(0, 2)) + '<p>Tin liên quan</p>' + teasers.join('')))).toEqual(
      LONG.slice(0, 2)
    )
  })

  it('still ends the article at comments, however long they are', () => {
    expect(body(page(ps(LONG.slice(0, 2)) + '<p>Bình luận</p>' + ps(LONG.slice(2))))).toEqual(
      LONG.slice(0, 2)
    )
  })

  it.each([
    [['Xem thêm', 'Bài một', LONG[0]!, LONG[1]!], 2],
    [['Xem thêm', 'Bài một', 'Bài hai', 'Bài ba', 'Bài bốn', LONG[0]!, LONG[1]!], -1],
    [['Xem thêm', LONG[0]!], -1],
    [['Có thể bạn quan tâm', LONG[0]!, LONG[1]!], -1],
  ])('afterInlineBox(%j, 0) is %i', (paragraphs, next) => {
    expect(afterInlineBox(paragraphs, 0)).toBe(next)
  })
})

describe('a body split across two wrappers by an ad block', () => {
  const split = (wrap: (inner: string) => string) =>
    `<html lang="vi"><head><title>${HEADLINE}</title></head><body><main><h1>${HEADLINE}</h1>
    ${wrap(ps(LONG.slice(0, 3)))}<div class="qc-inread"><img src="/qc.gif"></div>${wrap(ps(LONG.slice(3)))}</main></body></html>`

  it.each([
    ['one level deep', (inner: string) => `<div class="noi-dung"><div class="doan">${inner}</div></div>`],
    [
      'three levels deep',
      (inner: string) => `<div class="row"><div class="col"><div class="doan">${inner}</div></div></div>`,
    ],
  ])('is kept whole: %s', (_, wrap) => {
    expect(body(split(wrap))).toEqual(LONG)
  })
})

describe('a lead paragraph set apart from the body', () => {
  const lead = (wrapLead: string) =>
    `<html lang="vi"><head><title>${HEADLINE}</title></head><body><main><div class="tieu-de"><h1>${HEADLINE}</h1>
    ${wrapLead}</div><div class="hang"><div class="cot-trai"><div class="noi-dung">${ps(LONG.slice(1))}</div></div>
    <div class="cot-phai"><a href="/tin-khac">Tin khác</a></div></div></main></body></html>`

  it('in its own block beside the headline is the first paragraph of the body', () => {
    expect(body(lead(`<div class="sapo"><p>${LONG[0]}</p></div>`))).toEqual(LONG)
  })

  it('is not taken from before the headline', () => {
    const html = lead('').replace('<div class="tieu-de">', `<div class="tieu-de"><p>${LONG[0]}</p>`)
    expect(body(html)).toEqual(LONG.slice(1))
  })
})

describe('a body written as one short <div> per sentence', () => {
  const lines = [
    'Sáng 20/10, tỉnh tổ chức hội nghị biểu dương.',
    'Dự hội nghị có lãnh đạo tỉnh và các sở, ngành.',
    'Toàn tỉnh có 120 điển hình tiên tiến được biểu dương.',
    'Nhiều mô hình hay được nhân rộng ở cơ sở.',
    'Hội nghị kết thúc vào chiều cùng ngày.',
  ]
  const divs = (xs: ReadonlyArray<string>) => xs.map((x) => `<div>${x}</div>`).join('')

  it('is found, line by line', () => {
    expect(body(page(divs(lines)))).toEqual(lines)
  })

  it('does not make a column of short link or label lines an article', () => {
    const menu = `<div class="cot">${['Giới thiệu', 'Tin tức', 'Văn bản', 'Liên hệ'].map((x) => `<div><a href="/${x.length}">${x}</a></div>`).join('')}</div>`
    const r = parseArticle(
      `<html><head><title>Trang chủ</title></head><body>${menu}<div>Địa chỉ: số 1 đường Trung tâm</div></body></html>`,
      'https://baotinhvidu.vn/'
    )
    expect(r.ok).toBe(false)
  })
})

describe('a page without a <body> tag', () => {
  const article = `<h1>${HEADLINE}</h1><time datetime="2025-10-20 11:02">Thứ hai, 20/10/2025 - 11:02</time>${ps(LONG)}`

  it.each([
    [
      'HTML that omits the optional <body> tag',
      `<!doctype html><html lang="vi"><title>${HEADLINE}</title>${article}</html>`,
    ],
    [
      'a saved copy of the article container only',
      `<div class="chi-tiet">${article}</div><div class="khac"><a href="/x">Tin khác</a></div>`,
    ],
  ])('is read whole: %s', (_, html) => {
    const r = parseArticle(html, URL_)
    if (!r.ok) throw new Error(r.reason)
    expect([
      r.article.title,
      r.article.published_at?.slice(0, 10),
      r.article.body_text.split('\n\n'),
    ]).toEqual([HEADLINE, '2025-10-20', LONG])
  })
})

// A line → whether it is only a date (dropped near the top of the body), or says more (kept).
const DATE_ONLY: Record<string, boolean> = {
  'Thứ hai, 20/10/2025 - 11:02': true,
  'Chủ nhật, 19/10/2025, 07:30 (GMT+7)': true,
  'Cập nhật: 20-10-2025 | 09:42': true,
  'Ngày đăng 20/10/2025 | 12:00 AM': true,
  'Hà Nội, ngày 20 tháng 10 năm 2025': false,
  'Sáng 20/10, tỉnh tổ chức hội nghị biểu dương.': false,
  'Thứ hai tuần này': false,
}

describe('the date line printed under the headline', () => {
  it('is told apart from lines that say more than a date', () => {
    expect(Object.fromEntries(Object.keys(DATE_ONLY).map((l) => [l, isBareDateLine(l)]))).toEqual(DATE_ONLY)
  })

  it('is not the first paragraph of the body, whether a <time> or a text line holds it', () => {
    const time = '<time datetime="2025-10-20T11:02">Thứ hai, 20/10/2025 - 11:02</time>'
    const line = '<span class="ngay">Thứ hai, 20/10/2025 - 11:02</span>'
    expect([time, line].map((d) => body(page(d + ps(LONG)))[0])).toEqual([LONG[0], LONG[0]])
  })
})

describe('heldBy (paragraph weights below an element, by document position)', () => {
  it('sums exactly the paragraphs inside each element', () => {
    const doc = parseHtml(
      '<div id="a"><p>1</p><div id="b"><p>2</p><p>3</p></div></div><div id="c"><p>4</p></div><p>5</p>'
    )
    const paragraphs = doc.byTag('p').map((el, i) => ({ el, score: 10 ** i, chars: 1 }))
    const sum = heldBy(paragraphs, (p) => p.score)
    expect(['a', 'b', 'c'].map((id) => sum(doc.first(`#${id}`)!))).toEqual([111, 110, 1000])
  })
})
