import type { ReactNode } from 'react'

/** A labelled filter control; every filter writes to the URL through its onChange. */
export const Select = ({
  label,
  value,
  onChange,
  options,
  id,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  options: ReadonlyArray<{ value: string; label: string }>
  id: string
}) => (
  <label className="field" htmlFor={id}>
    <span>{label}</span>
    <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
)

export const TextField = ({
  label,
  value,
  onChange,
  id,
  type = 'text',
  placeholder,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  id: string
  type?: string
  placeholder?: string
}) => (
  <label className="field" htmlFor={id}>
    <span>{label}</span>
    <input
      id={id}
      name={id}
      type={type}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
    />
  </label>
)

export const Filters = ({ children }: { children: ReactNode }) => (
  <form className="filters" onSubmit={(e) => e.preventDefault()}>
    {children}
  </form>
)

export const Toggle = ({
  label,
  value,
  options,
  onChange,
  name,
}: {
  label: string
  value: string
  options: ReadonlyArray<{ value: string; label: string }>
  onChange: (v: string) => void
  name: string
}) => (
  <fieldset className="toggle">
    <legend>{label}</legend>
    {options.map((o) => (
      <label key={o.value}>
        <input
          type="radio"
          name={name}
          value={o.value}
          checked={value === o.value}
          onChange={() => onChange(o.value)}
        />
        {o.label}
      </label>
    ))}
  </fieldset>
)
