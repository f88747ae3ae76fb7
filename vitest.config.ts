import { defineConfig } from 'vitest/config'

// Three projects: `unit` is the fast default suite (`pnpm test`); `long` holds fault, crash and
// scale runs; `browser` drives Debian Chromium against the built dashboard. `.ci/run` runs all three.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['pipeline/**/*.test.ts', 'server/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
