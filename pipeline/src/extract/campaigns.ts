/**
 * Campaign mentions: the national movements of campaigns.json through their wording variants, matched
 * on folded text (no diacritics, any case, line breaks and punctuation between words), and other quoted
 * movement names after "phong trào" / "cuộc vận động" as `candidate:<name>`. Decoys are rejected:
 * "Ngày vì người nghèo" (the Front's day), themes after "chủ đề", slogans, "Vì an ninh Tổ quốc".
 */
import type { CampaignMention } from '../domain/extraction.ts'
import { campaigns } from '../reference/campaigns.ts'
import { cached } from '../reference/files.ts'
import { wordsRequired } from './literal-needs.ts'
import { matchAll } from './spans.ts'

// In the pattern sources below a space stands for any short run of non-letters (spaces, line breaks,
// commas, dashes, quotes), since articles punctuate movement names freely.
const S = '[^a-z0-9]{1,6}'
const compile = (src: string): RegExp =>
  new RegExp(`(?<![a-z0-9])(?:${src.replace(/ /g, S)})(?![a-z0-9])`, 'g')

/** Wording variants per campaign id, in folded form. Names come from campaigns.json; variants are ours. */
// "Cả nước chung sức ...", "Quảng Nam chung sức ...": any two words may lead a name (see twoWordsBack).
const TWO_WORDS = '(?:ca nuoc |[a-z]+ [a-z]+ )?'

const PATTERNS: Record<string, string[]> = {
  nong_thon_moi: [
    `${TWO_WORDS}chung (?:suc|tay) xay dung nong thon moi`,
    // "phong trào (thi đua) xây dựng nông thôn mới", "phong trào nông thôn mới"; never the programme alone.
    'phong trao (?:thi dua )?(?:ve |trong |tham gia )?(?:xay dung )?nong thon moi',
  ],
  vi_nguoi_ngheo: [
    '(?:ca nuoc )?chung tay vi nguoi ngheo(?: khong de ai (?:bi )?bo lai phia sau)?',
    // "Vì người nghèo - không ai bị bỏ lại phía sau" (without "để").
    'vi nguoi ngheo khong (?:de )?ai (?:bi )?bo lai (?:phia )?sau',
  ],
  doanh_nghiep_hoi_nhap: ['doanh nghiep(?: [a-z]+){0,3} hoi nhap va phat trien'],
  van_hoa_cong_so: ['thi dua thuc hien van hoa cong so'],
  ha_tang_tiet_kiem: [
    // Without "Đẩy mạnh" or "đồng bộ" too (issue #11).
    '(?:day manh )?phat trien ket cau ha tang (?:dong bo )?hien dai(?: va)? thuc hanh tiet kiem chong lang phi',
  ],
  // "xóa nhà tạm, nhà dột nát", "xóa nhà ở tạm, dột nát" (issue #11).
  xoa_nha_tam: ['xoa (?:[0-9.,]+ (?:can )?)?nha (?:o )?tam(?: nha)? dot nat'],
  hoc_tap_lam_theo_bac: [
    // Commas or none, "và" or none, "Chủ tịch" before the name (issue #11).
    // "học tập, làm theo …": a comma for "và" (the separator reads the comma).
    'hoc tap (?:va )?lam theo (?:tam guong )?(?:tu tuong(?: va)? )?dao duc(?: va)? phong cach (?:(?:chu tich )?ho chi minh|bac ho|cua bac)',
    'hoc tap (?:va )?lam theo tam guong dao duc ho chi minh',
    'hoc tap va lam theo (?:bac|loi bac)',
    // "Chỉ thị 05-CT/TW", "Chỉ thi 05- CT/TW": a separator may be missing around "/" (no space to read).
    'chi thi (?:so )?05[^a-z0-9]{1,3}ct[^a-z0-9]{0,2}/[^a-z0-9]{0,2}t[wu]',
  ],
  doi_moi_sang_tao_day_hoc: ['doi moi sang tao trong (?:day va hoc|day hoc|quan ly giang day va hoc tap)'],
  toan_dan_bao_ve_an_ninh: ['toan dan bao ve (?:an ninh to quoc|antq)'],
  // A province may be named inside: "Toàn dân tỉnh X đoàn kết xây dựng đời sống văn hóa" (issue #11).
  toan_dan_doan_ket_van_hoa: [
    'toan dan (?:(?:tinh|thanh pho|huyen) [a-z]+(?: [a-z]+)? )?(?:doan ket )?xay dung doi song van hoa',
    'tddkxddsvh',
  ],
  chuyen_doi_so: ['(?:ca nuoc )?thi dua doi moi sang tao(?: va)? chuyen doi so'],
  phong_chong_covid19: ['thi dua phong chong(?: va chien thang)?(?: dai)? dich covid'],
  cao_toc_500_ngay: ['500 ngay dem(?: thi dua| quyet tam| hoan thanh)'],
  binh_dan_hoc_vu_so: ['binh dan hoc vu so'],
  chao_mung_dai_hoi_xiv: [
    // The name also with "lần thứ": "… Nghị quyết Đại hội lần thứ XIII của Đảng" (session 6, dev r812).
    'tang toc but pha hoan thanh thang loi cac muc tieu nhiem vu nghi quyet dai hoi (?:lan thu )?xiii',
    'thi dua (?:yeu nuoc )?chao mung dai hoi (?:dai bieu toan quoc lan thu )?xiv cua dang',
    // "… chào mừng đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    'thi dua (?:yeu nuoc )?chao mung dai hoi dang(?: bo)? cac cap tien toi dai hoi (?:dai bieu toan quoc lan thu )?xiv cua dang',
  ],
  doi_moi_sang_tao_xanh_2026: [
    'doi moi sang tao phat trien khoa hoc cong nghe chuyen doi so chuyen doi xanh',
  ],
  doanh_nghiep_tu_nhan_2026: ['phat trien manh doanh nghiep tu nhan'],
}

