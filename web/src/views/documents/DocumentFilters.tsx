/** The documents view's filters: number or issuer, level, type and unit system. */
import { useT } from '../../app/i18n.tsx'
import { systemOf } from '../../app/reference.ts'
import { Filters, Select, TextField } from '../../components/Field.tsx'
import { SystemSelect } from '../../components/StandardFilters.tsx'

const TYPES = [
  'plan',
  'directive',
  'resolution',
  'decision',
  'conclusion',
  'guideline',
  'law',
  'decree',
  'official_letter',
  'program',
  'report',
]
/** Vietnamese names of the document types (the API's type ids are English). */
const TYPE_VI: Record<string, string> = {
  plan: 'Kế hoạch',
  directive: 'Chỉ thị',
  resolution: 'Nghị quyết',
  decision: 'Quyết định',
  conclusion: 'Kết luận',
  guideline: 'Hướng dẫn',
  law: 'Luật',
  decree: 'Nghị định',
  official_letter: 'Công văn',
  program: 'Chương trình',
  report: 'Báo cáo',
}

export const DocumentFilters = ({
  q,
  set,
}: {
  q: URLSearchParams
  set: (patch: Record<string, string | null>) => void
}) => {
  const t = useT()
  // a new search goes back to the first page and the first document
  const on = (key: string) => (v: string) => set({ [key]: v, offset: null, doc: null })
  return (
    <Filters>
      <TextField
        id="q"
        label={t('Số/ký hiệu, cơ quan', 'Number/symbol, issuer')}
        value={q.get('q') ?? ''}
        placeholder="41-CT/TW"
        onChange={on('q')}
      />
      <Select
        id="level"
        label={t('Cấp', 'Level')}
        value={q.get('level') ?? ''}
        onChange={on('level')}
        options={[
          { value: '', label: t('Tất cả', 'All') },
          { value: 'central', label: t('Trung ương', 'Central') },
          { value: 'provincial', label: t('Tỉnh', 'Provincial') },
        ]}
      />
      <Select
        id="type"
        label={t('Loại', 'Type')}
        value={q.get('type') ?? ''}
        onChange={on('type')}
        options={[
          { value: '', label: t('Tất cả', 'All') },
          ...TYPES.map((x) => ({ value: x, label: t(TYPE_VI[x] ?? x, x.replace('_', ' ')) })),
        ]}
      />
      <SystemSelect value={systemOf(q.get('system'))} onChange={(v) => set({ system: v })} />
    </Filters>
  )
}
