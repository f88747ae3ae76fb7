/**
 * The phrases that state a relation between documents (issue #16), read by relations.ts: the verbs
 * before a governed document (implements, cites, amends, replaces), the issuing verb, what may stand
 * between the items of a list, and the anaphors that point back to a document named before.
 */
import type { DocumentType } from '../domain/extraction.ts'

export { isCentralLevel } from '../domain/issuer-levels.ts'

/** The words that open a document's name ("Kế hoạch số 5", "Nghị định 98"). */
export const DOC_HEADS =
  'kế hoạch|chỉ thị|quyết định|nghị quyết|nghị định|thông tư|thông báo|công văn|hướng dẫn|chương trình|kết luận|luật|quy chế|quy định'

// What may stand between a verb and the document it governs ("triển khai thực hiện có hiệu quả các …").
// "sửa đổi nội dung tại Điều 1", "sửa đổi điểm a khoản 2 Điều 3 của": the article amended is the document's.
// "triển khai thực hiện các nhiệm vụ tại Chỉ thị 09": the tasks a document sets stand for it.
const FILL = String.raw`(?:\s+(?:thực hiện|triển khai|có hiệu quả|nghiêm túc|tốt|đầy đủ|nội dung|tinh thần|các|việc|tại|nhiệm vụ|giải pháp|của|một số\s+điều(?:\s+của)?|điểm [a-zđ]|khoản \d+|điều \d+\w* (?:của )?))*`
// "Căn cứ các Nghị quyết của Bộ Chính trị: Số 36-NQ/TW …; số 52-NQ/TW …": a verb before a list headed by
// its items' kind and issuer governs the first item; the others follow as items of the list.
const HEADED = String.raw`(?:\s+các\s+(?:${DOC_HEADS})\s[^.;:\n]{0,100}?:\s*(?:số\s*)?)?`
export const IMPL = new RegExp(
  '(?:triển khai|thực hiện|cụ thể h[oó][aá]|quán triệt|hướng dẫn (?:thực hiện|thi hành)|tổ chức thực hiện|quy định chi tiết(?: thi hành)?' +
    // "Thông tư số 71 … hướng dẫn việc trích lập Quỹ thi đua theo Nghị định số 42 …"
    String.raw`|hướng dẫn\s+việc\s[^.;\n]{0,90}?\stheo` +
    // "Thực hiện chỉ đạo của UBND tỉnh tại Công văn số …": carrying out the instruction a letter gives.
    String.raw`|(?:thực hiện|theo)\s+(?:sự\s+|ý kiến\s+)?chỉ đạo\s+(?:của\s+)?[^.;\n]{0,100}?\s(?:tại|theo))${FILL}${HEADED}\s*[,:]?\s*$`,
  'iu'
)
// Also the legal preamble's other grounds: "Xét (Theo) đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …",
// "Qua xem xét Báo cáo số …", "Căn cứ Luật … và Nghị định …", "Căn cứ Luật … hợp nhất tại văn bản số …",
// "Căn cứ nội dung … (Hướng dẫn số …".
export const CITE = new RegExp(
  String.raw`(?:(?:^|[\s(,])(?<!kèm\s)(?:căn cứ(?: vào)?|trên cơ sở|theo(?: quy định (?:tại|của))?)${FILL}${HEADED}` +
    String.raw`|(?:xét|theo) đề nghị[^;\n]{0,90}?\s(?:tại|theo)(?:\s+tờ\s+trình(?:\s+số)?)?|(?:qua )?xem xét` +
    // "Xét đề nghị của Chủ tịch UBND tỉnh X (Tờ trình số …) và Trưởng ban … (Tờ trình số …)" (session 8).
    String.raw`|(?:xét|theo) đề nghị[^;\n]{0,200}?\(\s*(?:tờ\s+trình(?:\s+số)?)?` +
    String.raw`|căn cứ(?: vào)?\s+(?:luật|bộ luật)[^;\n]{0,80}?(?:\svà|,|\s(?:hợp nhất\s+)?tại)` +
    // "Căn cứ Quy định về … ban hành kèm theo Quyết định số …": the grounds are the issuing document.
    String.raw`|căn cứ(?: vào)?\s+(?:quy định|quy chế|điều lệ|đề án|chương trình)\s[^;\n]{0,160}?kèm theo` +
    String.raw`|căn cứ[^;\n()]{0,120}\()\s*$`,
  'iu'
)
// "sửa đổi, bổ sung Điều 5 của Quy chế ban hành kèm theo Quyết định số …" amends that decision.
export const AMEND = new RegExp(
  String.raw`sửa đổi(?:,?\s*bổ sung)?(?:${FILL}|\s+(?:một số\s+)?(?:điều|khoản)[^.;]{0,80}?kèm theo)\s*$`,
  'iu'
)
// "Bổ sung 04 thủ tục vào Bộ thủ tục … công bố kèm theo Quyết định số 81": adding to what a document issued.
export const ADD_TO = /(?:^|\s)bổ sung\s[^.;\n]{0,160}?\svào\s[^.;]{0,200}?kèm theo\s*$/iu
// A bare lowercase "hướng dẫn Nghị định số 69" (a circular guiding a decree); capitalised it is a document's name.
export const GUIDES = /(?<!\p{L})hướng dẫn\s*$/u
export const REPEALED = /bãi bỏ(?:\s+các)?\s*$/iu
export const REPLACE = new RegExp(String.raw`(?:thay thế(?: cho)?|(?<!\p{L})thay cho)${FILL}\s*$`, 'iu')
// "Kế hoạch số 12 được sửa đổi, bổ sung bởi Quyết định số 5", "Hướng dẫn số 13 được Sở Nội vụ triển
// khai qua Công văn số 9": the later document is the subject.
export const PASSIVE =
  /^[^.;]{0,200}?được\s+(?:[^.;,]{0,60}?\s)?(sửa đổi(?:,?\s*bổ sung)?|thay thế|triển khai|cụ thể hóa)\s+(?:bởi|bằng|tại|theo|qua)(?:\s+(?:khoản \d+\s+)?điều \d+\w*(?:\s+của)?)?\s*$/iu
