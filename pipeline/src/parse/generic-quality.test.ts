/**
 * The generic path on the layouts issue #12 found it failing on: a main column whose wrapper's
 * class says "sidebar", bodies of <br>-separated lines in <div>s or laid out in tables, a body split
 * by an ad block, the headline printed twice, a byline opening the body, and a portlet heading or a
 * breadcrumb before the article's own headline.
 */
import { describe, expect, it } from 'vitest'
import { extractBody } from './blocks.ts'
import { parseHtml } from './doc.ts'
import { stripSiteSuffix } from './head-meta.ts'
import { parseArticle } from './parse-article.ts'
import { tokenF1 } from './text.ts'

const TITLE = 'Tỉnh tổ chức Đại hội thi đua yêu nước lần thứ VI'
const LINES = [
  'Sáng 20/10, Ủy ban nhân dân tỉnh long trọng tổ chức Đại hội thi đua yêu nước lần thứ VI, giai đoạn 2020 - 2025.',
  'Dự đại hội có 350 đại biểu chính thức đại diện cho các tập thể, cá nhân điển hình tiên tiến trên các lĩnh vực.',
  'Trong 5 năm qua, các phong trào thi đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.',
  'Đại hội đã biểu dương 120 tập thể và 230 cá nhân có thành tích xuất sắc, trao Cờ thi đua cho 15 đơn vị dẫn đầu.',
  'Phát biểu bế mạc, Chủ tịch Ủy ban nhân dân tỉnh đề nghị các cấp tiếp tục đổi mới nội dung, hình thức thi đua.',
]
const BODY = LINES.join('\n\n')

const MENU = `<div class="menu"><ul>${['Trang chủ', 'Giới thiệu', 'Tin tức', 'Văn bản', 'Liên hệ'].map((m, i) => `<li><a href="/m/${i}">${m}</a></li>`).join('')}</ul></div>`
const SIDE = `<div class="box-news"><h3 class="portlet-title">Tin mới nhất</h3><ul>${[1, 2, 3, 4, 5, 6]
  .map(
    (i) =>
      `<li><a href="/tin-tuc/tin-khac-${i}.html">Huyện ${i} sơ kết công tác thi đua khen thưởng 6 tháng đầu năm</a></li>`
  )
  .join('')}</ul></div>`
const FOOT =
  '<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: số 1 đường Trung tâm.</div>'

