/** Sentence forms of the rebuilt articles: numbers, days, figures, time spans and people's words. */
import type { FactTime } from '../facts.ts'
import type { Rng } from '../rng.ts'
import { parseYmd } from '../text.ts'
import { ATTENDANCE, FIGURE_FRAMES, SPEECH_CONTENT, SPEECH_VERBS } from './vocab.ts'

/** Vietnamese number format: thousands with ".", decimals with ",". */
export const formatNumberVi = (n: number): string => {
  const [int, frac] = String(n).split('.')
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return frac ? `${grouped},${frac}` : grouped
}

export const capitalize = (s: string): string => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1))

/** A day date in one of the forms Vietnamese pages use. */
export const formatDay = (iso: string, rng: Rng, publishedYear?: number): string => {
  const d = parseYmd(iso)
  if (!d) return iso
  if (d.d === 0) return rng.pick([`tháng ${d.m}/${d.y}`, `tháng ${d.m} năm ${d.y}`])
  const forms = [
    `${d.d}/${d.m}/${d.y}`,
    `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}`,
    `${d.d} tháng ${d.m} năm ${d.y}`,
    `${d.d}-${d.m}-${d.y}`,
  ]
  if (publishedYear === d.y) forms.push(`${d.d}/${d.m}`)
  return rng.pick(forms)
}

/** "(triệu đồng, hơn)" style qualifiers of the facts' figures become a readable amount. */
export const figureSentence = (what: string, value: number, rng: Rng): string => {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(what)
  let base = what
  let unit = ''
  let qual = ''
  if (m && !/đếm theo|theo đường dẫn/.test(m[2] ?? '')) {
    base = m[1] ?? what
    for (const part of (m[2] ?? '').split(',').map((s) => s.trim())) {
      if (/^(hơn|gần|khoảng|trên|dưới)$/.test(part)) qual = part
      else if (part !== '') unit = part
    }
  } else if (m) base = m[1] ?? what
  const num = formatNumberVi(value)
  const amount = unit === '%' ? `${num}%` : `${qual ? `${qual} ` : ''}${num}${unit ? ` ${unit}` : ''}`
  return rng
    .pick(FIGURE_FRAMES)
    .replace('{What}', capitalize(base))
    .replace('{what}', base)
    .replace('{value}', qual && unit === '%' ? `${qual} ${amount}` : amount)
}

const timeText = (t: FactTime, rng: Rng): string | null => {
  const a = parseYmd(t.start)
  const b = parseYmd(t.end)
  if (!a || !b) return null
  switch (t.expression_kind) {
    case 'period':
      return rng.pick([`giai đoạn ${a.y} - ${b.y}`, `giai đoạn ${a.y}-${b.y}`, `thời kỳ ${a.y} - ${b.y}`])
    case 'year':
      return rng.pick([`năm ${a.y}`, `trong năm ${a.y}`])
    case 'half':
      return a.m === 1 ? `6 tháng đầu năm ${a.y}` : `6 tháng cuối năm ${a.y}`
    case 'month':
      return `tháng ${a.m}/${a.y}`
    case 'range':
      return `từ ngày ${a.d}/${a.m}/${a.y} đến ngày ${b.d}/${b.m}/${b.y}`
    default:
      return `ngày ${formatDay(t.start, rng)}`
  }
}

export const timeSentence = (t: FactTime, rng: Rng): string | null => {
  const txt = timeText(t, rng)
  if (!txt) return null
  switch (t.role) {
    case 'period':
      return rng.pick([
        `Các kết quả trên được ghi nhận trong ${txt}.`,
        `Trong ${txt}, phong trào thi đua có nhiều chuyển biến rõ nét.`,
        `Báo cáo tập trung đánh giá ${txt}.`,
      ])
    case 'deadline':
      return rng.pick([
        `Mục tiêu phải hoàn thành trong ${txt}.`,
        `Phấn đấu đến ${txt.replace(/^trong /, '')} hoàn thành các chỉ tiêu.`,
      ])
    case 'other':
      return rng.pick([`Hoạt động gắn với mốc ${txt}.`, `Mốc thời gian được nhắc lại là ${txt}.`])
    default:
      return rng.pick([`Sự kiện được ghi nhận ${txt}.`, `Thời điểm được nêu là ${txt}.`])
  }
}

/** What the people at the event said: who attended, then the first one's words; null for nobody. */
export const peopleParagraphs = (
  people: ReadonlyArray<{ name: string; role: string }>,
  rng: Rng
): string[] | null => {
  if (people.length === 0) return null
  const [first, ...others] = people
  const paras: string[] = []
  if (others.length > 0)
    paras.push(
      rng.pick(ATTENDANCE).replace('{who}', others.map((p) => `đồng chí ${p.name}, ${p.role}`).join('; '))
    )
  if (first) {
    const intro = rng.chance(0.5)
      ? `${capitalize(first.role)} ${first.name}`
      : `đồng chí ${first.name} - ${first.role}`
    const verb = rng.pick(SPEECH_VERBS)
    const said = rng.pick(SPEECH_CONTENT)
    paras.push(
      rng.chance(0.5)
        ? `Phát biểu tại chương trình, ${intro} ${verb} ${said}.`
        : `“${capitalize(said)}”, ${intro} ${verb.replace('nhấn mạnh', 'nói').replace('khẳng định', 'nói')}.`
    )
  }
  return paras
}
