/** Articles per province on the map of the chosen unit system; a click opens the province's profile. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { filterParams, type FilterModel } from '../../app/filters.ts'
import { useT } from '../../app/i18n.tsx'
import { href, navigate } from '../../app/router.ts'
import { buildCoverageMapOption } from '../../charts/maps.ts'
import { Chart } from '../../components/Chart.tsx'
import { ErrorState, Load, Loading } from '../../components/State.tsx'
import { useGeoMap } from '../../components/useGeoMap.ts'

const GEO_ATTRIBUTION_VI =
  'Ranh giới tỉnh © Open Development Vietnam / Open Development Mekong, bộ dữ liệu "Địa phận tỉnh", giấy phép CC BY-SA 4.0; đã đơn giản hóa, mã hóa lại và (lớp 34 đơn vị) hợp nhất theo Nghị quyết 202/2025/QH15.'
const GEO_ATTRIBUTION_EN =
  'Province boundaries © Open Development Vietnam / Open Development Mekong, dataset "Địa phận tỉnh", CC BY-SA 4.0; simplified, re-coded and (34-unit layer) dissolved per Nghị quyết 202/2025/QH15.'

export const CoverageMap = ({ model }: { model: FilterModel }) => {
  const t = useT()
  const { system } = model
  const byCampaign = model.campaign !== null
  const geo = useGeoMap(system)
  const data = useApi('/api/coverage/provinces', {
    query: filterParams(model, ['system', 'fromYear', 'toYear', 'sourceKind', 'campaign']),
  })
  const option = useMemo(
    () =>
      data.state === 'ready' && geo.ready ? buildCoverageMapOption(data.data.rows, system, byCampaign) : null,
    [data, geo.ready, system, byCampaign]
  )
  const open = (p: { name?: string }) =>
    p.name &&
    navigate(
      href(`/province/${p.name}`, {
        system,
        from_year: model.fromYear ? String(model.fromYear) : '',
        to_year: model.toYear ? String(model.toYear) : '',
      })
    )
  if (geo.error) return <ErrorState error={geo.error} />
  return (
    <Load value={data}>
      {(d) =>
        option ? (
          <Chart
            testId="coverage-map"
            title={t(
              `Số bài viết theo tỉnh (${system === '2008' ? '63' : '34'} đơn vị)`,
              `Articles per province (${system === '2008' ? '63' : '34'} units)`
            )}
            option={option}
            height={520}
            csv={{ name: `coverage-map-${system}`, columns: d.columns, rows: d.rows }}
            onClick={open}
            footer={
              <small className="attribution">
                {t('Bấm vào một tỉnh để xem hồ sơ của tỉnh. ', 'Click a province for its profile. ')}
                {t(GEO_ATTRIBUTION_VI, GEO_ATTRIBUTION_EN)}
              </small>
            }
          />
        ) : (
          <Loading />
        )
      }
    </Load>
  )
}
