/** Previous / next over an offset-paged list; the offset lives in the URL like every filter. */
import { useT } from '../app/i18n.tsx'

export const Pager = ({
  offset,
  page,
  total,
  onOffset,
  hideEmpty = false,
}: {
  offset: number
  page: number
  total: number
  onOffset: (offset: string) => void
  /** Show no "1–0 / 0" range for an empty list. */
  hideEmpty?: boolean
}) => {
  const t = useT()
  return (
    <nav className="pager" aria-label={t('Phân trang', 'Pagination')}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onOffset(String(Math.max(0, offset - page)))}
      >
        ← {t('Trước', 'Previous')}
      </button>
      <span>{hideEmpty && !total ? '' : `${offset + 1}–${Math.min(offset + page, total)} / ${total}`}</span>
      <button type="button" disabled={offset + page >= total} onClick={() => onOffset(String(offset + page))}>
        {t('Sau', 'Next')} →
      </button>
    </nav>
  )
}
