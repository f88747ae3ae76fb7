/**
 * The statement editor: a plain textarea with a suggestion list under it. Typing a name shows
 * matching tables, columns and keywords; ↑/↓ choose, Enter or Tab accepts, Esc closes, Ctrl+Space
 * opens the list on demand and Ctrl+Enter runs the statement.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react'
import { useT } from '../../app/i18n.tsx'
import { caretPosition } from './caret.ts'
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

interface Placement {
  readonly left: number
  readonly maxHeight: number
  readonly top?: number
  readonly bottom?: number
}

/**
 * Where the list goes: under the caret line, or above it when the textarea has more room there. It
 * stays inside the textarea's box, so it never covers the Run button or the result.
 */
const placeList = (el: HTMLTextAreaElement): Placement => {
  const c = caretPosition(el, el.selectionStart)
  const below = el.clientHeight - (c.top + c.line)
  const above = c.top
  const left = el.offsetLeft + Math.max(0, Math.min(c.left, el.clientWidth - 280))
  if (below >= 96 || below >= above)
    return { left, top: el.offsetTop + c.top + c.line + 2, maxHeight: Math.max(48, below - 4) }
  const box = el.parentElement?.clientHeight ?? el.offsetTop + el.offsetHeight
  return { left, bottom: box - (el.offsetTop + c.top) + 2, maxHeight: Math.max(48, above - 4) }
}

/** The open suggestion list; mousedown (not click) keeps the textarea's focus and caret. */
const Suggestions = ({
  items,
  active,
  place,
  onChoose,
}: {
  items: ReadonlyArray<Completion>
  active: number
  place: Placement
  onChoose: (c: Completion) => void
}) => {
  const t = useT()
  return (
    <div
      id="sql-suggestions"
      className="sql-suggestions"
      role="listbox"
      aria-label={t('Gợi ý', 'Suggestions')}
      style={{ left: place.left, top: place.top, bottom: place.bottom, maxHeight: place.maxHeight }}
    >
      {items.map((c, i) => (
        <div
          key={`${c.kind}:${c.label}`}
          tabIndex={-1}
          id={`sql-suggestion-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault()
            onChoose(c)
          }}
        >
          <code>{c.label}</code>
          <span className="muted">
            {t(...KIND_LABEL[c.kind])} · {c.detail}
          </span>
        </div>
      ))}
    </div>
  )
}

/** What a key does while the list is open: move, accept, close, or nothing (null). */
const listKey = (key: string): 'down' | 'up' | 'accept' | 'close' | null =>
  key === 'ArrowDown'
    ? 'down'
    : key === 'ArrowUp'
      ? 'up'
      : key === 'Enter' || key === 'Tab'
        ? 'accept'
        : key === 'Escape'
          ? 'close'
          : null

type EditorKey = 'run' | 'suggest' | 'down' | 'up' | 'accept' | 'close'

const editorKey = (e: React.KeyboardEvent, listOpen: boolean): EditorKey | null => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return 'run'
  if (e.key === ' ' && e.ctrlKey) return 'suggest'
  return listOpen ? listKey(e.key) : null
}

/** Typing or erasing one character suggests; a paste or a whole replacement does not. */
const typedOneCharacter = (e: Event): boolean => {
  const input = e as InputEvent
  return (
    (input.inputType === 'insertText' && (input.data ?? '').length === 1) ||
    input.inputType === 'deleteContentBackward'
  )
}

/** The suggestion list's state: what it offers, which entry is active, where it is drawn. */
const useSuggestions = (area: React.RefObject<HTMLTextAreaElement | null>, schema: Schema | null) => {
  const [items, setItems] = useState<Completion[]>([])
  const [active, setActive] = useState(0)
  const [place, setPlace] = useState<Placement>({ left: 0, top: 0, maxHeight: 200 })
  const refresh = (text: string, caret: number, force = false) => {
    const found = schema ? suggest(schema, text, caret, { force }) : []
    if (found.length > 0 && area.current) setPlace(placeList(area.current))
    setItems(found)
    setActive(0)
  }
  const step = (by: number) => setActive((i) => (i + by + items.length) % items.length)
  return { items, active, place, refresh, step, close: () => setItems([]) }
}

export const SqlEditor = forwardRef<SqlEditorHandle, Props>(function SqlEditor(
  { value, onChange, onRun, schema },
  ref
) {
  const t = useT()
  const area = useRef<HTMLTextAreaElement>(null)
  const list = useSuggestions(area, schema)
  const setText = (text: string, caret: number) => {
    list.close()
    onChange(text)
    requestAnimationFrame(() => {
      area.current?.focus()
      area.current?.setSelectionRange(caret, caret)
    })
  }
  const choose = (c: Completion) => {
    const next = accept(value, area.current?.selectionStart ?? value.length, c)
    setText(next.text, next.caret)
  }
  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const from = area.current?.selectionStart ?? value.length
      const to = area.current?.selectionEnd ?? from
      setText(value.slice(0, from) + text + value.slice(to), from + text.length)
    },
  }))
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const key = editorKey(e, list.items.length > 0)
    if (key === null) return
    e.preventDefault()
    if (key === 'run') {
      list.close()
      onRun()
    } else if (key === 'suggest') list.refresh(value, e.currentTarget.selectionStart, true)
    else if (key === 'close') list.close()
    else if (key === 'accept') {
      const c = list.items[list.active]
      if (c) choose(c)
    } else list.step(key === 'down' ? 1 : -1)
  }
  const open = list.items.length > 0
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
        aria-expanded={open}
        aria-controls="sql-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={open ? `sql-suggestion-${list.active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value)
          if (typedOneCharacter(e.nativeEvent)) list.refresh(e.target.value, e.target.selectionStart)
          else list.close()
        }}
        onKeyDown={onKeyDown}
        onBlur={list.close}
      />
      {open ? (
        <Suggestions items={list.items} active={list.active} place={list.place} onChoose={choose} />
      ) : null}
    </div>
  )
})