const page = (main: string, head = `<title>${TITLE} - Cổng thông tin điện tử tỉnh</title>`) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${MENU}<div class="wrap">${main}<div class="right">${SIDE}</div></div>${FOOT}</body></html>`

const URL_ = 'https://vidu.gov.vn/tin-tuc/dai-hoi-thi-dua-yeu-nuoc-lan-thu-vi.html'

const parsed = (html: string) => {
  const r = parseArticle(html, URL_)
  if (!r.ok) throw new Error(r.reason)
  return r.article
}

const paragraphs = LINES.map((l) => `<p>${l}</p>`).join('')

describe('the generic path on awkward layouts', () => {
  it('keeps a main column wrapped in <div class="sidebar-1">', () => {
    const a = parsed(
      page(`<div class="sidebar-1"><h1>${TITLE}</h1><div class="detail">${paragraphs}</div></div>`)
    )
    expect(tokenF1(a.body_text, BODY)).toBeGreaterThanOrEqual(0.95)
  })

  it('reads a body of <br>-separated lines in a <div> with no <p>', () => {
    const lines = LINES.map((l) => `<span style="font-size:13pt">${l}</span>`).join('<br><br>')
    const a = parsed(page(`<h1>${TITLE}</h1><div class="noidung">${lines}</div>`))
    expect(a.body_text.split('\n\n')).toEqual(LINES)
  })

  it('reads a body laid out in a table', () => {
    const rows = LINES.map((l) => `<tr><td><font face="Arial">${l}</font></td></tr>`).join('')
    const a = parsed(page(`<table><tr><td class="tieude"><b>${TITLE}</b></td></tr>${rows}</table>`))
    expect(tokenF1(a.body_text, BODY)).toBeGreaterThanOrEqual(0.95)
    expect(a.title).toBe(TITLE)
  })

  it('keeps the paragraphs after an ad block that splits the body', () => {
    const first = LINES.slice(0, 2)
      .map((l) => `<p>${l}</p>`)
      .join('')
    const rest = LINES.slice(2)
      .map((l) => `<p>${l}</p>`)
      .join('')
    const html = page(
      `<h1>${TITLE}</h1><div class="article"><div class="part">${first}</div><div class="ads-inline"><a href="https://qc.vn/1"><img src="/qc.jpg"></a></div><div class="part2">${rest}</div></div>`
    )
    expect(tokenF1(parsed(html).body_text, BODY)).toBeGreaterThanOrEqual(0.95)
  })

  it('drops the headline printed again and a byline opening the body', () => {
    const html = page(
      `<h1>${TITLE}</h1><div class="content"><p><strong>${TITLE}</strong></p><p>Tác giả: Minh Anh</p>${paragraphs}</div>`
    )
    const a = parsed(html)
    expect(a.body_text.split('\n\n')).toEqual(LINES)
    expect(a.authors).toEqual(['Minh Anh'])
  })

  it("takes the article's own headline, not a portlet heading or the breadcrumb", () => {
    const html = page(
      `<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức - Sự kiện</a></div><h2 class="portlet-title">Tin tức - Sự kiện</h2><div class="news"><h3 class="title-news">${TITLE}</h3><div class="body">${paragraphs}</div></div>`,
      `<title>Tin tức - Sự kiện</title><meta property="og:title" content="${TITLE}">`
    )
    expect(parsed(html).title).toBe(TITLE)
  })

  it("takes the page's own title when the only h1 heads a sidebar portlet (Liferay static page)", () => {
    // The h1 is the right column's box over a menu; the article has no heading of its own.
    const box = `<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">giới thiệu</span></h1></header><ul><li><a href="/co-cau">Cơ cấu tổ chức</a></li><li><a href="/lanh-dao">Lãnh đạo Sở</a></li></ul></section>`
    const html = (head: string) =>
      `<!doctype html><html lang="vi"><head>${head}</head><body>${MENU}<div class="journal-content-article">${paragraphs}</div><div class="span3">${box}</div>${FOOT}</body></html>`
    for (const platform of ['generic', 'liferay'] as const) {
      const r = parseArticle(html('<title>Phòng Thanh tra - Sở Thông tin và Truyền thông</title>'), URL_, {
        platform,
      })
      expect(r.ok && r.article.title).toBe('Phòng Thanh tra')
      const short = parseArticle(html('<title>Giới thiệu - Sở Thông tin và Truyền thông</title>'), URL_, {
        platform,
      })
      expect(short.ok && short.article.title).toBe('Giới thiệu')
    }
  })
})

describe('boilerplate removal inside a body root', () => {
  it('keeps a block with a widget class that holds most of the text, drops a small one', () => {
    const doc = parseHtml(
      `<body><div id="root"><div class="sidebar-left">${paragraphs}</div><div class="related"><p>Tin liên quan: hội nghị khác</p></div></div></body>`
    )
    const parts = extractBody([doc.first('#root')!], URL_)
    expect(parts.paragraphs).toEqual(LINES)
  })
})

describe("judging a platform adapter's result", () => {
  it('takes the density result when the adapter kept a fraction of the article', () => {
    const html = `<!doctype html><html><head><title>${TITLE}</title></head><body class="single single-post">
      <article class="post type-post"><h1 class="entry-title">${TITLE}</h1>
      <div class="entry-content"><p>${LINES[0]}</p></div>
      <div class="entry-more">${LINES.slice(1)
        .map((l) => `<p>${l}</p>`)
        .join('')}</div></article></body></html>`
    const r = parseArticle(html, 'https://phuongvidu.vn/2024/10/20/dai-hoi/', { platform: 'wordpress' })
    if (!r.ok) throw new Error(r.reason)
    expect(r.article.platform).toBe('wordpress+generic')
    expect(tokenF1(r.article.body_text, BODY)).toBeGreaterThanOrEqual(0.95)
    expect(r.article.title).toBe(TITLE)
  })
})

describe('stripSiteSuffix', () => {
  it.each([
    [
      'Phát động phong trào thi đua yêu nước năm 2024 - Cổng thông tin điện tử tỉnh',
      'Phát động phong trào thi đua yêu nước năm 2024',
    ],
    ['Giới thiệu - Sở Thông tin và Truyền thông', 'Giới thiệu'],
    [
      'Phòng Báo chí - Xuất bản - Truyền thông - Sở Thông Tin Và Truyền Thông',
      'Phòng Báo chí - Xuất bản - Truyền thông',
    ],
    // A short name before a word that is no organisation keeps its dash.
    ['Covid-19 - Tin mới', 'Covid-19 - Tin mới'],
  ])('%s', (title, want) => {
    expect(stripSiteSuffix(title)).toBe(want)
  })
})
