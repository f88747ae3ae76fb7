/**
 * The walls between folders (issue #15). `pnpm depcheck` runs this; a fast test runs it too, so a
 * forbidden import fails the suite. Paths are relative to the repository root.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle hides the order in which modules can be understood and tested.',
      from: {},
      to: { circular: true, viaOnly: { pathNot: '^node_modules' } },
    },
    {
      name: 'web-not-pipeline',
      severity: 'error',
      comment: 'The dashboard talks to the server over HTTP only.',
      from: { path: '^web/' },
      to: { path: '^pipeline/' },
    },
    {
      name: 'server-not-stages',
      severity: 'error',
      comment: 'The server reads the published database; it never crawls, parses or extracts.',
      from: { path: '^server/src/' },
      to: { path: '^pipeline/src/(crawl|parse|extract)/' },
    },
    {
      name: 'extract-is-pure',
      severity: 'error',
      comment: 'Extraction works on text alone: no warehouse, parser or snapshot behind it.',
      from: { path: '^pipeline/src/extract/' },
      to: { path: '^pipeline/src/(warehouse|parse|snapshot)/' },
    },
    {
      name: 'parse-not-crawl',
      severity: 'error',
      comment: 'Parsing works on bytes and headers; the crawler calls it, never the reverse.',
      from: { path: '^pipeline/src/parse/' },
      to: { path: '^pipeline/src/crawl/' },
    },
    {
      name: 'platforms-are-leaves',
      severity: 'error',
      comment:
        'A platform folder says how its pages look (URLs, selectors, renderer); the crawler, parser and snapshot read it, never the reverse.',
      from: { path: '^pipeline/src/platforms/', pathNot: '\\.test\\.ts$' },
      to: { path: '^pipeline/src/(crawl|extract|warehouse|run|cli|simulator|generator)/' },
    },
    {
      name: 'no-test-kit-in-production',
      severity: 'error',
      comment: 'Fixtures and site servers are for tests only.',
      from: { path: '^(pipeline|server|web)/src/', pathNot: '\\.(test|bench)\\.tsx?$|/testing/' },
      to: { path: '(^test-kit/|/testing/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
}
