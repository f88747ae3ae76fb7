import { PassThrough } from 'node:stream'
import { Effect, Either } from 'effect'
import { afterEach, describe, expect, it } from 'vitest'
import { validateSources } from '../crawl/sources.ts'
import { runExtractStream } from './commands/extract.ts'
import { langFromEnv, setLang, takeLangOption } from './messages.ts'
import { commands, loadCommands } from './registry.ts'
import { notHtmlKind } from './sniff.ts'
import { describeValidation } from './validation.ts'

afterEach(() => setLang('vi'))

describe('language', () => {
  it('is Vietnamese unless the locale or --lang says English', () => {
    expect(langFromEnv({})).toBe('vi')
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('vi')
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en')
    expect(takeLangOption(['--lang', 'en', 'sql', 'x'], {})).toEqual({
      lang: 'en',
      args: ['sql', 'x'],
      error: null,
    })
    expect(takeLangOption(['sql', '--lang=vi'], { LANG: 'en_US' }).lang).toBe('vi')
    // After `--` everything is the command's own.
    expect(takeLangOption(['sql', '--', '--lang', 'en'], {}).args).toEqual(['sql', '--', '--lang', 'en'])
    expect(takeLangOption(['--lang', 'fr'], { LANG: 'en_US' }).error).toBe(
      "invalid value for --lang: 'fr' (allowed: vi, en)"
    )
  })
})

describe('validation errors', () => {
  it('names the option, the bad value and the allowed values in one line', () => {
    const text = 'Expected one of the following cases: parquet, csv, json, arrow\n\n'
    setLang('en')
    expect(describeValidation(text, ['export', '--format', 'xml'])).toBe(
      "invalid value for --format: 'xml' (allowed: parquet, csv, json, arrow)"
    )
    setLang('vi')
    expect(describeValidation(text, ['export', '--format=xml'])).toBe(
      "giá trị không hợp lệ cho --format: 'xml' (được phép: parquet, csv, json, arrow)"
    )
  })

  it('turns each @effect/cli failure into one line', () => {
    setLang('en')
    const cases: Array<[string, string[], string]> = [
      ["Expected to find option: '--format'", ['export'], 'missing required option --format'],
      ['Missing argument <query>', ['sql'], 'missing argument <query>'],
      ["Received unknown argument: '5'", ['sql', '--limit', '5'], "unknown argument: '5' (see --help)"],
      [
        "'abc' is not a integer",
        ['serve', '--port', 'abc'],
        "invalid value for --port: 'abc' (an integer is expected)",
      ],
      [
        "Invalid subcommand for thidua - use one of 'run', 'sql'",
        ['runn'],
        'unknown command (commands: run, sql)',
      ],
      ['Something new\nsecond line', [], 'invalid arguments: Something new'],
    ]
    for (const [text, args, line] of cases) expect(describeValidation(text, args)).toBe(line)
  })
})

describe('sources file errors', () => {
  it('give one line per bad field, naming the value and the allowed ones', () => {
    const entry = {
      id: 'x',
      name: 'X',
      kind: 'blog',
      province_code_2008: null,
      province_code_2025: null,
      platform: 'joomla',
      base_url: 'https://x.vn/',
      entry_points: [],
    }
    const r = validateSources([entry], 'sources.json')
    const lines = Either.isLeft(r) ? r.left.message.split('\n').slice(1) : []
    expect(lines.map((l) => l.trim())).toEqual([
      'entry 0 ("x"): field kind: "blog" is not one of portal, newspaper, tv, other',
      'entry 0 ("x"): field platform: "joomla" is not one of nukeviet, gov-portal, liferay, drupal, wordpress, newspaper-post, baonghean, generic',
    ])
  })
})

describe('registry', () => {
  it('loads only the named command, or all of them for the top-level help', async () => {
    expect((await loadCommands(['extract', '--strict'])).length).toBe(1)
    expect((await loadCommands(['--help'])).length).toBe(Object.keys(commands).length)
  })
})

describe('notHtmlKind', () => {
  const bytes = (s: string) => new TextEncoder().encode(s)
  it('accepts pages and refuses binary or markup-free files', () => {
    expect(notHtmlKind(bytes('<!DOCTYPE html><html><body><p>Xin chào</p></body></html>'))).toBeNull()
    expect(notHtmlKind(bytes('  <div class="x">tin</div>'))).toBeNull()
    expect(notHtmlKind(bytes('%PDF-1.7\n...'))).toBe('PDF')
    expect(notHtmlKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe('PNG')
    expect(notHtmlKind(new Uint8Array([1, 2, 0, 4, 5]))).toBe('binary data')
    expect(notHtmlKind(bytes('Chỉ là văn bản thường, không có thẻ nào.'))).toBe('no HTML markup')
    expect(notHtmlKind(new Uint8Array())).toBe('empty file')
  })
})

describe('thidua extract stream', () => {
  const run = async (input: string, strict: boolean) => {
    const inp = new PassThrough()
    const out = new PassThrough()
    let text = ''
    out.on('data', (c: Buffer) => {
      text += c.toString('utf8')
    })
    inp.end(input)
    const result = await Effect.runPromise(Effect.either(runExtractStream(inp, out, { strict })))
    return { result, lines: text.split('\n').filter((l) => l !== '') }
  }
  const good = JSON.stringify({ id: 'a', text: 'Kế hoạch số 138/KH-UBND ngày 10/6/2024' })

  it('reports a bad line as an object with its line number and goes on', async () => {
    const { result, lines } = await run(`${good}\nnot json\n\n{"id":"c","text":5}\n${good}\n`, false)
    expect(Either.getOrThrow(result)).toEqual({ lines: 4, failed: 2 })
    expect(lines).toHaveLength(4)
    expect(JSON.parse(lines[0] ?? '').documents.length).toBeGreaterThan(0)
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ id: null, line: 2 })
    expect(JSON.parse(lines[1] ?? '').error).toMatch(/^not JSON/)
    expect(JSON.parse(lines[2] ?? '')).toEqual({ id: 'c', line: 4, error: '"text" must be a string' })
  })

  it('stops at the first bad line with --strict', async () => {
    setLang('en')
    const { result, lines } = await run(`${good}\n{"id":"b"}\n${good}\n`, true)
    expect(lines).toHaveLength(1)
    expect(Either.isLeft(result) && result.left.message).toBe('line 2: "text" must be a string')
  })
})
