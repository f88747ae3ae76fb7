/**
 * Turns one fact record into a rebuilt article (headline, lead, paragraphs) with prose written here.
 * Every document, event and campaign of the fact is mentioned, in one of many surface forms, so the
 * page's ground truth (truth.jsonl) is fair to the extractor.
 */
import type { Fact, FactDocument, FactEvent } from '../facts.ts'
import type { Rng } from '../rng.ts'
import { parseYmd, toRoman } from '../text.ts'
import {
  AUTHORS,
  CAMPAIGN_FRAMES,
  CAMPAIGN_SHORT,
  CLOSERS,
  DOC_CONSEQUENCES,
  DOC_FOLLOWUPS,
  DOC_LEADINS,
  DOC_TYPE_VI,
  OPENERS_NEWS,
  OTHER_CAMPAIGN_FRAMES,
  PHOTO_CAPTIONS,
} from './vocab.ts'
import { capitalize, figureSentence, formatDay, peopleParagraphs, timeSentence } from './forms.ts'

export interface ComposedArticle {
  readonly title: string
  readonly lead: string
  readonly paragraphs: ReadonlyArray<string>
  readonly authors: ReadonlyArray<string>
  readonly captions: ReadonlyArray<string>
}

export interface ComposeContext {
  readonly rng: Rng
  /** Campaign id → official name. */
  readonly campaignNames: ReadonlyMap<string, string>
  /** Year of publication, to decide when a date may drop its year ("sáng 18/9"). */
  readonly publishedYear: number
}

const ordinalText = (n: number, rng: Rng): string => {
  if (n === 1) return rng.pick(['lần thứ nhất', 'lần thứ I', 'lần đầu tiên'])
  const r = rng.next()
  if (r < 0.6) return `lần thứ ${toRoman(n)}`
  if (r < 0.85) return `lần thứ ${n}`
  return `lần ${toRoman(n)}`
}

const periodText = (period: string, rng: Rng): string => {
  const [a, b] = period.split('-')
  return rng.pick([
    ` (${a} - ${b})`,
    ` giai đoạn ${a} - ${b}`,
    `, giai đoạn ${a}-${b}`,
    ` nhiệm kỳ ${a}-${b}`,
  ])
}

const CITIES = /^(TP\.?\s*)?(Hà Nội|Hải Phòng|Đà Nẵng|Cần Thơ|Hồ Chí Minh|HCM|Huế)$/u
/** "tỉnh X", or "thành phố X" for the centrally-run cities. */
const provinceUnit = (name: string): string =>
  CITIES.test(name) ? (/^TP/.test(name) ? name : `thành phố ${name}`) : `tỉnh ${name}`

const VENUE = /(Trung tâm|Hội trường|Cung |Nhà |Học viện|Bảo tàng|khách sạn|Quảng trường|Nhà hát)/i

/** The unit an event belongs to ("tỉnh Bắc Giang") and, separately, a venue if the place is one. */
const eventUnit = (e: FactEvent, fact: Fact): { unit: string; venue: string | null } => {
  if (e.scope === 'national') return { unit: 'toàn quốc', venue: e.place }
  const place = e.place
  if (place && VENUE.test(place))
    return { unit: fact.province ? provinceUnit(fact.province) : '', venue: place }
  if (place) {
    if (/^(tỉnh|thành phố|TP|huyện|xã|phường|thị xã|quận|Khối|Cụm|ngành)/i.test(place))
      return { unit: place, venue: null }
    if (e.scope === 'province') return { unit: provinceUnit(place), venue: null }
    return { unit: place, venue: null }
  }
  if (e.scope === 'province' && fact.province) return { unit: provinceUnit(fact.province), venue: null }
  return { unit: '', venue: null }
}

