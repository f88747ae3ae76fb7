/**
 * @effect/cli reports a bad command line as a help document of one or more paragraphs (a list of
 * cases, "Expected …" lines). This turns it into ONE line in the user's language that names the bad
 * value and the allowed ones, using the command line itself to find which option was meant.
 */
import { t } from './messages.ts'

const unquote = (s: string): string => s.trim().replace(/^'(.*)'$/, '$1')

/** The option (and its value) whose value is not one of `allowed`, from the raw arguments. */
const findBadChoice = (
  args: ReadonlyArray<string>,
  allowed: ReadonlyArray<string>
): { option: string; value: string } | null => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-')) continue
    const eq = a.indexOf('=')
    const [option, value] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, args[i + 1]]
    if (value !== undefined && !value.startsWith('-') && !allowed.includes(value)) return { option, value }
  }
  return null
}

/** The option right before `value` on the command line, if any. */
const optionBefore = (args: ReadonlyArray<string>, value: string): string | null => {
  for (let i = 1; i < args.length; i++) {
    if (args[i] === value && (args[i - 1] as string).startsWith('-')) return args[i - 1] as string
    const a = args[i] as string
    if (a.startsWith('--') && a.endsWith(`=${value}`)) return a.slice(0, a.indexOf('='))
  }
  return null
}

type Rule = readonly [RegExp, (m: RegExpExecArray, args: ReadonlyArray<string>) => string]

const RULES: ReadonlyArray<Rule> = [
  [
    /Expected one of the following cases: (.+?)(?:$| {2})/,
    (m, args) => {
      const allowed = (m[1] ?? '').split(',').map((s) => s.trim())
      const bad = findBadChoice(args, allowed)
      return bad
        ? t('invalidChoice', { ...bad, allowed: allowed.join(', ') })
        : t('invalidChoiceNoOption', { allowed: allowed.join(', ') })
    },
  ],
  [/Expected a value following option: '([^']+)'/, (m) => t('missingValue', { option: m[1] ?? '' })],
  [/Expected to find option: '([^']+)'/, (m) => t('missingOption', { option: m[1] ?? '' })],
  [/Missing argument <([^>]+)>/, (m) => t('missingArgument', { name: m[1] ?? '' })],
  [/Received unknown argument: '([^']*)'/, (m) => t('unknownArgument', { value: m[1] ?? '' })],
  [
    /'([^']*)' is not an? integer/,
    (m, args) => {
      const value = m[1] ?? ''
      const option = optionBefore(args, value)
      return option ? t('notAnIntegerFor', { option, value }) : t('notAnInteger', { value })
    },
  ],
  [
    /Invalid subcommand for \S+ - use one of (.+)$/,
    (m) => t('unknownCommand', { allowed: (m[1] ?? '').split(',').map(unquote).join(', ') }),
  ],
]

/** One line for a validation failure whose plain text is `text`, given the command-line `args`. */
export const describeValidation = (text: string, args: ReadonlyArray<string>): string => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const all = lines.join('  ')
  for (const [re, render] of RULES) {
    const m = re.exec(all)
    if (m) return render(m, args)
  }
  return t('invalidArguments', { detail: lines[0] ?? 'unknown' })
}
