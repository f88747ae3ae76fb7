/**
 * Issuers of documents as running text writes them: Party bodies and boards, the Government, ministries
 * and ministers, people's committees and councils, departments, emulation councils, the Fatherland Front,
 * steering and organising boards. One regex source (`ISSUER_SRC`) used after "của"/"do", before "ban
 * hành", and in a document header's authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" above "Căn cứ").
 */

const CAP = '[\\p{Lu}][\\p{L}\\p{M}]*'
export const CAPWORDS = `${CAP}(?:\\s+${CAP}){0,3}`
// Also with the old tone placement "khoá" (session 6). Kept this simple: it stands in many alternatives of
// ISSUER_SRC, and a bracketed alternative here measured slower in every run (see BRACKETED_TERM).
export const KHOA = '(?:\\s+kh[oó][aá]\\s+[XVIL]+)?'
/** The term in brackets after an issuer written after its document: "… của Ban Chấp hành Đảng bộ tỉnh (khóa XVII)". */
export const BRACKETED_TERM = '(?:\\s*\\(kh[oó][aá]\\s+[XVIL]+\\))?'
const MINISTRIES = [
  'Nội vụ',
  'Công an',
  'Quốc phòng',
  'Tài chính',
  'Y tế',
  'Tư pháp',
  'Ngoại giao',
  'Xây dựng',
  'Công Thương',
  'Giáo dục và Đào tạo',
  'Văn hóa, Thể thao và Du lịch',
  'Giao thông vận tải',
  'Kế hoạch và Đầu tư',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Tài nguyên và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường',
  'Lao động [-–] Thương binh và Xã hội',
  'Dân tộc và Tôn giáo',
  // Short names as legal texts write them: "của Bộ trưởng Bộ GD&ĐT", "Bộ NN&PTNT" (session 5).
  '(?:GD&ĐT|GDĐT|NN&PTNT|NNPTNT|NN&MT|VHTTDL|VH,TT&DL|LĐTBXH|LĐ-TB&XH|KH&ĐT|KHĐT|TN&MT|TNMT|TT&TT|KH&CN|KHCN|GTVT)(?![\\p{L}&])',
].join('|')
const SO = [
  'Nội vụ',
  // "Sở Giáo dục - Đào tạo": some pages write a hyphen for "và" (issue #11, session 4).
  'Giáo dục\\s*[-–]\\s*Đào tạo',
  'Dân tộc và Tôn giáo',
  'Văn hóa và Thể thao',
  'Du lịch',
  'Ngoại vụ',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Tài chính',
  'Tư pháp',
  'Xây dựng',
  'Công Thương',
  'Tài nguyên và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường',
  'Giao thông vận tải',
  'Văn hóa, Thể thao và Du lịch',
  'Lao động [-–] Thương binh và Xã hội',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Kế hoạch và Đầu tư',
].join('|')
// Unit words after a body ("UBND tỉnh", "UBND Thành phố Hà Nội"): either case of the first letter.
const UNIT = '(?:[Tt]ỉnh|tinh|[Tt]hành phố|[Hh]uyện|[Tt]hị xã|[Xx]ã|[Pp]hường|[Qq]uận|[Tt]hị trấn|TP\\.?)'
const PARTY_COMMITTEE = '(?:Tỉnh|Thành|Huyện|Đảng|Khu)\\s+[uủ]?[ỷy]'
// Where the name of a board ends: the topic, a day, a verb, or punctuation.
const NAME_END =
  '(?=\\s+(?:về|ngày|triển khai|thực hiện|ban hành|hướng dẫn|quy định)\\s|\\s*[;),.]|,\\s*ngày|$)'

// Where a steering board's topic ("về phát triển khoa học, công nghệ, …") ends: commas belong to it.
const TOPIC_END = '(?=\\s+(?:về|ngày|triển khai|thực hiện|ban hành|hướng dẫn|quy định)\\s|;|\\.|,\\s*ngày|$)'

