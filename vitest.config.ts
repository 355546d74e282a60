import { defineConfig } from 'vitest/config';

// The gate runs with fixed seeds (see properties/seeds.ts); nightly rotates them (TTC_NIGHTLY=1).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/out/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
