/**
 * Which sources the snapshot holds and how each is configured. Every host of the corpus facts becomes
 * a source (so each rebuilt article keeps its real URL), plus the captured seeds' sites. The platform
 * is the one each site most plausibly runs (design/portals.md, reference/sources.csv); `generic` when
 * unknown. `thidua snapshot build` writes data/snapshot/sources.json from this plan (data/sources.json is
 * the hand-maintained national registry and is never written here).
 */
import type { Platform, SourceConfig, SourceKind } from '../domain/source.ts'
import type { Fact } from './facts.ts'

interface HostPlan {
  readonly platform: Platform
  readonly name?: string
  readonly kind?: SourceKind
  /** The outlet's home province (2008 code); national outlets: null. */
  readonly province?: string | null
  readonly scheme?: 'http' | 'https'
}

/** A table of outlets of one platform and kind: host → [name, home province (2008 code), scheme]. */
const outlets = (
  platform: Platform,
  kind: SourceKind,
  rows: Record<string, readonly [string, string | null, ('http' | 'https')?]>
): Record<string, HostPlan> =>
  Object.fromEntries(
    Object.entries(rows).map(([host, [name, province, scheme]]) => [
      host,
      { platform, name, kind, province, ...(scheme ? { scheme } : {}) },
    ])
  )

/** Hand-made entries; every other host gets `generic` and its facts' kind. */
export const HOST_PLANS: Record<string, HostPlan> = {
  ...outlets('nukeviet', 'portal', {
    'langson.gov.vn': ['Cổng Thông tin điện tử tỉnh Lạng Sơn', '20', 'https'],
    'binhphuoc.gov.vn': ['Cổng Thông tin điện tử tỉnh Bình Phước', '70'],
  }),
  ...outlets('gov-portal', 'portal', {
    // Seed 001's portal does not name its city: the host is a plausible SharePoint city portal and
    // the province is recorded as unknown on purpose.
    'halong.quangninh.gov.vn': ['Cổng thông tin điện tử thành phố (seed 001, city not named)', null, 'https'],
    'kontum.gov.vn': ['Cổng Thông tin điện tử tỉnh Kon Tum', '62'],
    'yenbai.gov.vn': ['Cổng Thông tin điện tử tỉnh Yên Bái', '15'],
    'www.ninhthuan.gov.vn': ['Cổng Thông tin điện tử tỉnh Ninh Thuận', '58'],
    'sovhttdl.binhduong.vn': ['Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Dương', '74'],
  }),
  ...outlets('liferay', 'portal', {
    'hoabinh.gov.vn': ['Cổng Thông tin điện tử tỉnh Hòa Bình', '17'],
    'syt.bacninh.gov.vn': ['Sở Y tế tỉnh Bắc Ninh', '27'],
  }),
  ...outlets('drupal', 'portal', {
    'thiduakhenthuong.langson.gov.vn': ['Trang TTĐT Thi đua - Khen thưởng tỉnh Lạng Sơn', '20'],
    'vanphong.langson.gov.vn': ['Văn phòng UBND tỉnh Lạng Sơn', '20'],
    'sovhtt.langson.gov.vn': ['Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn', '20'],
    'myhoahung.angiang.gov.vn': ['Cổng TTĐT xã Mỹ Hòa Hưng', '89'],
  }),
  ...outlets('drupal', 'newspaper', {
    'thiduakhenthuongvn.org.vn': ['Thi đua Khen thưởng Việt Nam', null],
  }),
  ...outlets('wordpress', 'tv', {
    'kontumtv.vn': ['Đài Phát thanh - Truyền hình Kon Tum', '62'],
    'www.thtg.vn': ['Đài Phát thanh và Truyền hình Tiền Giang', '82'],
  }),
  ...outlets('wordpress', 'portal', {
    'backancity.gov.vn': ['Cổng TTĐT thành phố Bắc Kạn', '06'],
  }),
  ...outlets('newspaper-post', 'newspaper', {
    'baolaocai.vn': ['Báo Lào Cai', '10', 'https'],
    'tienphong.vn': ['Báo Tiền Phong', null],
    'nhandan.vn': ['Báo Nhân Dân', null],
    'nhandan.org.vn': ['Báo Nhân Dân (tên miền cũ)', null],
    'www.sggp.org.vn': ['Báo Sài Gòn Giải Phóng', null],
    'www.vietnamplus.vn': ['VietnamPlus', null],
    'plo.vn': ['Báo Pháp Luật TP.HCM', null],
    'baogialai.com.vn': ['Báo Gia Lai', '64'],
    'baophapluat.vn': ['Báo Pháp luật Việt Nam', null],
    'viettimes.vn': ['VietTimes', null],
    'kienthuc.net.vn': ['Kiến Thức', null],
    'cadn.com.vn': ['Báo Công an Đà Nẵng', '48'],
  }),
  ...outlets('baonghean', 'newspaper', {
    'baonghean.vn': ['Báo Nghệ An', '40', 'https'],
  }),
  ...outlets('generic', 'newspaper', {
    'cand.com.vn': ['Báo Công an Nhân dân', null],
    'baoquangngai.vn': ['Báo Quảng Ngãi', '51'],
    'thanhnien.vn': ['Báo Thanh Niên', null],
    'nld.com.vn': ['Báo Người Lao Động', null],
  }),
}