export const ISSUER_SRC = [
  `Ban [Bb]í thư(?:\\s+(?:Trung ương|TW)(?:\\s+Đảng)?)?${KHOA}`,
  `Bộ [Cc]hính trị${KHOA}`,
  `Ban [Cc]hấp hành Trung ương(?:\\s+Đảng)?${KHOA}`,
  // "Ban Chấp hành Đảng bộ tỉnh X (khóa XX)", "Ban Thường vụ Đảng ủy Khối …".
  `Ban (?:[Cc]hấp hành|Thường vụ) Đảng bộ\\s+${UNIT}(?:\\s+${CAPWORDS})?${KHOA}`,
  // "Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam".
  'Đoàn Chủ tịch\\s+(?:Ủy ban Trung ương (?:MTTQ|Mặt trận Tổ quốc) Việt Nam|Tổng Liên đoàn Lao động Việt Nam)',
  `(?:Ban Thường vụ|BTV|Ban TV|Thường trực|Ủy ban Kiểm tra|UBKT)\\s+${PARTY_COMMITTEE}(?:\\s+${CAPWORDS})?${KHOA}`,
  // "Đảng đoàn MTTQ tỉnh", "Ban cán sự đảng UBND tỉnh": the Party's groups inside state and mass bodies.
  `(?:Đảng đoàn|Ban [Cc]án sự [Đđ]ảng)\\s+(?:MTTQ|Mặt trận Tổ quốc|UBND|[ỦU][yỷ] ban nhân dân|HĐND|Quốc hội|Chính phủ|Hội [\\p{Lu}][\\p{L}]*(?:\\s+[\\p{Lu}][\\p{L}]*)?|Bộ [\\p{Lu}][\\p{L}]*(?:\\s+[\\p{Lu}][\\p{L}]*)?)(?:\\s*Việt Nam)?(?:\\s+${UNIT})?(?:\\s+${CAPWORDS})?`,
  'Chủ tịch nước',
  // Schools and the cooperative alliance issue plans too: "Trường Mẫu giáo An Hòa", "Liên minh Hợp tác xã
  // Việt Nam", "Liên minh HTX tỉnh Đắk Nông" (issue #11, session 4).
  `Trường (?:Mầm non|Mẫu giáo|Tiểu học|THCS|THPT|Trung học cơ sở|Trung học phổ thông)(?:\\s+${CAPWORDS})?`,
  `Liên minh (?:Hợp tác xã|HTX)(?:\\s+Việt Nam|\\s+${UNIT}(?:\\s+${CAPWORDS})?)?`,
  // Armed forces and police commands: "Bộ Chỉ huy Quân sự tỉnh X", "Công an tỉnh X".
  `(?:Bộ Chỉ huy (?:Quân sự|Bộ đội Biên phòng)|Bộ Tư lệnh|Công an)\\s+${UNIT}(?:\\s+${CAPWORDS})?`,
  'Tổng cục Chính trị(?:\\s+Quân đội nhân dân Việt Nam)?',
  // Issue #11: Party committees' boards, the Central Military Commission, offices, ministers, directors.
  `Ban (?:Tuyên giáo và Dân vận|Tuyên giáo|Dân vận|Tổ chức|Kiểm tra|Nội chính)\\s+(?:Trung ương|${PARTY_COMMITTEE})(?:\\s+${CAPWORDS})?`,
  '(?:Ban\\s+)?Thường vụ Quân [uủ]?[ỷy] Trung ương|Quân [uủ]?[ỷy] Trung ương',
  'Văn phòng (?:Quốc hội|Chính phủ|Trung ương Đảng|Chủ tịch nước)',
  // Boards named after the event they run: "Ban Tổ chức kỷ niệm", "Ban Chỉ đạo Đại hội đại biểu các dân
  // tộc thiểu số Việt Nam" (up to 80 characters, to the topic, a verb or punctuation).
  `Ban (?:[Cc]hỉ đạo|[Tt]ổ chức)\\s+(?:Đại hội|kỷ niệm|Kỷ niệm|Hội nghị|Lễ)[^;:()\\n.,]{0,80}?${NAME_END}`,
  // "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, …": a steering board's name runs to the next
  // "về", a verb, ";" or "." (at most 110 characters).
  `Ban [Cc]hỉ đạo(?:\\s+(?:Trung ương|tỉnh|thành phố)(?:\\s+${CAPWORDS})?)?(?:\\s+về\\s+[^;:()\\n.]{3,110}?${TOPIC_END})?`,
  'Phó Thủ tướng(?:\\s+Thường trực)?(?:\\s+Chính phủ)?',
  `Bộ trưởng\\s+Bộ (?:${MINISTRIES})`,
  '(?:Bộ trưởng,\\s*Chủ nhiệm\\s+)?[ỦU][yỷ] ban Dân tộc',
  `Giám đốc\\s+Sở (?:${SO})(?:\\s+tỉnh\\s+${CAPWORDS})?`,
  // "Ban Tỉnh ủy Gia Lai" (as some pages shorten the standing board).
  `(?:Ban\\s+)?${PARTY_COMMITTEE}(?:\\s+${CAPWORDS})?`,
  'Thủ tướng Chính phủ',
  'Thủ tướng',
  'Chính phủ',
  `Quốc hội${KHOA}`,
  'Ủy ban Thường vụ Quốc hội',
  // The Fatherland Front's committees and standing boards ("Ban Thường trực Ủy ban MTTQ Việt Nam huyện").
  'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
  `(?:Ban Thường trực\\s+)?(?:[ỦU][yỷ] ban|UB)(?:\\s+Trung ương)?\\s*(?:MTTQ|Mặt trận Tổ quốc)(?:\\s*Việt Nam|\\s*VN)?(?:\\s+${UNIT}(?:\\s+${CAPWORDS})?)?`,
  // "UBND TP.HCM" (no space after "TP."). A council's term is not part of its name (as the labels write it).
  `(?:Chủ tịch\\s+)?(?:UBND|HĐND|[ỦU][yỷ] ban nhân dân|Hội đồng nhân dân)(?:\\s+TP\\.\\s*${CAPWORDS}|\\s+${UNIT}(?:\\s+${CAPWORDS})?)?`,
  // "Ban Thi đua - Khen thưởng", also written without the dash, and its congress sub-board ("Tiểu ban").
  `(?:(?:Chủ tịch|Trưởng)\\s+)?(?:Hội đồng|Tiểu [Bb]an|Ban)\\s+(?:TĐKT|[Tt]hi đua\\s*(?:[-–,]\\s*)?[Kk]hen thưởng)(?:\\s+Trung ương|\\s+${UNIT}(?:\\s+${CAPWORDS})?)?`,
  `Bộ (?:${MINISTRIES})`,
  // District offices: "Phòng Giáo dục và Đào tạo (huyện X)".
  `Phòng (?:Giáo dục(?: và|\\s*[-–]) Đào tạo|GD&ĐT|Nội vụ|Văn hóa(?:,| và| -) (?:Thông tin|Thể thao|Khoa học và Thông tin)|Văn hóa|Y tế|Tư pháp|Kinh tế|Tài chính [-–] Kế hoạch|Tài nguyên và Môi trường|Nông nghiệp và Phát triển nông thôn|Lao động [-–] Thương binh và Xã hội)(?:\\s+(?:${UNIT}\\s+)?${CAPWORDS})?`,
  // "Sở Giáo dục và Đào tạo tỉnh Sơn La", "… Khánh Hòa" (a province name without its unit word).
  `Sở (?:${SO})(?:\\s+(?:${UNIT}\\s+)?${CAPWORDS})?`,
  'Tổng Liên đoàn Lao động Việt Nam',
  // Mass organisations and their boards: "Ban Thường vụ Tỉnh đoàn X", "Hội Liên hiệp Phụ nữ tỉnh X",
  // "Liên đoàn Lao động huyện X", "Trung ương Hội Nông dân Việt Nam".
  `(?:Ban (?:Thường vụ|Chấp hành|Thường trực|Bí thư)\\s+)?(?:Trung ương\\s+)?(?:Tỉnh [đĐ]oàn|Thành [đĐ]oàn|Huyện [đĐ]oàn|Trung ương Đoàn|Đoàn Thanh niên(?: Cộng sản Hồ Chí Minh)?|Hội Liên hiệp Phụ nữ|Hội LHPN|Hội Nông dân|Hội Cựu chiến binh|Hội CCB|Liên đoàn Lao động|LĐLĐ|Công đoàn)(?:\\s+Việt Nam)?(?:\\s+${UNIT})?(?:\\s+${CAPWORDS})?`,
  // "Văn phòng UBND tỉnh", "Văn phòng Tỉnh ủy X".
  `(?:Chánh\\s+)?Văn phòng\\s+(?:UBND|HĐND|[ỦU][yỷ] ban nhân dân|${PARTY_COMMITTEE})(?:\\s+${UNIT})?(?:\\s+${CAPWORDS})?`,
  // "Chỉ thị 34 của Trung ương": the Party centre, written short (after every longer central name above).
  'Trung ương(?:\\s+Đảng)?(?![\\p{L}])',
]
  .join('|')
  // Hard-wrapped pages break names over lines ("Ủy ban nhân\ndân tỉnh"): any space may be a break.
  .replace(/ /g, '\\s')