// "UBND tỉnh ban hành Kế hoạch …": the issuing verb right before a document.
export const ISSUED =
  /(?:ban hành|ký|xây dựng|(?<!\p{L})có|phê duyệt)(?:\s+(?:các|văn bản là|kèm theo))?\s*$/iu
// A list may carry each document's date, issuer and topic between its items, but no new actor.
// An item may open on "số" alone or under a heading: "…; các Nghị quyết của HĐND tỉnh: số 340/NQ-HĐND …; số 160/…".
export const LIST_GAP = new RegExp(
  String.raw`^[^.;:]{0,260}?(?:,|;|\svà|\scùng|\s\+)\s*(?:các\s+)?` +
    String.raw`(?:(?:${DOC_HEADS})\s[^.;:\n]{0,80}?:\s*)?(?:số\s*)?$`,
  'iu'
)
// A listed document followed by a verb of its own opens a new clause ("… và Kế hoạch số 55 của UBND tỉnh
// thực hiện Kế hoạch số 25"): it is the actor there, not another target. "về thực hiện …" only names its topic.
export const OWN_VERB = new RegExp(
  String.raw`^[^.;,]{0,120}?(?<!(?:về|việc|nhằm|để|được)\s)(?<!\p{L})(?:thực hiện|triển khai|cụ thể h[oó][aá]|sửa đổi|thay thế)${FILL}\s*$`,
  'iu'
)
// A grounds sentence with a main clause of its own ("Thực hiện Chỉ thị số 05 …, các đơn vị tổ chức …"):
// the grounds are that clause's, not the next sentence's document's.
export const GROUNDS_ONLY_BREAK =
  /,\s*(?:UBND|Ủy ban|Uỷ ban|Tỉnh ủy|Thành ủy|Huyện ủy|Ban|Sở|Phòng|Hội đồng|Bộ|Chủ tịch|các|toàn|mọi|cán bộ|đơn vị|ngành)\s|(?:yêu cầu|đề nghị|giao)\s/iu
