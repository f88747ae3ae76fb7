/**
 * The command line's own messages, in Vietnamese (default) and English. The language is `--lang en|vi`,
 * else English when LC_ALL, LC_MESSAGES or LANG starts with "en". Messages from deeper modules (the
 * warehouse, the crawler) pass through as they are; every message is one line.
 */
export type Lang = 'vi' | 'en'

type Params = Record<string, string | number>
type Text = (p: Params) => string

const catalogue = {
  invalidChoice: {
    vi: (p) => `giá trị không hợp lệ cho ${p.option}: '${p.value}' (được phép: ${p.allowed})`,
    en: (p) => `invalid value for ${p.option}: '${p.value}' (allowed: ${p.allowed})`,
  },
  invalidChoiceNoOption: {
    vi: (p) => `giá trị không hợp lệ (được phép: ${p.allowed})`,
    en: (p) => `invalid value (allowed: ${p.allowed})`,
  },
  notAnInteger: {
    vi: (p) => `'${p.value}' không phải là số nguyên`,
    en: (p) => `'${p.value}' is not an integer`,
  },
  notAnIntegerFor: {
    vi: (p) => `giá trị không hợp lệ cho ${p.option}: '${p.value}' (cần một số nguyên)`,
    en: (p) => `invalid value for ${p.option}: '${p.value}' (an integer is expected)`,
  },
  missingValue: {
    vi: (p) => `thiếu giá trị sau ${p.option}`,
    en: (p) => `${p.option} needs a value`,
  },
  missingOption: {
    vi: (p) => `thiếu tuỳ chọn bắt buộc ${p.option}`,
    en: (p) => `missing required option ${p.option}`,
  },
  missingArgument: {
    vi: (p) => `thiếu đối số <${p.name}>`,
    en: (p) => `missing argument <${p.name}>`,
  },
  unknownArgument: {
    vi: (p) => `đối số không được chấp nhận: '${p.value}' (xem --help)`,
    en: (p) => `unknown argument: '${p.value}' (see --help)`,
  },
  unknownCommand: {
    vi: (p) => `lệnh không tồn tại (các lệnh: ${p.allowed})`,
    en: (p) => `unknown command (commands: ${p.allowed})`,
  },
  invalidArguments: {
    vi: (p) => `đối số không hợp lệ: ${p.detail}`,
    en: (p) => `invalid arguments: ${p.detail}`,
  },
  invalidLang: {
    vi: (p) => `giá trị không hợp lệ cho --lang: '${p.value}' (được phép: vi, en)`,
    en: (p) => `invalid value for --lang: '${p.value}' (allowed: vi, en)`,
  },
  dbNotFound: {
    vi: (p) => `không tìm thấy tệp cơ sở dữ liệu: ${p.file} (hãy chạy \`pnpm thidua run\` trước)`,
    en: (p) => `database file not found: ${p.file} (run \`pnpm thidua run\` first)`,
  },
  exportFailed: {
    vi: (p) => `xuất dữ liệu thất bại: ${p.detail}`,
    en: (p) => `export failed: ${p.detail}`,
  },
  exported: {
    vi: (p) =>
      `đã xuất ${p.tables} bảng/khung nhìn (${p.rows} dòng) từ ${p.source} vào ${p.out} (kèm data_dictionary.csv)`,
    en: (p) =>
      `exported ${p.tables} tables/views (${p.rows} rows) from ${p.source} to ${p.out} (with data_dictionary.csv)`,
  },
  finalizeFailed: {
    vi: (p) => `hoàn tất thất bại: ${p.detail}`,
    en: (p) => `finalize failed: ${p.detail}`,
  },
  finalized: {
    vi: (p) =>
      `đã hoàn tất ${p.file} (${p.mode}, ${p.changed} bài thay đổi, ${p.seconds} giây) và công bố phiên bản ${p.version}`,
    en: (p) =>
      `finalized ${p.file} (${p.mode}, ${p.changed} changed articles, ${p.seconds} s) and published version ${p.version}`,
  },
  extractBadLine: {
    vi: (p) => `dòng ${p.line}: ${p.detail}`,
    en: (p) => `line ${p.line}: ${p.detail}`,
  },
  extractFailedLines: {
    vi: (p) => `${p.failed}/${p.total} dòng đầu vào bị lỗi (xem các đối tượng {"line","error"} ở stdout)`,
    en: (p) => `${p.failed} of ${p.total} input lines failed (see the {"line","error"} objects on stdout)`,
  },
  extractStreamFailed: {
    vi: (p) => `không đọc được luồng đầu vào: ${p.detail}`,
    en: (p) => `extract stream failed: ${p.detail}`,
  },
  notHtml: {
    vi: (p) => `${p.file} không phải là trang HTML (${p.kind})`,
    en: (p) => `${p.file} is not an HTML page (${p.kind})`,
  },
  kindBinary: { vi: () => 'dữ liệu nhị phân', en: () => 'binary data' },
  kindNoMarkup: { vi: () => 'không có thẻ HTML', en: () => 'no HTML markup' },
  kindEmpty: { vi: () => 'tệp rỗng', en: () => 'empty file' },
  noSuchPath: {
    vi: (p) => `không có tệp hoặc thư mục: ${p.path}`,
    en: (p) => `no such file or folder: ${p.path}`,
  },
  generatedWithLive: {
    vi: () => '--generated là kho ngữ liệu ngoại tuyến; bỏ --live',
    en: () => '--generated is an offline corpus; drop --live',
  },
  snapshotAndGenerated: {
    vi: () => 'chỉ dùng một trong --snapshot hoặc --generated',
    en: () => 'give either --snapshot or --generated, not both',
  },
  noCorpus: {
    vi: (p) => `${p.dir} không có corpus.json: hãy tạo bằng \`thidua generate --out DIR\``,
    en: (p) => `${p.dir} holds no corpus.json: write one with \`thidua generate --out DIR\``,
  },
} satisfies Record<string, Record<Lang, Text>>

export type MessageKey = keyof typeof catalogue

let current: Lang = 'vi'

export const setLang = (lang: Lang): void => {
  current = lang
}
export const getLang = (): Lang => current

/** The message `key` in the current language. */
export const t = (key: MessageKey, params: Params = {}): string => catalogue[key][current](params)

/** The language the environment asks for: English for an `en*` locale, Vietnamese otherwise. */
export const langFromEnv = (env: NodeJS.ProcessEnv): Lang => {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en/i.test(locale) ? 'en' : 'vi'
}

/**
 * Takes `--lang X` / `--lang=X` out of the arguments (the option applies to every command, so it is
 * handled before @effect/cli sees them). Returns an error message for a value other than vi or en.
 */
export const takeLangOption = (
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv
): { lang: Lang; args: string[]; error: string | null } => {
  const rest: string[] = []
  let asked: string | null = null
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      rest.push(...args.slice(i))
      break
    }
    if (a === '--lang') asked = args[++i] ?? ''
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length)
    else rest.push(a)
  }
  if (asked === null) return { lang: langFromEnv(env), args: rest, error: null }
  if (asked === 'vi' || asked === 'en') return { lang: asked, args: rest, error: null }
  const lang = langFromEnv(env)
  setLang(lang)
  return { lang, args: rest, error: t('invalidLang', { value: asked }) }
}

/** An error whose message is already written for the user (one line, in the current language). */
export class CliError extends Error {
  override readonly name = 'CliError'
}

export const cliError = (key: MessageKey, params: Params = {}): CliError => new CliError(t(key, params))
