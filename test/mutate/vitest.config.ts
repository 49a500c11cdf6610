/**
 * The vitest configuration that `npm run mutate` (test/mutate/stryker.config.mjs) runs under
 * Stryker: the project's own (vite.config.ts) with the test files narrowed to the in-process unit
 * tests. Left out, and why:
 * - test/e2e: browser tests of the built app.
 * - test/cli, test/property/cli.test.ts, test/runners/pool.test.ts,
 *   test/engine/fftMonteCarlo.test.ts: they run the code in a child process or in worker threads,
 *   where no mutant is active, so they can neither kill a mutant nor report which mutants they
 *   reach (the last, 100,000 iterations of every bundled scenario, also overruns its 180 s limit
 *   when instrumented).
 * - test/lint: ESLint and tsc over the source, not the code under test.
 * - test/property/engine.test.ts: 200 generated scenarios, each simulated and projected. It
 *   reaches nearly every engine mutant, so every surviving mutant would re-run all 200; it checks
 *   that figures are finite and ordered, which the engine's unit tests check on fixed scenarios.
 * - test/property/extremes.test.ts: it holds table builds to a wall-clock budget that
 *   instrumented code overruns (a timing failure, not a mutant caught).
 * The other property tests (validate, warnings, regressions) run.
 */
import { defineConfig } from 'vitest/config';
import base from '../../vite.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Stryker times each mutant's run itself (from the first run's durations); vitest's own limit
    // only has to outlast instrumented code on a busy machine.
    testTimeout: 600_000,
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/e2e/**',
      'test/cli/**',
      'test/property/cli.test.ts',
      'test/property/extremes.test.ts',
      'test/property/engine.test.ts',
      'test/runners/pool.test.ts',
      'test/engine/fftMonteCarlo.test.ts',
      'test/lint/**',
      'node_modules/**',
    ],
  },
});
