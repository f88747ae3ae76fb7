/** The full-text search box: typing edits a draft, submitting writes `q` to the URL. */
import { useEffect, useState } from 'react'
import { useT } from '../../app/i18n.tsx'

export const SearchBox = ({ text, onSearch }: { text: string; onSearch: (q: string) => void }) => {
  const t = useT()
  const [draft, setDraft] = useState(text)
  useEffect(() => setDraft(text), [text])
  return (
    <form
      className="search"
      aria-label={t('Tìm kiếm bài viết', 'Search articles')}
      onSubmit={(e) => {
        e.preventDefault()
        onSearch(draft)
      }}
    >
      <label htmlFor="q">
        {t('Tìm kiếm (gõ có dấu hoặc không dấu)', 'Search (with or without diacritics)')}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="thi dua, xoa nha tam…"
      />
      <button type="submit">{t('Tìm', 'Search')}</button>
    </form>
  )
}
