/**
 * DuckDB explains a failed statement in English ("Binder Error: Referenced column "x" not found…").
 * For Vietnamese readers the common shapes are translated; anything else keeps DuckDB's words after a
 * Vietnamese name of the error class, so no information is lost.
 */
// The same union as app/i18n.tsx's Lang, declared here so this module has no JSX dependency (tests import it).
type Lang = 'vi' | 'en'

const CLASSES: Record<string, string> = {
  'Parser Error': 'Lỗi cú pháp',
  'Binder Error': 'Lỗi tham chiếu',
  'Catalog Error': 'Lỗi danh mục',
  'Conversion Error': 'Lỗi chuyển kiểu',
  'Invalid Input Error': 'Dữ liệu vào không hợp lệ',
  'Out of Range Error': 'Giá trị ngoài phạm vi',
  'Permission Error': 'Không được phép',
  'Not implemented Error': 'Chưa hỗ trợ',
  'Interrupt Error': 'Truy vấn bị dừng',
  'Out of Memory Error': 'Hết bộ nhớ',
}

/** [English pattern, Vietnamese rendering] — $1, $2 are the captured names. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/syntax error at or near "([^"]*)"/, 'sai cú pháp gần "$1"'],
  [/syntax error at end of input/, 'câu lệnh kết thúc giữa chừng'],
  [/Referenced column "([^"]*)" not found in FROM clause!?/, 'không có cột "$1" trong mệnh đề FROM'],
  [/Table with name ([^ ]+) does not exist!?/, 'không có bảng hoặc view tên $1'],
  [/Scalar Function with name ([^ ]+) does not exist!?/, 'không có hàm tên $1'],
  [/Table Function with name ([^ ]+) does not exist!?/, 'không có hàm bảng tên $1'],
  [/Did you mean "([^"]*)"\??/, 'Có phải ý bạn là "$1"?'],
  [/Candidate bindings:/, 'Các cột gần đúng:'],
  [/Ambiguous reference to column name "([^"]*)"/, 'tên cột "$1" mơ hồ (có ở nhiều bảng)'],
  [
    /column "([^"]*)" must appear in the GROUP BY clause or must be part of an aggregate function\.?/,
    'cột "$1" phải nằm trong GROUP BY hoặc trong một hàm gộp',
  ],
  [/Could not convert string '([^']*)' to ([A-Z0-9]+)/, "không chuyển được chuỗi '$1' sang kiểu $2"],
  [
    /No function matches the given name and argument types '([^']*)'\.?/,
    "không có hàm nào khớp tên và kiểu tham số '$1'",
  ],
]

export const duckDetailFor = (detail: string | null, lang: Lang): string | null => {
  if (!detail) return null
  if (lang === 'en') return detail
  let out = detail
  for (const [en, vi] of Object.entries(CLASSES))
    if (out.startsWith(`${en}:`)) out = `${vi}:${out.slice(en.length + 1)}`
  for (const [re, vi] of PHRASES) out = out.replace(re, vi)
  return out.replace(/\bLINE (\d+):/g, 'DÒNG $1:')
}
