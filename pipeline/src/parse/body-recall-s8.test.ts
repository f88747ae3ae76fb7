/**
 * General body-recall rules of session 8 (issue #12), found on the general development set
 * (data/dev-pages-general) and each tested here on a page written here, as one table of cases.
 * A `<form>` that wraps the headline or an `<article>` is the page's layout (ASP.NET WebForms put
 * the whole page in one form), not an input form to skip; a comment form beside the article is
 * still skipped. A table's rows and cells are its data whatever their class says (a results row
 * classed "player-17" is no media player), while a widget class on a block inside the body still
 * drops it. A body cut by its CMS into blocks of one kind keeps its short closing block of that
 * kind, not the poll after it. List items that open with a link are teasers: a rail of them with
 * long summaries does not make the page look as if most of its text lay outside the article
 * (which took the whole page as body and refused it as a listing).
 */
import { describe, expect, it } from 'vitest'
import { parseArticle } from './parse-article.ts'

const HEADLINE = 'Thành phố biểu dương 150 điển hình tiên tiến trong phong trào thi đua năm 2026'
const TEXT = [
  'Chiều 3/12, Ủy ban nhân dân thành phố tổ chức lễ biểu dương 150 điển hình tiên tiến tiêu biểu trong các phong trào thi đua năm 2026.',
  'Các điển hình đến từ nhiều lĩnh vực: sản xuất, kinh doanh, giáo dục, y tế, an ninh trật tự và xây dựng nông thôn mới ở các xã.',
  'Nhiều mô hình hay đã được nhân rộng, góp phần hoàn thành thắng lợi các chỉ tiêu kinh tế, xã hội mà Hội đồng nhân dân đề ra.',
  'Dịp này, Chủ tịch thành phố trao Bằng khen cho 40 tập thể và 110 cá nhân có thành tích xuất sắc, tiêu biểu trong năm qua.',
]
const URL_ = 'https://congthongtin.vidu.gov.vn/tin-tuc/bieu-duong-dien-hinh-2026-456.aspx'

const ps = (xs: ReadonlyArray<string>) => xs.map((x) => `<p>${x}</p>`).join('')
const doc = (inner: string) => `<html><head><title>${HEADLINE}</title></head><body>${inner}</body></html>`
const h1 = `<h1>${HEADLINE}</h1>`

const menu = `<ul class="mainmenu">${[1, 2, 3, 4].map((i) => `<li><a href="/m${i}">Mục số ${i}</a></li>`).join('')}</ul>`
const commentForm =
  '<form class="gui-y-kien" method="post"><p>Ý kiến của bạn sẽ được biên tập trước khi đăng, xin vui lòng gõ tiếng Việt có dấu.</p><textarea></textarea></form>'

const rows = [
  ['1', 'Phường Bến Thành', '98'],
  ['2', 'Xã Tân Phú', '95'],
  ['3', 'Phường An Khánh', '91'],
]
const table = `<table class="bang-diem"><tr class="head"><td>Hạng</td><td>Đơn vị</td><td>Điểm</td></tr>${rows
  .map((r, i) => `<tr class="player-${i + 17} row-ads"><td>${r.join('</td><td>')}</td></tr>`)
  .join('')}</table>`
const share = '<div class="share-tools"><span>Chia sẻ bài viết lên mạng xã hội của bạn</span></div>'

// Four long text blocks of one kind, each a rotation of TEXT, photo blocks between them.
const rotation = (i: number) => [0, 1, 2, 3].map((k) => TEXT[(i + k) % TEXT.length]!)
const textBlock = (xs: ReadonlyArray<string>) =>
  `<div class="khoi khoi-chu"><div class="chu">${ps(xs)}</div></div>`
const photo = (i: number) => `<div class="khoi khoi-anh"><img src="/a${i}.jpg"><span>Ảnh ${i}</span></div>`
const closing = 'Ban tổ chức sẽ trao giải cho các điển hình được bình chọn nhiều nhất vào tháng Một năm sau.'
const poll =
  '<div class="khoi khoi-binh-chon"><p>Bạn bình chọn cho đơn vị nào là tiêu biểu nhất năm nay?</p></div>'
const blocks = [0, 1, 2, 3].map((i) => `${i > 0 ? photo(i) : ''}${textBlock(rotation(i))}`).join('')

const summary =
  'Tóm tắt bài khác: hội nghị tổng kết công tác thi đua khen thưởng của ngành giáo dục với nhiều điển hình tiên tiến được biểu dương, khen thưởng trong năm học vừa qua.'
const rail = (n: number) =>
  `<div class="tin-nong"><ul>${Array.from({ length: n }, (_, i) => `<li><a href="/tin-${i}">Tiêu đề bài khác số ${i} của trang</a><span>${summary}</span></li>`).join('')}</ul></div>`

const CASES: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]> = [
  [
    'reads the article inside an ASP.NET form that wraps the whole page',
    doc(`<div id="wrap"><form method="post" action="./bieu-duong.aspx" id="form1">
      <input type="hidden" name="__VIEWSTATE" value="x">${menu}<div class="content">${h1}
      <div class="article-body">${ps(TEXT)}</div></div></form></div>`),
    TEXT,
  ],
  [
    'reads an <article> inside such a form even when the headline sits outside it',
    doc(`${h1}<form id="aspnetForm" method="post"><article>${ps(TEXT)}</article></form>`),
    TEXT,
  ],
  [
    'still skips a comment form beside the article',
    doc(`${h1}<div class="article-body">${ps(TEXT)}</div>${commentForm}`),
    TEXT,
  ],
  [
    'keeps table rows and cells whose class names a widget',
    doc(`${h1}<div class="article-body">${ps(TEXT.slice(0, 2))}${table}${ps(TEXT.slice(2))}</div>`),
    [...TEXT.slice(0, 2), 'Hạng Đơn vị Điểm', ...rows.map((r) => r.join(' ')), ...TEXT.slice(2)],
  ],
  [
    'still drops a share box inside the body',
    doc(`${h1}<div class="article-body">${ps(TEXT.slice(0, 2))}${share}${ps(TEXT.slice(2))}</div>`),
    TEXT,
  ],
  [
    'keeps the closing block of the same kind after the last long one, and not the poll',
    doc(`${h1}<div class="noi-dung">${blocks}${textBlock([closing])}${poll}</div>
      <div class="ben"><ul><li><a href="/x">Tin khác số một của chuyên mục</a></li></ul></div>`),
    [...[0, 1, 2, 3].flatMap(rotation), closing],
  ],
  [
    'reads the article, not the whole page, when rails of teasers hold more text than it',
    doc(
      `<div class="khung">${rail(6)}<div class="trai">${h1}<div class="noi-dung">${ps(TEXT)}</div></div>${rail(8)}</div>`
    ),
    TEXT,
  ],
]

describe('body recall on general page structures', () => {
  it.each(CASES)('%s', (_name, html, expected) => {
    const r = parseArticle(html, URL_)
    expect(r.ok ? r.article.body_text.split('\n\n') : r.reason).toEqual(expected)
  })
})
