import { decodeHtml, vniToUnicode } from '../src/crawl/decode.ts'
import iconv from 'iconv-lite'
console.log(vniToUnicode('Xin chaøo caùc baïn, Tieáng Vieät, thi ñua yeâu nöôùc, Laïng Sôn, ÑAÏI HOÄI'))
const t = 'Tiếng Việt có dấu: Thứ Ba, Lạng Sơn, phong trào thi đua yêu nước của tỉnh'
const b = iconv.encode(t, 'tcvn')
console.log(decodeHtml(b, 'text/html; charset=iso-8859-1'), decodeHtml(b))
const u = Buffer.from(t, 'utf8')
console.log(decodeHtml(u, 'text/html; charset=iso-8859-1'))
