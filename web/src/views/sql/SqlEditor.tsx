/**
 * The statement editor: a plain textarea with a suggestion list under it. Typing a name shows
 * matching tables, columns and keywords; ↑/↓ choose, Enter or Tab accepts, Esc closes, Ctrl+Space
 * opens the list on demand and Ctrl+Enter runs the statement.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react'
import { useT } from '../../app/i18n.tsx'
import { accept, type Completion, suggest } from './completer.ts'
import type { Schema } from './types.ts'

export interface SqlEditorHandle {
  /** Inserts `text` at the caret (from the schema browser) and focuses the editor. */
  insert(text: string): void
}

interface Props {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly onRun: () => void
  readonly schema: Schema | null
}

const KIND_LABEL: Record<Completion['kind'], [string, string]> = {
  table: ['bảng', 'table'],
  view: ['view', 'view'],
  macro: ['hàm bảng', 'table macro'],
  column: ['cột', 'column'],
  keyword: ['từ khóa', 'keyword'],
}

export const SqlEditor = forwardRef<SqlEditorHandle, Props>(function SqlEditor(
  { value, onChange, onRun, schema },
  ref
) {
  const t = useT()
  const area = useRef<HTMLTextAreaElement>(null)
  const [items, setItems] = useState<Completion[]>([])
  const [active, setActive] = useState(0)

  const refresh = (text: string, caret: number, force = false) => {
    setItems(schema ? suggest(schema, text, caret, { force }) : [])
    setActive(0)
  }
  const setText = (text: string, caret: number) => {
    onChange(text)
    requestAnimationFrame(() => {
      area.current?.focus()
      area.current?.setSelectionRange(caret, caret)
    })
  }
  const choose = (c: Completion) => {
    const el = area.current
    if (!el) return
    const next = accept(value, el.selectionStart, c)
    setItems([])
    setText(next.text, next.caret)
  }
  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const el = area.current
      const at = el ? el.selectionStart : value.length
      setItems([])
      setText(value.slice(0, at) + text + value.slice(el ? el.selectionEnd : at), at + text.length)
    },
  }))

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      setItems([])
      onRun()
      return
    }
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault()
      refresh(value, e.currentTarget.selectionStart, true)
      return
    }
    if (items.length === 0) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (i + step + items.length) % items.length)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const c = items[active]
      if (!c) return
      e.preventDefault()
      choose(c)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      setItems([])
    }
  }

  const activeId = items.length > 0 ? `sql-suggestion-${active}` : undefined
  return (
    <div className="sql-editor">
      <label htmlFor="sql-editor">
        {t(
          'Câu lệnh (Ctrl+Enter để chạy, Ctrl+Space để gợi ý)',
          'Statement (Ctrl+Enter runs it, Ctrl+Space suggests)'
        )}
      </label>
      <textarea
        id="sql-editor"
        ref={area}
        spellCheck={false}
        value={value}
        rows={10}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="sql-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        onChange={(e) => {
          onChange(e.target.value)
          refresh(e.target.value, e.target.selectionStart)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setItems([])}
      />
      {items.length > 0 ? (
        <div
          id="sql-suggestions"
          className="sql-suggestions"
          role="listbox"
          aria-label={t('Gợi ý', 'Suggestions')}
        >
          {items.map((c, i) => (
            <div
              key={`${c.kind}:${c.label}`}
              tabIndex={-1}
              id={`sql-suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the textarea must keep focus and its caret.
              onMouseDown={(e) => {
                e.preventDefault()
                choose(c)
              }}
            >
              <code>{c.label}</code>
              <span className="muted">
                {t(...KIND_LABEL[c.kind])} · {c.detail}
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  )
})
