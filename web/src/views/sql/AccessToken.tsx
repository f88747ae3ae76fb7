/**
 * Where a reader enters the access token when the server has access control on (THIDUA_TOKENS). It is
 * kept for this tab only and sent as `Authorization: Bearer` with console requests.
 */
import { useState } from 'react'
import { useT } from '../../app/i18n.tsx'
import { readToken, writeToken } from './run.ts'

export const AccessToken = ({ open, onChange }: { open: boolean; onChange: () => void }) => {
  const t = useT()
  const [value, setValue] = useState(readToken)
  return (
    <details className="access-token" open={open}>
      <summary>{t('Mã truy cập', 'Access token')}</summary>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          writeToken(value.trim())
          onChange()
        }}
      >
        <input
          type="password"
          autoComplete="off"
          aria-label={t('Mã truy cập (vai trò phân tích)', 'Access token (analyst role)')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">{t('Dùng mã này', 'Use this token')}</button>
      </form>
      <p className="muted">
        {t(
          'Chỉ cần khi máy chủ bật kiểm soát truy cập; mã chỉ được giữ trong thẻ này.',
          'Needed only when the server has access control on; kept in this tab only.'
        )}
      </p>
    </details>
  )
}