// An authority line names a body (ALL-CAPS lines arrive in sentence case, so any case is accepted).
const AUTHORITY =
  /^(?:(?:chủ tịch|bộ trưởng|thủ tướng|giám đốc|trưởng ban)\s+)?(?:[ủu][ỷy] ban nhân dân|hội đồng nhân dân|ban thường vụ|ban chấp hành|hội đồng|chính phủ|bộ|sở|ban(?! hành))(?![\p{L}])/iu
const BARE_BODY = /^(?:[ủu][ỷy] ban nhân dân|hội đồng nhân dân)$/iu
const STATUTE_START = /\n[ \t]*(?:[-–•][ \t]*)?(?:Căn cứ|CĂN CỨ)(?![\p{L}])/u

/**
 * The authority line of a header: the last line naming a body between the number row at `from` and the
 * first "Căn cứ" (within 1,200 characters), as in "QUYẾT ĐỊNH … / CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X /
 * Căn cứ …". It is who issues the document; null when there is none.
 */
export function authorityLine(text: string, from: number): string | null {
  const window = text.slice(from, from + 1200)
  const stop = STATUTE_START.exec(window)
  if (stop === null) return null
  const lines = window.slice(0, stop.index).split('\n')
  // The number row itself and the national motto are no authority lines.
  for (let i = lines.length - 1; i >= 1; i--) {
    const line = lines[i]!.trim()
    if (line === '' || /^[-_*=.\s]+$/u.test(line)) continue
    if (/^Kính gửi/iu.test(line)) return null
    // Only a line that was ALL CAPS (it reaches here in sentence case, so it starts in lowercase).
    // A bare body is the header block's first cell (its unit follows on the next line), no authority line.
    if (
      !/^\p{Ll}/u.test(line) ||
      BARE_BODY.test(line) ||
      line.length > 90 ||
      /\d|[.;:,]$/u.test(line) ||
      !AUTHORITY.test(line)
    )
      continue
    return line[0]!.toUpperCase() + line.slice(1)
  }
  return null
}
