import { defineConfig } from 'vitest/config'

// Four projects: `unit` is the fast default suite and `web` the dashboard's pure modules (both run by
// `pnpm test`); `long` holds fault, crash and scale runs; `browser` drives Debian Chromium against the
// built dashboard. `.ci/run` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'pipeline/**/*.test.ts',
            'server/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/security/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'long',
          include: ['test/long/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // expect.poll's default 1 s is a race on a loaded machine; the selectors' waits already allow 15 s
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
