/**
 * General rules added while growing the real-page set (data/dev-pages, issue #12, session 5), each on
 * a page written here: a site's name printed before the headline in <title>, WordPress's Vietnamese
 * short months and the hour written in words in a date line, and home pages that declare og:type
 * "article" (as several real newspaper home pages of the set do).
 */
import { describe, expect, it } from 'vitest'
import { parseVietnameseDate } from './dates.ts'
import { stripSiteSuffix } from './head-meta.ts'
import { parseArticle } from './parse-article.ts'

const HEADLINE = 'Huyện biểu dương 45 điển hình tiên tiến trong phong trào thi đua năm 2025'
const TEXT = [
  'Chiều 14/11, Ủy ban nhân dân huyện tổ chức hội nghị biểu dương các điển hình tiên tiến trong phong trào thi đua yêu nước năm 2025.',
  'Hội nghị đã khen thưởng 20 tập thể và 25 cá nhân có thành tích tiêu biểu trong sản xuất, kinh doanh và xây dựng nông thôn mới.',
  'Lãnh đạo huyện đề nghị các xã tiếp tục nhân rộng các mô hình hay, cách làm sáng tạo trong năm tiếp theo.',
]

/** An article page whose only headline is the <title> (no h1), with an optional date line. */
const articlePage = (title: string, dateLine = '', head = '') =>
  `<html lang="vi"><head><title>${title}</title>${head}</head><body>
  <nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a> <a href="/lien-he">Liên hệ</a></nav>
  <main>${dateLine}<div class="noi-dung">${TEXT.map((t) => `<p>${t}</p>`).join('\n')}</div></main>
  <footer>Bản quyền thuộc Ủy ban nhân dân huyện</footer></body></html>`

const URL_ = 'https://huyenvidu.gov.vn/tin-tuc/bieu-duong-dien-hinh-tien-tien-2025.html'

const article = (html: string) => {
  const r = parseArticle(html, URL_)
  if (!r.ok) throw new Error(r.reason)
  return r.article
}

// <title> → the title kept. Not a name: "Báo cáo" is a report, a name holds its own hyphen, and a
// short page name after the site's name is the page, not a headline.
const TITLES: Record<string, string> = {
  [`Báo Huyện | ${HEADLINE}`]: HEADLINE,
  [`Cổng thông tin điện tử huyện Vĩnh Phước - ${HEADLINE}`]: HEADLINE,
  [`Báo Bà Rịa - Vũng Tàu | ${HEADLINE}`]: HEADLINE,
  'Báo cáo kết quả thi đua năm 2025 - Sở Nội vụ': 'Báo cáo kết quả thi đua năm 2025',
  'Đài Phát thanh - Truyền hình tỉnh': 'Đài Phát thanh - Truyền hình tỉnh',
  'Báo Vĩnh Phước - Trang chủ': 'Báo Vĩnh Phước',
}

describe("a site's name before the headline in <title>", () => {
  it('is cut only when what follows is the headline', () => {
    const got = Object.fromEntries(Object.keys(TITLES).map((t) => [t, stripSiteSuffix(t)]))
    expect(got).toEqual(TITLES)
  })

  it('is cut when og:site_name names it, whatever its words', () => {
    expect(stripSiteSuffix(`Tin Huyện Vĩnh Phước - ${HEADLINE}`, 'Tin Huyện Vĩnh Phước')).toBe(HEADLINE)
  })

  it('leaves the headline as the title of a page with no headline element', () => {
    const a = article(articlePage(`Báo Huyện | ${HEADLINE}`))
    expect(a.title).toBe(HEADLINE)
    expect(a.body_text.split('\n\n')).toEqual(TEXT)
  })
})

// Printed date line → the publication date read from it, on its own and next to a headline.
const DATE_LINES: Record<string, string> = {
  '14 Th11, 2025': '2025-11-14T00:00:00+07:00',
  'Th11 14, 2025': '2025-11-14T00:00:00+07:00',
  '14 Th11, 2025 lúc 3:20 CH': '2025-11-14T15:20:00+07:00',
  'Cập nhật lúc 10 giờ 15 phút ngày 14/11/2025': '2025-11-14T10:15:00+07:00',
  'Ngày 14 tháng 11 năm 2025 lúc 8 giờ 30 phút chiều': '2025-11-14T20:30:00+07:00',
}

describe('date lines with WordPress short months (Th1 … Th12) or the hour in words ("giờ")', () => {
  const readAll = (read: (line: string) => string | null) =>
    Object.fromEntries(Object.keys(DATE_LINES).map((line) => [line, read(line)]))

  it('are read as the date they print', () => {
    expect(readAll((line) => parseVietnameseDate(line))).toEqual(DATE_LINES)
  })

  it('date the article they stand under, as a printed date', () => {
    const printed = (line: string) => {
      const a = article(articlePage(HEADLINE, `<h1>${HEADLINE}</h1><span class="posted-on">${line}</span>`))
      return a.date_source === 'printed' ? a.published_at : null
    }
    expect(readAll(printed)).toEqual(DATE_LINES)
  })

  it('does not read a "th" glued to other numbers as a month', () => {
    expect(parseVietnameseDate('Lớp 12 th3 năm học 2025')).toBe(null)
  })
})

describe('a home page that declares og:type "article"', () => {
  const story = (i: number) =>
    `<div class="story"><h3><a href="/xa-hoi/tin-${i}-post${500 + i}.html">Xã ${i} ra quân thực hiện phong trào thi đua mới</a></h3><p>${TEXT[i % 3]}</p></div>`
  const home = `<html lang="vi"><head><title>Báo Huyện - Tin tức mới nhất</title><meta property="og:type" content="article"></head>
    <body>${Array.from({ length: 10 }, (_, i) => story(i)).join('\n')}</body></html>`

  it.each(['https://baohuyen.vn/', 'https://baohuyen.vn/tin-moi.html'])('is refused at %s', (url) => {
    const r = parseArticle(home, url)
    expect(r.ok).toBe(false)
  })
})