// The next sentence opens by issuing a document: "Ngày 02/11/2021, Sở … (đã, vừa) ban hành …".
export const NEXT_ISSUES = /^\s*(?:ngày\s[^.;\n]{0,40}?,\s*)?[^.;\n,]{0,100}?\s(?:đã\s|vừa\s)?ban hành\s*$/iu
export const NEW_ACTOR =
  /,\s*(?:UBND|Ủy ban|Uỷ ban|Tỉnh ủy|Thành ủy|Ban Thường vụ|Sở|Hội đồng|Bộ|Chủ tịch)\b/u
export const UNNUMBERED_ISSUE =
  /ban hành\s+(?:kế hoạch|quyết định|chỉ thị|hướng dẫn|chương trình|quy chế|quy định|thông tư|nghị định)(?!\s+(?:số\s*)?\d)/iu
/** How far into a text its header's "Số: …" may sit (portals put menus first). */
export const SELF_HEADER_REACH = 3000
// The campaign's name may start a few words into the quotes ("“Chung tay xóa nhà tạm …”").
export const LAUNCH =
  /phát động(?:\s+(?:và triển khai|phong trào|đợt|cuộc vận động|thi đua|chuyên đề|cao điểm))*\s*(?:[:“"«]\s*(?:[^\s”"»]+\s+){0,3})?$/iu
export const ORGANIZE =
  /(?:tổ chức|chuẩn bị|tiến tới)(?![\s\S]*(?:ban hành|thực hiện|triển khai|căn cứ))[\s\S]*$/iu
export const ANAPHOR_TYPE: ReadonlyArray<[string, DocumentType]> = [
  ['kế hoạch', 'plan'],
  ['chỉ thị', 'directive'],
  ['quyết định', 'decision'],
  ['thông tư', 'circular'],
  ['nghị định', 'decree'],
  ['nghị quyết', 'resolution'],
  ['hướng dẫn', 'guideline'],
  ['chương trình', 'program'],
  ['công văn', 'official_letter'],
  ['luật', 'law'],
]
// Documents that can carry out, amend or cite another (a report only tells about one).
export const LATER = new Set([
  'plan',
  'directive',
  'decision',
  'program',
  'guideline',
  'official_letter',
  'resolution',
  'notice',
  'other',
  'conclusion',
  'law',
  'decree',
  'circular',
  'telegram',
])
// "Kế hoạch này …", "Thông tư mới …": a sentence that opens on the document the previous one named.
export const ANAPHOR =
  /^[\s\-–•*+]*(?:kế hoạch|chỉ thị|quyết định|thông tư|nghị định|nghị quyết|hướng dẫn|chương trình(?: hành động)?|công văn|luật)(?:\s+(?:này|mới|nói trên|trên))?\s/iu
/** A new list item after a ";": a dash or bullet, or a grounds verb ("…; - Căn cứ …", "…; Xét đề nghị …"). */
export const NEW_ITEM = /;\s*(?:[-–•+*]|căn cứ|xét|theo đề nghị)/iu
/** A new subject after a clause boundary ("…, các sở …", "…; Sở Nội vụ …", "…, huyện …"). */
export const NEW_SUBJECT =
  /[,;]\s*(?:UBND|Ủy ban|Uỷ ban|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Ban Thường vụ|Sở|Phòng|Hội đồng|Bộ|Chủ tịch|các|huyện|tỉnh|xã|thành phố)\s/u
/** A new clause issuing a document without a number (", huyện xây dựng kế hoạch thực hiện …"): that one acts. */
export const ISSUES_UNNUMBERED =
  /,[^,;]{0,60}?(?:ban hành|xây dựng)\s+(?:kế hoạch|quyết định|chỉ thị|hướng dẫn|chương trình|công văn|văn bản)(?!\s+(?:số\s*)?\d)/iu