const eventName = (e: FactEvent, fact: Fact, rng: Rng): { name: string; venue: string | null } => {
  const { unit, venue } = eventUnit(e, fact)
  const unitPart = unit ? ` ${unit}` : ''
  const ord = e.ordinal !== null ? ` ${ordinalText(e.ordinal, rng)}` : ''
  const per = e.period ? periodText(e.period, rng) : ''
  switch (e.kind) {
    case 'dai_hoi_thi_dua': {
      const base = rng.pick([
        'Đại hội Thi đua yêu nước',
        'Đại hội thi đua yêu nước',
        'Đại hội Thi đua yêu nước',
      ])
      return { name: `${base}${unitPart}${ord}${per}`, venue }
    }
    case 'hoi_nghi_dien_hinh':
      return { name: `Hội nghị điển hình tiên tiến${unitPart}${ord}${per}`, venue }
    case 'hoi_nghi_bieu_duong': {
      const base = rng.pick([
        'Hội nghị biểu dương điển hình tiên tiến',
        'Lễ tuyên dương các điển hình tiên tiến',
        'Hội nghị tôn vinh điển hình tiên tiến',
        'Hội nghị biểu dương người tốt, việc tốt',
      ])
      return { name: `${base}${unitPart}${ord}${per}`, venue }
    }
    default: {
      const base =
        fact.topic === 'review_meeting'
          ? rng.pick([
              'Hội nghị tổng kết công tác thi đua, khen thưởng',
              'Hội nghị tổng kết phong trào thi đua',
            ])
          : rng.pick(['Buổi lễ', 'Chương trình', 'Hội nghị'])
      return { name: `${base}${unitPart}${ord}${per}`, venue }
    }
  }
}

const plannedTimeText = (pt: string, rng: Rng): string => {
  const [a, b] = pt.split('/')
  if (a && b) {
    const da = parseYmd(a)
    const db = parseYmd(b)
    if (da && db && da.m === 1 && da.d === 1 && db.m === 12 && db.d === 31) return `trong năm ${da.y}`
    if (da && db && da.y === db.y && da.m === db.m)
      return rng.pick([
        `trong hai ngày ${da.d} và ${db.d}/${da.m}/${da.y}`,
        `từ ngày ${da.d} - ${db.d}/${da.m}/${da.y}`,
      ])
    if (da && db) return `từ ngày ${da.d}/${da.m} đến ngày ${db.d}/${db.m}/${db.y}`
  }
  const d = parseYmd(pt)
  if (d && d.d === 0) return rng.pick([`trong tháng ${d.m}/${d.y}`, `vào tháng ${d.m} năm ${d.y}`])
  return `vào ngày ${formatDay(pt, rng)}`
}

const eventSentence = (e: FactEvent, fact: Fact, ctx: ComposeContext): string => {
  const { rng } = ctx
  const { name, venue } = eventName(e, fact, rng)
  const at = venue ? ` tại ${venue}` : ''
  if (e.status === 'planned') {
    const when = e.planned_time
      ? plannedTimeText(e.planned_time, rng)
      : e.date
        ? `vào ngày ${formatDay(e.date, rng)}`
        : ''
    return rng.pick([
      `Theo kế hoạch, ${name} sẽ được tổ chức${at}${when ? ` ${when}` : ''}.`,
      `${name} dự kiến diễn ra${at}${when ? ` ${when}` : ''}.`,
      `Ban tổ chức cho biết ${name} được chuẩn bị để tổ chức${when ? ` ${when}` : ''}${at}.`,
    ])
  }
  if (e.date) {
    const when = formatDay(e.date, rng, ctx.publishedYear)
    const part = rng.pick(['Sáng', 'Chiều', 'Ngày', 'Ngày'])
    return rng.pick([
      `${part} ${when}, ${name} đã diễn ra${at}.`,
      `${name} được tổ chức${at} vào ngày ${when}.`,
      `Ngày ${when},${at}${at ? ',' : ''} ${name} diễn ra trọng thể.`,
    ])
  }
  return rng.pick([
    `${name} đã diễn ra${at}.`,
    `Vừa qua, ${name} được tổ chức${at}.`,
    `${name} đã thành công tốt đẹp.`,
  ])
}