/** Provincial outlets whose home province is their facts' province. */
const PROVINCIAL_NEWSPAPERS = new Set([
  'nghean24h.vn',
  'baotayninh.vn',
  'baohagiang.vn',
  'baoapbac.vn',
  'baolamdong.vn',
  'baoquangbinh.vn',
  'www.baodongnai.com.vn',
  'baobinhdinh.vn',
  'baosonla.org.vn',
  'baoyenbai.com.vn',
  'baophutho.vn',
  'baolongan.vn',
  'baodienbienphu.com.vn',
  'www.baodongthap.com.vn',
  'baoninhthuan.com.vn',
  'baobariavungtau.com.vn',
  'huengaynay.vn',
  'old.baolangson.vn',
  'tintuckhanhhoa.com',
  'langsontv.vn',
  'thainguyentv.vn',
  'hanoitv.vn',
  'btv.org.vn',
  'www.thvl.vn',
  'www.truyenhinhnghean.vn',
  'vanhocnghethuatyenbai.gov.vn',
  'vanhocnghethuathatinh.org.vn',
])

/** Normalises the facts' hosts ("vovworld.vn." with a trailing dot, ":443" ports). */
export const normalHost = (url: string): string => new URL(url).hostname.replace(/\.$/, '').toLowerCase()

export const sourceIdFor = (host: string): string =>
  host
    .replace(/^www\./, '')
    .replace(/\.(gov|com|org|net)\.vn$|\.vn$|\.com$/, '')
    .replaceAll('.', '-')

export interface PlannedSource {
  readonly config: SourceConfig
  readonly host: string
  readonly origin: string
}

export const planSources = (
  facts: ReadonlyArray<Fact>,
  to2025: ReadonlyMap<string, string>,
  entryPoints: (p: {
    host: string
    origin: string
    platform: Platform
    config: SourceConfig
  }) => ReadonlyArray<string>
): PlannedSource[] => {
  const byHost = new Map<string, Fact[]>()
  for (const f of facts) {
    const h = normalHost(f.url)
    byHost.set(h, [...(byHost.get(h) ?? []), f])
  }
  for (const h of Object.keys(HOST_PLANS)) if (!byHost.has(h)) byHost.set(h, [])
  const out: PlannedSource[] = []
  for (const host of [...byHost.keys()].sort()) {
    const fs = byHost.get(host) ?? []
    const plan = HOST_PLANS[host]
    const first = fs[0]
    const kind: SourceKind = plan?.kind ?? (first?.kind as SourceKind | undefined) ?? 'other'
    const isLocal =
      kind === 'portal' || kind === 'tv' || host.endsWith('.gov.vn') || PROVINCIAL_NEWSPAPERS.has(host)
    const p2008 =
      plan && 'province' in plan
        ? (plan.province ?? null)
        : isLocal
          ? (first?.province_code_2008 ?? null)
          : null
    const scheme =
      plan?.scheme ?? (first ? (new URL(first.url).protocol === 'http:' ? 'http' : 'https') : 'https')
    const origin = `${scheme}://${host}`
    const base: SourceConfig = {
      id: sourceIdFor(host),
      name: plan?.name ?? host,
      kind,
      province_code_2008: p2008,
      province_code_2025: p2008 ? (to2025.get(p2008) ?? null) : null,
      platform: plan?.platform ?? 'generic',
      base_url: `${origin}/`,
      entry_points: [],
    }
    const config: SourceConfig = {
      ...base,
      entry_points: entryPoints({ host, origin, platform: base.platform, config: base }),
    }
    out.push({ config, host, origin })
  }
  // Two hosts may shorten to the same id (nhandan.vn, nhandan.org.vn): the later one keeps its full host.
  const ids = new Set<string>()
  return out.map((s) => {
    const id = ids.has(s.config.id) ? s.host.replace(/^www\./, '').replaceAll('.', '-') : s.config.id
    if (ids.has(id)) throw new Error(`duplicate source id ${id}`)
    ids.add(id)
    return id === s.config.id ? s : { ...s, config: { ...s.config, id } }
  })
}
