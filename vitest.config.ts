import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB work runs on libuv's pool; two cores here, so keep file-level parallelism modest.
    maxWorkers: 2,
  },
});