/**
 * A folded word a text must contain before a campaign's pattern is worth running (one per wording
 * family, taken from words every matching wording has). Most texts name few campaigns, and a substring
 * test is far cheaper than a scan with the flexible separators. Chosen by hand for being rare, but checked
 * against the patterns when they are compiled (see `compiled`), so a list that drifts cannot drop a mention.
 */
const NEEDS: Record<string, string[]> = {
  nong_thon_moi: ['thon'],
  vi_nguoi_ngheo: ['ngheo'],
  doanh_nghiep_hoi_nhap: ['nhap'],
  van_hoa_cong_so: ['cong'],
  ha_tang_tiet_kiem: ['tiet'],
  xoa_nha_tam: ['xoa'],
  hoc_tap_lam_theo_bac: ['theo', '05'],
  doi_moi_sang_tao_day_hoc: ['sang'],
  toan_dan_bao_ve_an_ninh: ['bao'],
  toan_dan_doan_ket_van_hoa: ['song', 'tddkxddsvh'],
  chuyen_doi_so: ['chuyen'],
  phong_chong_covid19: ['covid'],
  cao_toc_500_ngay: ['500'],
  binh_dan_hoc_vu_so: ['binh'],
  chao_mung_dai_hoi_xiv: ['but', 'xiv'],
  doi_moi_sang_tao_xanh_2026: ['xanh'],
  doanh_nghiep_tu_nhan_2026: ['nhan'],
}

const mayContain = (folded: string, needs: ReadonlyArray<string> | null): boolean => {
  if (needs === null) return true
  for (const w of needs) if (folded.includes(w)) return true
  return false
}

/** The compiled campaign patterns (exported for the equivalence test of the two-word-lead scan). */
export const compiled = cached(() => {
  const ids = new Set(campaigns().map((c) => c.id))
  return Object.entries(PATTERNS)
    .filter(([id]) => ids.has(id))
    .map(([id, srcs]) => {
      const re = compile(srcs.join('|'))
      const led = srcs.some((src) => src.startsWith(TWO_WORDS))
      return {
        id,
        re,
        // Kept only if every wording requires one of its words (read from the sources); else always scanned.
        needs: wordsRequired(srcs, NEEDS[id]) ? NEEDS[id]! : null,
        // With a two-word lead a match may start at any word: scan for the rest instead (see below).
        lead: led
          ? {
              full: new RegExp(re.source, 'y'),
              core: compile(srcs.map((x) => x.replace(TWO_WORDS, '')).join('|')),
            }
          : null,
      }
    })
})

const isAz = (u: number) => u >= 97 && u <= 122
const isAlnum = (u: number) => isAz(u) || (u >= 48 && u <= 57)

/** Start of "word S word S" ending at `c` (S = 1..6 non-alphanumerics), as TWO_WORDS reads it, or -1. */
function twoWordsBack(folded: string, c: number): number {
  let i = c
  for (let word = 0; word < 2; word++) {
    let gap = 0
    while (i > 0 && gap < 7 && !isAlnum(folded.charCodeAt(i - 1))) {
      i--
      gap++
    }
    if (gap < 1 || gap > 6) return -1
    let letters = 0
    while (i > 0 && isAz(folded.charCodeAt(i - 1))) {
      i--
      letters++
    }
    if (letters === 0) return -1
  }
  return i
}

/**
 * The matches of a pattern with a two-word lead, the same as a global scan would give: a match starts
 * either where its rest starts or two words before, so only those positions are tried. A plain scan
 * tries the two-word lead at every position of the text, which made this one pattern the slowest.
 */
export function* ledMatches(
  lead: { full: RegExp; core: RegExp },
  folded: string
): Generator<RegExpExecArray> {
  const starts: number[] = []
  for (const c of matchAll(lead.core, folded)) {
    const p = twoWordsBack(folded, c.index)
    if (p >= 0) starts.push(p)
    starts.push(c.index)
  }
  starts.sort((a, b) => a - b)
  let next = 0
  for (const s of starts) {
    if (s < next) continue
    lead.full.lastIndex = s
    const m = lead.full.exec(folded)
    if (!m) continue
    next = m.index + Math.max(1, m[0].length)
    yield m
  }
}

