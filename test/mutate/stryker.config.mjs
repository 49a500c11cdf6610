// @ts-check
/**
 * Mutation testing (StrykerJS) of the engine, the benefit tables, the scenario IO and the history
 * analysis: `npm run mutate`. Not in CI (hours on two cores); see docs/mutation.md.
 *
 *   npm run mutate                                   every folder below, incrementally
 *   npm run mutate -- --mutate 'src/benefits/**\/*.ts'   one folder (or file, or file:lines)
 *   npm run mutate -- --force                        every mutant again, ignoring the incremental file
 *
 * Incremental: test/mutate/stryker-incremental.json (committed) holds the last result of every
 * mutant; a later run re-tests only the mutants whose source or covering tests changed since.
 * Reports (HTML, JSON) go to test/mutate/reports/ (git-ignored); the sandbox to the system's
 * temporary folder, removed after a run that completes.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutate/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/engine/**/*.ts',
    'src/benefits/**/*.ts',
    'src/io/**/*.ts',
    'src/history/**/*.ts',
    // A script, not a module: it writes the schema file (npm run schema) and no test imports it.
    '!src/io/writeSchema.ts',
  ],
  ignorePatterns: ['dist', 'coverage', 'test/e2e', 'test/mutate/reports', '.scratch', '*.log'],
  incremental: true,
  incrementalFile: 'test/mutate/stryker-incremental.json',
  // The sandbox (a copy of the repository per run) lives outside the repository, so that tsc,
  // ESLint and vitest over test/ never see its instrumented copies.
  tempDirName: join(tmpdir(), 'huzhu-stryker'),
  cleanTempDir: true,
  concurrency: 2,
  // The first run executes every unit test once, single-threaded, to learn which tests reach which
  // mutant (perTest): minutes on a shared machine.
  dryRunTimeoutMinutes: 60,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'test/mutate/reports/mutation.html' },
  jsonReporter: { fileName: 'test/mutate/reports/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, allowEmojis: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
};
