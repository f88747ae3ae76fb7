/** The test sources of the crawler's tests: Lạng Sơn's portal on NukeViet, with overrides. */
import type { SourceConfig } from '../../domain/source.ts'

export const LANGSON_HOST = 'langson.gov.vn'

export const langsonSource = (over: Partial<SourceConfig> = {}): SourceConfig => ({
  id: 'langson-portal',
  name: 'Cổng TTĐT tỉnh Lạng Sơn',
  province_code_2008: '20',
  province_code_2025: '20',
  platform: 'nukeviet',
  base_url: `https://${LANGSON_HOST}/`,
  entry_points: [],
  ...over,
})