const docCitation = (d: FactDocument, rng: Rng): string => {
  const typeVi = DOC_TYPE_VI[d.type]
  const topic = d.title_topic ?? ''
  if (!typeVi) {
    // type "other": the document is known by its name (e.g. the 1948 appeal)
    const date = d.date ? ` (${formatDay(d.date, rng)})` : ''
    const who = d.issuer ? ` của ${d.issuer}` : ''
    return `${capitalize(topic)}${who}${date}`
  }
  if (d.type === 'law') {
    const name = topic.startsWith('Luật') ? topic : `Luật ${topic}`
    return d.date
      ? rng.pick([
          `${name} ngày ${formatDay(d.date, rng)}`,
          `${name} (thông qua ngày ${formatDay(d.date, rng)})`,
        ])
      : name
  }
  let num = ''
  if (d.symbol) {
    let sym = d.symbol
    if (rng.chance(0.1) && /^\d+-/.test(sym)) sym = sym.replace('-', ' - ')
    num = rng.chance(0.7) ? ` số ${sym}` : ` ${sym}`
  } else if (d.number) num = ` số ${d.number}`
  const date = d.date ? formatDay(d.date, rng) : null
  const issuer = d.issuer ? ` của ${d.issuer}` : ''
  const about = topic ? ` về ${topic}` : ''
  const form = rng.int(0, 3)
  if (form === 0 || !date) return `${typeVi}${num}${date ? `, ngày ${date}` : ''}${issuer}${about}`
  if (form === 1) return `${typeVi}${num} ngày ${date}${issuer}${about}`
  if (form === 2) return `${typeVi}${num}${issuer} ban hành ngày ${date}${about}`
  return `${typeVi}${num}${issuer}${about} (ban hành ngày ${date})`
}

const docSentence = (d: FactDocument, ctx: ComposeContext): string => {
  const { rng } = ctx
  const cite = docCitation(d, rng)
  const r = rng.int(0, 4)
  if (r === 0) return `${rng.pick(DOC_LEADINS)} ${cite}, ${rng.pick(DOC_CONSEQUENCES)}.`
  if (r === 1 && d.date && d.issuer && DOC_TYPE_VI[d.type] && d.type !== 'law') {
    // date first: "Ngày 10/6/2024, UBND tỉnh ban hành Kế hoạch số ..."
    const typeVi = DOC_TYPE_VI[d.type]!
    const num = d.symbol ? ` số ${d.symbol}` : d.number ? ` số ${d.number}` : ''
    return `Ngày ${formatDay(d.date, rng)}, ${d.issuer} ban hành ${typeVi}${num}${d.title_topic ? ` về ${d.title_topic}` : ''}. ${rng.pick(DOC_FOLLOWUPS)}`.trim()
  }
  if (r === 2 && d.issuer && DOC_TYPE_VI[d.type] && d.type !== 'law') {
    // parenthesised citation after the topic, as the Lạng Sơn portal writes it
    const typeVi = DOC_TYPE_VI[d.type]!
    const num = d.symbol ? ` số ${d.symbol}` : d.number ? ` số ${d.number}` : ''
    const date = d.date ? `, ngày ${formatDay(d.date, rng)}` : ''
    return `${d.issuer} đã ban hành ${typeVi.toLowerCase()}${d.title_topic ? ` về ${d.title_topic}` : ''} (${typeVi}${num}${date}).`
  }
  if (r === 3)
    return `${capitalize(cite)} ${rng.pick(['nêu rõ', 'xác định', 'đặt ra yêu cầu'])} ${rng.pick(DOC_CONSEQUENCES)}.`
  return `Trước đó, ${cite} đã được ban hành. ${rng.pick(DOC_FOLLOWUPS)}`.trim()
}

const campaignSurface = (id: string, ctx: ComposeContext): string => {
  const { rng } = ctx
  const official = ctx.campaignNames.get(id) ?? id
  const shorts = CAMPAIGN_SHORT[id] ?? []
  const name = shorts.length > 0 && rng.chance(0.4) ? rng.pick(shorts) : official
  const q = rng.next()
  if (q < 0.45) return `“${name}”`
  if (q < 0.65) return `"${name}"`
  return name
}

