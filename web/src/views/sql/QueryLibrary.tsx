/**
 * The side panel of queries: the analyst's ten usual questions, and the reader's own saved queries
 * (this browser only) with a link that opens each one anywhere.
 */
import { useState } from 'react'
import { useLang, useT } from '../../app/i18n.tsx'
import { CANNED_QUERIES } from './canned.ts'
import { deleteSaved, loadSaved, type SavedQuery, saveQuery, shareHref } from './saved.ts'
import type { ResultView } from './types.ts'

interface Props {
  readonly sql: string
  readonly view: ResultView
  readonly onOpen: (sql: string, view: ResultView) => void
}

const SaveForm = ({ onSave }: { onSave: (name: string) => void }) => {
  const t = useT()
  const [name, setName] = useState('')
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault()
        if (name.trim() === '') return
        onSave(name.trim())
        setName('')
      }}
    >
      <input
        aria-label={t('Tên truy vấn', 'Query name')}
        placeholder={t('Tên truy vấn', 'Query name')}
        value={name}
        maxLength={120}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={name.trim() === ''}>
        {t('Lưu', 'Save')}
      </button>
    </form>
  )
}

export const QueryLibrary = ({ sql, view, onOpen }: Props) => {
  const t = useT()
  const { lang } = useLang()
  const [saved, setSaved] = useState<SavedQuery[]>(loadSaved)
  return (
    <section className="query-library" aria-labelledby="saved-title">
      <h2 id="saved-title">{t('Truy vấn đã lưu', 'Saved queries')}</h2>
      <SaveForm onSave={(name) => setSaved(saveQuery({ name, sql, view }))} />
      {saved.length === 0 ? (
        <p className="muted">
          {t('Chưa có truy vấn nào được lưu trong trình duyệt này.', 'No query saved in this browser yet.')}
        </p>
      ) : (
        <ul className="examples" data-testid="saved-queries">
          {saved.map((s) => (
            <li key={s.name} className="saved-query">
              <a href={shareHref(s.sql, s.view)} title={t('Liên kết chia sẻ', 'Link to share')}>
                {s.name}
              </a>
              <button type="button" className="link" onClick={() => setSaved(deleteSaved(s.name))}>
                {t('Xóa', 'Delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('Câu hỏi thường gặp', 'Usual questions')}</h2>
      <ul className="examples" data-testid="canned-queries">
        {CANNED_QUERIES.map((q) => (
          <li key={q.id}>
            <button type="button" onClick={() => onOpen(q.sql, 'table')}>
              {lang === 'vi' ? q.title_vi : q.title_en}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