// Folded forms of the trigger words: without one of them the candidate scan cannot match.
const TRIGGER_FOLDED = ['phong trao', 'cuoc van dong', 'dot thi dua']

// A known name right after these words is a decoy: the Front's day and fund, a theme, a slogan.
const DECOY_BEFORE = /(?:ngay|quy|thang cao diem|chu de|khau hieu|thong diep|phuong cham)[^a-z0-9]{1,4}$/

const THEME_BEFORE_QUOTE = /(?:chu de|khau hieu|thong diep|phuong cham|slogan)[^a-z0-9]{0,4}$/

/** True when the match sits inside quotes that follow "chủ đề", "khẩu hiệu"...: a theme, not a movement. */
function insideThemeQuote(folded: string, at: number): boolean {
  const from = Math.max(0, at - 200)
  let open = -1
  let straight = 0
  let lastStraight = -1
  for (let i = from; i < at; i++) {
    const c = folded.charCodeAt(i)
    if (c === 0x201c || c === 0xab)
      open = i // “ «
    else if (c === 0x201d || c === 0xbb)
      open = -1 // ” »
    else if (c === 0x22) {
      straight++
      lastStraight = i
    } else if (c === 0x0a) {
      open = -1
      straight = 0
    }
  }
  if (straight % 2 === 1) open = Math.max(open, lastStraight)
  return open >= 0 && THEME_BEFORE_QUOTE.test(folded.slice(Math.max(0, open - 20), open))
}

// The Front's day and fund are no movements even when called "cuộc vận động" (issue #11).
const DECOY_NAME = /^(?:(?:Ngày|Quỹ|Tháng cao điểm)\s+vì người nghèo|Lời kêu gọi)/iu
const TRIGGER = /(?<![\p{L}])(?:phong trào|cuộc vận động|đợt thi đua)(?![\p{L}])/giu
const QUOTED = /["“«]([^"“”«»\n]{3,160})["”»]/uy
// Between a trigger and the first quote: a short stretch of words, none of which turns it into a theme.
// ";" ends it, and so does a comma unless a list follows ("…, như: “A”, “B”"): "phong trào thi đua,
// quận X biểu dương 424 gương “…”" names no movement.
const GAP = /[^"“«.!?\n;]{0,90}?(?=["“«])/uy
const LIST_LEAD = /(?:như|là|gồm|:)\s*$/u
const THEME_IN_GAP =
  /chủ đề|khẩu hiệu|phương châm|thông điệp|tinh thần|chương trình|giải thưởng|danh hiệu|cuộc thi|mô hình|kỷ niệm/iu
// A name may start in lowercase ("phong trào thi đua “dạy tốt, học tốt”") only right after the trigger.
const SHORT_GAP = /^\s*(?:thi đua(?:\s+yêu nước)?)?\s*$/iu
const LIST_SEP = /\s*(?:[,;]|và|hoặc)?\s*(?:phong trào\s+)?/uy

/** `prefilter: false` scans every pattern (the test that proves the needed words drop nothing). */
export function extractCampaigns(text: string, folded: string, prefilter = true): CampaignMention[] {
  const out: CampaignMention[] = []
  const taken: Array<[number, number]> = []
  for (const { id, re, needs, lead } of compiled()) {
    if (prefilter && !mayContain(folded, needs)) continue
    for (const m of lead ? ledMatches(lead, folded) : matchAll(re, folded)) {
      const before = folded.slice(Math.max(0, m.index - 20), m.index)
      if (DECOY_BEFORE.test(before) || insideThemeQuote(folded, m.index)) continue
      const end = m.index + m[0].length
      out.push({ id, surface: text.slice(m.index, end), start: m.index, end })
      taken.push([m.index, end])
    }
  }
  const known = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e)
  if (!TRIGGER_FOLDED.some((w) => folded.includes(w)))
    return out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
  for (const t of matchAll(TRIGGER, text)) {
    let pos = t.index + t[0].length
    GAP.lastIndex = pos
    const gap = GAP.exec(text)
    if (!gap || THEME_IN_GAP.test(gap[0]) || (gap[0].includes(',') && !LIST_LEAD.test(gap[0]))) continue
    pos += gap[0].length
    const lowerOk = SHORT_GAP.test(gap[0])
    for (let k = 0; k < 12; k++) {
      QUOTED.lastIndex = pos
      const q = QUOTED.exec(text)
      if (!q) break
      const inner = q[1]!.trim()
      const s = pos + 1
      if (
        !known(s, s + q[1]!.length) &&
        (lowerOk ? /^[\p{L}\d]/u : /^[\p{Lu}\d]/u).test(inner) &&
        !DECOY_NAME.test(inner)
      ) {
        const name = inner.replace(/\s+/g, ' ').replace(/[.,;:…]+$/u, '')
        out.push({ id: `candidate:${name}`, surface: q[0], start: pos, end: pos + q[0].length })
      }
      pos += q[0].length
      LIST_SEP.lastIndex = pos
      const sep = LIST_SEP.exec(text)
      if (!sep || sep[0].length === 0) break
      pos += sep[0].length
    }
  }
  return out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
}
