import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests are sized by the work they do; these limits only guard against a hang, and are generous so
    // that a machine busy with other work does not fail a test that would pass.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
