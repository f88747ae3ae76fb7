import { badParam, notFound } from '../http/api-error.ts'
import { checkYears, coverageFilters } from '../http/filters.ts'
import { systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { rowAs, rowsAs } from '../http/respond.ts'
import type { ProfileProvince, ProvinceProfile } from './province-profile-types.ts'
import { ADOPTION_LAGS_AGG, AGGREGATES, PROVINCE_ARTICLES_AGG } from '../queries/aggregates.ts'
import {
  PROVINCE_CAMPAIGNS_SQL,
  PROVINCE_DOCUMENTS_SQL,
  PROVINCE_EVENTS_SQL,
  PROVINCE_SOURCES_SQL,
  PROVINCE_SQL,
} from '../queries/province-profile.ts'

export const spec = {
  system: systemParam,
  from_year: coverageFilters.from_year,
  to_year: coverageFilters.to_year,
}

/** `GET /api/provinces/:code/profile`: everything the printable province page shows, in one answer. */
export const provinceProfileRoutes = (reg: RouteRegistry, prefix: string) =>
  reg.router(prefix, 'reference').json(
    '/:code/profile',
    {
      summary:
        'One province: documents, congresses planned vs held, campaigns with lags vs the national median, sources',
      params: spec,
      pathParams: { code: 'Province code in the chosen system (two digits)' },
    },
    async (q, { c, lease }): Promise<ProvinceProfile> => {
      const code = c.req.param('code') ?? ''
      if (!/^\d{2}$/.test(code))
        throw badParam(
          'code',
          `mã tỉnh phải gồm 2 chữ số, nhận "${code}"`,
          `a province code is two digits, got "${code}"`
        )
      checkYears(q.from_year, q.to_year)
      const params = { system: q.system, code, from_year: q.from_year, to_year: q.to_year }
      const agg = await lease.has(...AGGREGATES)
      const province = rowAs<ProfileProvince>(
        await lease.query(PROVINCE_SQL(agg ? PROVINCE_ARTICLES_AGG : undefined), params)
      )
      if (!province)
        throw notFound(
          code,
          `Không có tỉnh mã ${code} trong hệ ${q.system}.`,
          `No province ${code} in the ${q.system} system.`
        )
      const [documents, events, campaigns, sources] = await Promise.all([
        lease.query(PROVINCE_DOCUMENTS_SQL, params),
        lease.query(PROVINCE_EVENTS_SQL, params),
        lease.query(PROVINCE_CAMPAIGNS_SQL(agg ? ADOPTION_LAGS_AGG : undefined), { system: q.system, code }),
        lease.query(PROVINCE_SOURCES_SQL, { system: q.system, code }),
      ])
      return {
        province,
        period: { from_year: q.from_year, to_year: q.to_year },
        version: lease.versionTag,
        documents: rowsAs(documents),
        events: rowsAs(events),
        campaigns: rowsAs(campaigns),
        sources: rowsAs(sources),
      }
    }
  ).app