const listVi = (items: ReadonlyArray<string>): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('; ')} và ${items[items.length - 1]}`

const LOWERABLE = /^(Bài|Các|Nhiều|Trong|Tại|Những|Sau|Từ|Với|Khi|Toàn|Tổng|Hơn|Gần|Năm|Dịp|Qua)\s/u

const splitSentences = (s: string): string[] =>
  s
    .split(/(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ“"])/u)
    .map((x) => x.trim())
    .filter((x) => x !== '')

export const composeArticle = (fact: Fact, ctx: ComposeContext): ComposedArticle => {
  const { rng } = ctx
  const summary = splitSentences(fact.summary_vi)
  // The lead is the first summary sentence; the rest of the summary opens the body.
  const lead = summary[0] ?? fact.headline_vi
  const restSummary = summary.slice(1)

  const blocks: string[][] = []
  const opening: string[] = []
  // An opener may only precede a sentence whose first word is an ordinary word (never a name).
  const firstRest = restSummary[0]
  if (firstRest && LOWERABLE.test(firstRest) && rng.chance(0.5)) {
    restSummary.shift()
    opening.push(`${rng.pick(OPENERS_NEWS)} ${firstRest.replace(/^./, (c) => c.toLowerCase())}`)
  }
  opening.push(...restSummary)
  if (opening.length > 0) blocks.push([opening.join(' ')])

  const eventParas = fact.events.map((e) => eventSentence(e, fact, ctx))
  if (eventParas.length > 0) blocks.push(rng.chance(0.5) ? [eventParas.join(' ')] : eventParas)

  const docs = fact.documents
  if (docs.length >= 3 && rng.chance(0.5)) {
    blocks.push([
      rng.pick([
        'Các văn bản liên quan gồm:',
        'Những văn bản được dẫn chiếu:',
        'Căn cứ triển khai gồm các văn bản sau:',
      ]),
      ...docs.map((d) => `- ${docCitation(d, rng)};`),
    ])
  } else if (docs.length > 0) blocks.push(docs.map((d) => docSentence(d, ctx)))

  if (fact.campaigns.length > 0) {
    const names = fact.campaigns.map((id) => campaignSurface(id, ctx))
    blocks.push([rng.pick(CAMPAIGN_FRAMES).replace('{list}', listVi(names))])
  }
  if (fact.campaigns_other.length > 0) {
    const names = fact.campaigns_other.map((n) =>
      rng.chance(0.6) ? `phong trào “${n}”` : `phong trào "${n}"`
    )
    blocks.push([rng.pick(OTHER_CAMPAIGN_FRAMES).replace('{list}', listVi(names))])
  }
  if (fact.figures.length > 0) {
    const sentences = fact.figures.map((f) => figureSentence(f.what, f.value, rng))
    blocks.push(
      sentences.length > 3 && rng.chance(0.5)
        ? [sentences.slice(0, 3).join(' '), sentences.slice(3).join(' ')]
        : [sentences.join(' ')]
    )
  }
  const people = peopleParagraphs(fact.people_roles, rng)
  if (people) blocks.push(people)
  const timeLines = fact.times
    .filter((t) => t.role === 'period' || t.role === 'deadline' || t.role === 'other')
    .slice(0, 3)
    .map((t) => timeSentence(t, rng))
    .filter((s): s is string => s !== null)
  if (timeLines.length > 0) blocks.push([timeLines.join(' ')])

  // Keep the opening first; shuffle the middle so the order of facts varies between articles.
  const [head, ...middle] = blocks
  const ordered = head ? [head, ...rng.shuffle(middle)] : rng.shuffle(middle)
  const paragraphs = ordered.flat()
  if (rng.chance(0.7)) paragraphs.push(rng.pick(CLOSERS))
  const nAuthors = rng.chance(0.25) ? 2 : 1
  const authors = rng.shuffle(AUTHORS).slice(0, nAuthors)
  const captions = rng.shuffle(PHOTO_CAPTIONS).slice(0, rng.int(0, 2))
  return { title: fact.headline_vi, lead, paragraphs, authors, captions }
}
