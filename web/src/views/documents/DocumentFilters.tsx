/** The documents view's filters: number or issuer, level, type and unit system. */
import { useT } from '../../app/i18n.tsx'
import { systemOf } from '../../app/reference.ts'
import { type Choice, ChoiceSelect, SystemSelect } from '../../components/Choices.tsx'
import { Filters, TextField } from '../../components/Field.tsx'

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
const TYPES = Object.entries(TYPE_VI).map(([id, vi]): Choice => [id, vi, id.replace('_', ' ')])
const LEVELS: ReadonlyArray<Choice> = [
  ['central', 'Trung ương', 'Central'],
  ['provincial', 'Tỉnh', 'Provincial'],
]

export const DocumentFilters = ({
  q,
  set,
}: {
  q: URLSearchParams
  set: (patch: Record<string, string | null>) => void
}) => {
  const t = useT()
  // a new search goes back to the first page and the first document
  const field = (key: string) => ({
    value: q.get(key) ?? '',
    onChange: (v: string) => set({ [key]: v, offset: null, doc: null }),
  })
  return (
    <Filters>
      <TextField
        id="q"
        label={t('Số/ký hiệu, cơ quan', 'Number/symbol, issuer')}
        placeholder="41-CT/TW"
        {...field('q')}
      />
      <ChoiceSelect id="level" label={['Cấp', 'Level']} choices={LEVELS} {...field('level')} />
      <ChoiceSelect id="type" label={['Loại', 'Type']} choices={TYPES} {...field('type')} />
      <SystemSelect value={systemOf(q.get('system'))} onChange={(v) => set({ system: v })} />
    </Filters>
  )
}
