/** The weekly digest as an HTML mail in Vietnamese: the week's new documents, congresses, campaigns and alerts, each linked. */
import type { DigestData } from './queries.ts'

const esc = (s: string | null | undefined): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )

const vnDate = (iso: string | null | undefined): string => {
  if (!iso) return '—'
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${Number(d)}/${Number(m)}/${y}`
}

const section = (title: string, items: string[], empty: string) =>
  `<h2 style="font-size:18px;margin:24px 0 8px">${esc(title)}</h2>${
    items.length
      ? `<ul>${items.map((i) => `<li style="margin:4px 0">${i}</li>`).join('')}</ul>`
      : `<p style="color:#64748b">${esc(empty)}</p>`
  }`

const alertLink = (base: string, evidence: string | null): string => {
  try {
    const e = JSON.parse(evidence ?? 'null') as Record<string, unknown> | null
    if (typeof e?.document_id === 'string') return `${base}/documents/${encodeURIComponent(e.document_id)}`
    if (typeof e?.article_id === 'string') return `${base}/articles/${encodeURIComponent(e.article_id)}`
  } catch {
    // not JSON: link to the alert list
  }
  return `${base}/pipeline`
}

export const digestSubject = (d: DigestData): string =>
  `Thi Đua Atlas – bản tin tuần ${vnDate(d.from)}–${vnDate(new Date(Date.parse(d.to) - 86_400_000).toISOString())}: ${d.documents.length} văn bản mới, ${d.alerts.length} cảnh báo`

export function digestHtml(d: DigestData, base: string): string {
  const a = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`
  const docs = d.documents.map(
    (x) =>
      `${a(`${base}/documents/${encodeURIComponent(x.document_id)}`, x.label)}${x.is_central ? ' <strong>(trung ương)</strong>' : ''}${
        x.issuer ? ` – ${esc(x.issuer)}` : ''
      }${x.issued_on ? `, ban hành ngày ${vnDate(x.issued_on)}` : ''}${
        x.article_id ? ` · ${a(`${base}/articles/${encodeURIComponent(x.article_id)}`, 'bài viết')}` : ''
      }`
  )
  const congresses = d.congresses.map(
    (x) =>
      `${x.article_id ? a(`${base}/articles/${encodeURIComponent(x.article_id)}`, x.label) : esc(x.label)}${
        x.province_name ? ` – ${esc(x.province_name)}` : ''
      } (${x.status === 'held' ? 'đã tổ chức' : 'dự kiến'} ${vnDate(x.day)})`
  )
  const campaigns = d.campaigns.map(
    (x) =>
      `${a(`${base}/campaigns?campaign=${encodeURIComponent(x.campaign_id)}`, x.name)}: ${x.articles} bài viết, ${x.provinces} tỉnh`
  )
  const alerts = d.alerts.map(
    (x) => `${a(alertLink(base, x.evidence), x.subject)} <small>(${esc(x.rule_id)})</small>`
  )
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(digestSubject(d))}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:760px;margin:auto;color:#0f172a">
<h1 style="font-size:22px">Bản tin tuần Thi Đua Atlas</h1>
<p>Tuần từ ${vnDate(d.from)} đến hết ${vnDate(new Date(Date.parse(d.to) - 86_400_000).toISOString())}.</p>
${section('Văn bản mới', docs, 'Không có văn bản mới trong tuần.')}
${section('Đại hội, hội nghị thi đua', congresses, 'Không có đại hội nào trong tuần.')}
${section('Phong trào thi đua được nhắc đến', campaigns, 'Không có phong trào nào được nhắc đến.')}
${section('Cảnh báo', alerts, 'Không có cảnh báo mới.')}
<p style="color:#64748b;font-size:12px">Xem thêm tại ${a(base, base)}. Nguồn tin Atom: ${a(`${base}/api/feeds/alerts.atom`, 'cảnh báo')}.</p>
</body></html>
`
}
