/** The article list's filters and the drill-down filters it was opened with (document, event, unique). */
import { useT } from '../../app/i18n.tsx'
import { systemOf } from '../../app/reference.ts'
import { type Choice, ChoiceSelect, SystemSelect } from '../../components/Choices.tsx'
import { Filters } from '../../components/Field.tsx'
import { CampaignSelect, DateRange, ProvinceSelect } from '../../components/StandardFilters.tsx'

type Patch = Record<string, string | null | undefined>

const ORIGINS: ReadonlyArray<Choice> = [
  ['captured', 'Trang thu thập nguyên bản', 'Captured pages'],
  ['rebuilt', 'Trang dựng lại', 'Rebuilt pages'],
]

export const ArticleFilters = ({ q, set }: { q: URLSearchParams; set: (patch: Patch) => void }) => {
  const t = useT()
  const system = systemOf(q.get('system'))
  // any filter change goes back to the first page
  const field = (key: string) => ({
    value: q.get(key) ?? '',
    onChange: (v: string) => set({ [key]: v, offset: null }),
  })
  return (
    <Filters>
      <SystemSelect value={system} onChange={(v) => set({ system: v, province: null, offset: null })} />
      <ProvinceSelect system={system} all={t('Tất cả', 'All')} onlyCovered {...field('province')} />
      <CampaignSelect all={t('Tất cả', 'All')} onlyCovered maxLength={50} {...field('campaign')} />
      <ChoiceSelect
        id="origin"
        label={['Nguồn gốc trang', 'Page origin']}
        choices={ORIGINS}
        {...field('origin')}
      />
      <DateRange
        type="date"
        from={q.get('from') ?? ''}
        to={q.get('to') ?? ''}
        onChange={(p) => set({ ...p, offset: null })}
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
