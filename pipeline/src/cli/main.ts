#!/usr/bin/env node
/**
 * `thidua`: the command line of Thi Đua Atlas. This entry starts in about the time of a bare Node
 * start: it prints help texts recorded at build time from the real @effect/cli definitions
 * (help-build.ts), and runs `sql`, `extract` and `serve` with plain arguments through fast.ts without
 * loading Effect. Every other command line goes to the full @effect/cli program (full.ts), which the
 * fast paths mirror; subcommands are listed in ./registry.ts.
 */
import { readFileSync } from 'node:fs'
import { fail } from './fail.ts'
import { planFast } from './fast-args.ts'
import { setLang, takeLangOption } from './messages.ts'

/** The recorded help text for `key`, or null (not built, unknown command: the full path answers). */
const recordedHelp = (key: string): string | null => {
  // The build makes this the compiled file's URL (build-constants.d.ts); under tsx it is undefined.
  if (typeof __THIDUA_OUTPUT_URL__ !== 'string') return null
  try {
    const texts = JSON.parse(readFileSync(new URL('./help.json', __THIDUA_OUTPUT_URL__), 'utf8'))
    return typeof texts[key] === 'string' ? texts[key] : null
  } catch {
    return null
  }
}

const run = async (args: string[]): Promise<void> => {
  const plan = planFast(args, process.env)
  if (plan?.command === 'help') {
    const text = recordedHelp(plan.key)
    if (text !== null) {
      process.stdout.write(text)
      return
    }
  } else if (plan !== null) return (await import('./fast.ts')).runFast(plan)
  return (await import('./full.ts')).runFull(args)
}

const { lang, args, error } = takeLangOption(process.argv.slice(2), process.env)
setLang(lang)
if (error !== null) fail(error)
else run(args).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)))
