import type { ReactNode } from 'react'
import { ApiFailure, type Loadable } from '../app/api.ts'
import { useLang, useT } from '../app/i18n.tsx'

export const Loading = () => {
  const t = useT()
  return (
    <p className="state loading" role="status" aria-live="polite">
      {t('Đang tải…', 'Loading…')}
    </p>
  )
}

export const Empty = ({ children }: { children?: ReactNode }) => {
  const t = useT()
  return (
    <p className="state empty">
      {children ?? t('Không có dữ liệu cho bộ lọc này.', 'No data for these filters.')}
    </p>
  )
}

export const ErrorState = ({ error }: { error: Error }) => {
  const { lang } = useLang()
  const msg = error instanceof ApiFailure ? (lang === 'vi' ? error.vi : error.en) : error.message
  return (
    <p className="state error" role="alert">
      {lang === 'vi' ? 'Lỗi: ' : 'Error: '}
      {msg}
    </p>
  )
}

/** Renders loading / error / empty / content for one API call. */
export function Load<T>({
  value,
  empty,
  children,
}: {
  value: Loadable<T>
  empty?: (d: T) => boolean
  children: (d: T) => ReactNode
}) {
  if (value.state === 'loading') return <Loading />
  if (value.state === 'error') return <ErrorState error={value.error} />
  if (empty?.(value.data)) return <Empty />
  return <>{children(value.data)}</>
}
