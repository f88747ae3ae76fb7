/** The article list's filters and the drill-down filters it was opened with (document, event, unique). */
import { useT } from '../../app/i18n.tsx'
import { systemOf } from '../../app/reference.ts'
import { Filters, Select, TextField } from '../../components/Field.tsx'
import { CampaignSelect, ProvinceSelect, SystemSelect } from '../../components/StandardFilters.tsx'

type Patch = Record<string, string | null>

export const ArticleFilters = ({ q, set }: { q: URLSearchParams; set: (patch: Patch) => void }) => {
  const t = useT()
  const system = systemOf(q.get('system'))
  // any filter change goes back to the first page
  const on = (key: string) => (v: string) => set({ [key]: v, offset: null })
  return (
    <Filters>
      <SystemSelect value={system} onChange={(v) => set({ system: v, province: null, offset: null })} />
      <ProvinceSelect
        system={system}
        all={t('Tất cả', 'All')}
        onlyCovered
        value={q.get('province') ?? ''}
        onChange={on('province')}
      />
      <CampaignSelect
        all={t('Tất cả', 'All')}
        onlyCovered
        maxLength={50}
        value={q.get('campaign') ?? ''}
        onChange={on('campaign')}
      />
      <Select
        id="origin"
        label={t('Nguồn gốc trang', 'Page origin')}
        value={q.get('origin') ?? ''}
        onChange={on('origin')}
        options={[
          { value: '', label: t('Tất cả', 'All') },
          { value: 'captured', label: t('Trang thu thập nguyên bản', 'Captured pages') },
          { value: 'rebuilt', label: t('Trang dựng lại', 'Rebuilt pages') },
        ]}
      />
      <TextField
        id="from"
        type="date"
        label={t('Từ ngày', 'From')}
        value={q.get('from') ?? ''}
        onChange={on('from')}
      />
      <TextField
        id="to"
        type="date"
        label={t('Đến ngày', 'To')}
        value={q.get('to') ?? ''}
        onChange={on('to')}
      />
    </Filters>
  )
}

export const DrillDown = ({ q, set }: { q: URLSearchParams; set: (patch: Patch) => void }) => {
  const t = useT()
  const document = q.get('document')
  const event = q.get('event_id')
  const unique = q.get('unique') === 'true'
  if (!document && !event && !unique) return null
  return (
    <p className="active-filter">
      {document ? (
        <span>
          {t('Văn bản', 'Document')}: <code>{document}</code>
        </span>
      ) : null}
      {event ? (
        <span>
          {t('Sự kiện', 'Event')}: <code>{event}</code>
        </span>
      ) : null}
      {unique ? (
        <span>{t('Mỗi tin chỉ tính một lần (bỏ bản đăng lại)', 'Each story once (copies left out)')}</span>
      ) : null}
      <button
        type="button"
        onClick={() => set({ document: null, event_id: null, unique: null, offset: null })}
      >
        {t('Bỏ lọc', 'Clear')}
      </button>
    </p>
  )
}
