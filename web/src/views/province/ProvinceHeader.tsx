/** The province page's title, unit system, period and merger notes. */
import { fmtNumber, useLang, useT } from '../../app/i18n.tsx'
import type { Translate } from '../../app/translate.ts'
import { href } from '../../app/router.ts'
import type { Profile } from './types.ts'

const periodText = (t: Translate, from: number | null, to: number | null) =>
  from === null && to === null
    ? t('Toàn bộ thời gian có dữ liệu', 'All years with data')
    : `${t('Giai đoạn', 'Period')}: ${from ?? '…'}–${to ?? t('nay', 'now')}`

export const ProvinceHeader = ({ p, system }: { p: Profile; system: string }) => {
  const t = useT()
  const { lang } = useLang()
  return (
    <>
      <h1>
        {p.province.name_vi} — {t('hồ sơ thi đua', 'emulation profile')}
      </h1>
      <p className="lede" data-testid="province-period">
        {system === '2025'
          ? t('Hệ 34 đơn vị (từ 1/7/2025)', '34-unit system (from 1 Jul 2025)')
          : t('Hệ 63 tỉnh (đến 30/6/2025)', '63-province system (to 30 Jun 2025)')}
        {' · '}
        {periodText(t, p.period.from_year, p.period.to_year)}
        {' · '}
        {fmtNumber(lang, p.province.articles)} {t('bài viết về thi đua', 'emulation articles')}
      </p>
      {p.province.merged_from?.length ? (
        <p className="muted">
          {t('Gồm cả lịch sử của', 'Includes the history of')}:{' '}
          {p.province.merged_from.map((m) => m.name).join(', ')}
        </p>
      ) : null}
      {p.province.merged_into ? (
        <p className="muted">
          {t('Từ 1/7/2025 thuộc', 'Since 1 Jul 2025 part of')}{' '}
          <a href={href(`/province/${p.province.merged_into.code}`, { system: '2025' })}>
            {p.province.merged_into.name}
          </a>
        </p>
      ) : null}
    </>
  )
}
