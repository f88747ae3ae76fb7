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

/** Hand-made entries; every other host gets `generic` and its facts' kind. */
export const HOST_PLANS: Record<string, HostPlan> = {
  'langson.gov.vn': {
    platform: 'nukeviet',
    name: 'Cổng Thông tin điện tử tỉnh Lạng Sơn',
    kind: 'portal',
    province: '20',
    scheme: 'https',
  },
  'binhphuoc.gov.vn': {
    platform: 'nukeviet',
    name: 'Cổng Thông tin điện tử tỉnh Bình Phước',
    kind: 'portal',
    province: '70',
  },
  // Seed 001's portal does not name its city: the host is a plausible SharePoint city portal and
  // the province is recorded as unknown on purpose.
  'halong.quangninh.gov.vn': {
    platform: 'gov-portal',
    name: 'Cổng thông tin điện tử thành phố (seed 001, city not named)',
    kind: 'portal',
    province: null,
    scheme: 'https',
  },
  'kontum.gov.vn': {
    platform: 'gov-portal',
    name: 'Cổng Thông tin điện tử tỉnh Kon Tum',
    kind: 'portal',
    province: '62',
  },
  'yenbai.gov.vn': {
    platform: 'gov-portal',
    name: 'Cổng Thông tin điện tử tỉnh Yên Bái',
    kind: 'portal',
    province: '15',
  },
  'www.ninhthuan.gov.vn': {
    platform: 'gov-portal',
    name: 'Cổng Thông tin điện tử tỉnh Ninh Thuận',
    kind: 'portal',
    province: '58',
  },
  'sovhttdl.binhduong.vn': {
    platform: 'gov-portal',
    name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Dương',
    kind: 'portal',
    province: '74',
  },
  'hoabinh.gov.vn': {
    platform: 'liferay',
    name: 'Cổng Thông tin điện tử tỉnh Hòa Bình',
    kind: 'portal',
    province: '17',
  },
  'syt.bacninh.gov.vn': {
    platform: 'liferay',
    name: 'Sở Y tế tỉnh Bắc Ninh',
    kind: 'portal',
    province: '27',
  },
  'thiduakhenthuong.langson.gov.vn': {
    platform: 'drupal',
    name: 'Trang TTĐT Thi đua - Khen thưởng tỉnh Lạng Sơn',
    kind: 'portal',
    province: '20',
  },
  'vanphong.langson.gov.vn': {
    platform: 'drupal',
    name: 'Văn phòng UBND tỉnh Lạng Sơn',
    kind: 'portal',
    province: '20',
  },
  'sovhtt.langson.gov.vn': {
    platform: 'drupal',
    name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn',
    kind: 'portal',
    province: '20',
  },
  'myhoahung.angiang.gov.vn': {
    platform: 'drupal',
    name: 'Cổng TTĐT xã Mỹ Hòa Hưng',
    kind: 'portal',
    province: '89',
  },
  'thiduakhenthuongvn.org.vn': {
    platform: 'drupal',
    name: 'Thi đua Khen thưởng Việt Nam',
    kind: 'newspaper',
    province: null,
  },
  'kontumtv.vn': {
    platform: 'wordpress',
    name: 'Đài Phát thanh - Truyền hình Kon Tum',
    kind: 'tv',
    province: '62',
  },
  'backancity.gov.vn': {
    platform: 'wordpress',
    name: 'Cổng TTĐT thành phố Bắc Kạn',
    kind: 'portal',
    province: '06',
  },
  'www.thtg.vn': {
    platform: 'wordpress',
    name: 'Đài Phát thanh và Truyền hình Tiền Giang',
    kind: 'tv',
    province: '82',
  },
  'baolaocai.vn': {
    platform: 'newspaper-post',
    name: 'Báo Lào Cai',
    kind: 'newspaper',
    province: '10',
    scheme: 'https',
  },
  'tienphong.vn': { platform: 'newspaper-post', name: 'Báo Tiền Phong', kind: 'newspaper', province: null },
  'nhandan.vn': { platform: 'newspaper-post', name: 'Báo Nhân Dân', kind: 'newspaper', province: null },
  'nhandan.org.vn': {
    platform: 'newspaper-post',
    name: 'Báo Nhân Dân (tên miền cũ)',
    kind: 'newspaper',
    province: null,
  },
  'www.sggp.org.vn': {
    platform: 'newspaper-post',
    name: 'Báo Sài Gòn Giải Phóng',
    kind: 'newspaper',
    province: null,
  },
  'www.vietnamplus.vn': {
    platform: 'newspaper-post',
    name: 'VietnamPlus',
    kind: 'newspaper',
    province: null,
  },
  'plo.vn': { platform: 'newspaper-post', name: 'Báo Pháp Luật TP.HCM', kind: 'newspaper', province: null },
  'baogialai.com.vn': { platform: 'newspaper-post', name: 'Báo Gia Lai', kind: 'newspaper', province: '64' },
  'baophapluat.vn': {
    platform: 'newspaper-post',
    name: 'Báo Pháp luật Việt Nam',
    kind: 'newspaper',
    province: null,
  },
  'viettimes.vn': { platform: 'newspaper-post', name: 'VietTimes', kind: 'newspaper', province: null },
  'kienthuc.net.vn': { platform: 'newspaper-post', name: 'Kiến Thức', kind: 'newspaper', province: null },
  'cadn.com.vn': {
    platform: 'newspaper-post',
    name: 'Báo Công an Đà Nẵng',
    kind: 'newspaper',
    province: '48',
  },
  'baonghean.vn': {
    platform: 'baonghean',
    name: 'Báo Nghệ An',
    kind: 'newspaper',
    province: '40',
    scheme: 'https',
  },
  'cand.com.vn': { platform: 'generic', name: 'Báo Công an Nhân dân', kind: 'newspaper', province: null },
  'baoquangngai.vn': { platform: 'generic', name: 'Báo Quảng Ngãi', kind: 'newspaper', province: '51' },
  'thanhnien.vn': { platform: 'generic', name: 'Báo Thanh Niên', kind: 'newspaper', province: null },
  'nld.com.vn': { platform: 'generic', name: 'Báo Người Lao Động', kind: 'newspaper', province: null },
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
