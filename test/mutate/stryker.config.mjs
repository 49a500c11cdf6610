// @ts-check
/**
 * Mutation testing (StrykerJS) of one folder of src/: the engine, the benefit tables, the scenario
 * IO or the history analysis. Run through `npm run mutate` (test/mutate/run.mjs), which sets
 * HUZHU_MUTATE to the folder; not in CI (hours on two cores). See docs/mutation.md.
 *
 * Incremental: test/mutate/incremental/<folder>.json (committed) holds the last result of every
 * mutant of that folder; a later run re-tests only the mutants whose source or covering tests
 * changed since (`--force` re-tests all). Reports (HTML, JSON) go to test/mutate/reports/
 * (git-ignored); the sandbox to the system's temporary folder, removed after a run that completes.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_PARTS } from './parts.mjs';

const FOLDERS = ['benefits', 'io', 'history', ...Object.keys(ENGINE_PARTS)];
const folder = process.env.HUZHU_MUTATE ?? '';
if (!FOLDERS.includes(folder))
  throw new Error(`HUZHU_MUTATE must name one of ${FOLDERS.join(', ')}: run this through npm run mutate`);
const engine = folder in ENGINE_PARTS;

/**
 * The tests each folder's run executes (`--testFiles a,b` on the command line overrides them): the
 * folder's own unit tests and the others that check its behaviour directly, without the suites
 * that take seconds per run on pathological inputs. Every mutant of schema.ts, messages.ts and the
 * other module-level tables is static (evaluated when the module loads), so Stryker runs every
 * listed test for it: a slow file here costs its time once per static mutant.
 * - io: test/io/neverThrows.test.ts is left out (10 s a run: a million fields, 10,000 levels of
 *   nesting); the size and depth limits it exercises are also tested at their bounds in
 *   test/io/bounds.test.ts and validate.test.ts.
 * - engine: the oracle (test/oracle, the independent simulator) and the scenarios' verdicts are in.
 *   A part leaves out the slow files that exercise another part (ENGINE_SKIP): a surviving
 *   mutant runs every test that reaches it, and simulate.test.ts (every bundled scenario at 4,000
 *   iterations, 42 s uninstrumented), project.test.ts (17 s) and fft/exact2.test.ts (12 s) reach
 *   nearly every mutant of the closed forms. Leaving a test out can only lower a part's score (a
 *   mutant only it would kill counts as survived), never raise it.
 */
const TEST_FILES = {
  benefits: ['test/benefits/**/*.test.ts', 'test/engine/expectedBenefit.test.ts'],
  history: ['test/history/**/*.test.ts', 'test/messages/history.test.ts', 'test/charts/qqPlot.test.ts'],
  io: [
    'test/io/!(neverThrows).test.ts',
    'test/messages/validation.test.ts',
    'test/property/validate.test.ts',
  ],
  engine: [
    'test/engine/**/*.test.ts',
    'test/oracle/**/*.test.ts',
    'test/scenarios/**/*.test.ts',
    'test/property/regressions.test.ts',
  ],
};

/**
 * The engine's slow test files each part leaves out (the part they test keeps them), by base name
 * (simulate.test.ts, project.test.ts, exact2.test.ts: each name is one file under test/engine).
 * Stryker's testFiles take no negated patterns, so they go into an extglob.
 */
const ENGINE_SKIP = {
  'engine-expected': ['simulate', 'project', 'exact2'],
};
/**
 * Parts whose run executes only their direct tests. engine-dists: every mutant of the cost and count
 * distributions is reached by nearly every scenario-level test (the oracle, each bundled scheme's
 * verdict), some 20 s a mutant; its own files check each function against an independent
 * derivation. A lower bound, as above.
 */
const ENGINE_ONLY = {
  // engine-loop: the plan, the blocks and the claimant loop where every payment is fixed (exact
  // totals) or against closed forms within 4 SE, assemble and summarise on hand-made blocks (some
  // 5 s of tests). The oracle (test/oracle) draws its sample in a beforeAll, outside any test, so
  // Stryker would count it as reaching every mutant and run it for each; simulate.test.ts (42 s)
  // and fftMonteCarlo.test.ts (143 s) are left out.
  'engine-loop': [
    'test/engine/planUnits.test.ts',
    'test/engine/simulateBlockUnits.test.ts',
    'test/engine/simulateBlockEvents.test.ts',
    'test/engine/simulateUnits.test.ts',
    'test/engine/loopModuleLevel.test.ts',
    'test/engine/sharedEvents.test.ts',
    'test/engine/verdict.test.ts',
    'test/engine/thresholds.test.ts',
  ],
  // engine-fft: each module of the transform, grid, lattice and accuracy against figures worked in
  // the test (a naive DFT, Poisson, negative-binomial and Panjer sums, closed-form Chernoff points;
  // some 5 s in all), and two scenario-level files for what those do not reach: fftExact (each
  // quantile inside its guaranteed bracket, 6 s) and exactAccuracy (a Pareto refused even on the
  // finer grid, 8 s). exact2 (32 s) and fftMonteCarlo (143 s) are left out.
  'engine-fft': [
    'test/engine/fft/realFft.test.ts',
    'test/engine/fft/lattice.test.ts',
    'test/engine/fft/chooseGrid.test.ts',
    'test/engine/fft/discretise.test.ts',
    'test/engine/fft/latticeDistribution.test.ts',
    'test/engine/fft/quantileBracket.test.ts',
    'test/engine/fft/roundingDeviation.test.ts',
    'test/engine/fft/chernoff.test.ts',
    'test/engine/fft/thetaQuadrature.test.ts',
    'test/engine/fft/claimUnits.test.ts',
    'test/engine/fft/aggregateUnits.test.ts',
    'test/engine/fft/exactUnits.test.ts',
    'test/engine/fft/accuracyUnits.test.ts',
    'test/engine/fftExact.test.ts',
    'test/engine/exactAccuracy.test.ts',
  ],
  // engine-fft-build: each component of small schemes against figures worked by hand (about 1 s), and
  // the shared events against the Monte Carlo (2 s). The scenario-level files (fftExact 6 s,
  // exactAccuracy 8 s, exact2 32 s, fftMonteCarlo 143 s) reach nearly every mutant through
  // exactAggregate and are left out.
  'engine-fft-build': [
    'test/engine/fft/buildComponentsUnits.test.ts',
    'test/engine/fft/buildComponentsEvents.test.ts',
    'test/engine/sharedEvents.test.ts',
  ],
  // engine-fft-capped: the count distribution of hand-built capped components against Poisson,
  // negative-binomial and binomial sums worked in the test (about 1 s), and the shared events (2 s).
  'engine-fft-capped': ['test/engine/fft/cappedEventPmfUnits.test.ts', 'test/engine/sharedEvents.test.ts'],
  // engine-runs: comparison, diff, projection, sensitivity, solver and warnings against figures
  // worked by hand; project.test.ts (35 s: worker threads, 1,000 iterations over 6 years) and the
  // oracle's projection are left out.
  'engine-runs': [
    'test/engine/compare.test.ts',
    'test/engine/compareUnits.test.ts',
    'test/engine/diffFields.test.ts',
    'test/engine/projectUnits.test.ts',
    'test/engine/sensitivity.test.ts',
    'test/engine/sensitivityMoves.test.ts',
    'test/engine/solve.test.ts',
    'test/engine/solveUnits.test.ts',
    'test/engine/thresholds.test.ts',
    'test/engine/warningsUnits.test.ts',
    'test/property/warnings.test.ts',
  ],
  // engine-budget: the work bound against its documented weights, part by part; the property test
  // of no hang (test/property/noHang.test.ts, 9 s a run) reaches every mutant and is left out.
  'engine-budget': [
    'test/engine/workBudget.test.ts',
    'test/engine/workBudgetUnits.test.ts',
    'test/engine/workBudgetExact.test.ts',
  ],
  'engine-dists': [
    'test/engine/countDistribution.test.ts',
    'test/engine/costDistribution.test.ts',
    'test/engine/costTable.test.ts',
    'test/engine/costTableEdges.test.ts',
    'test/engine/expectedBenefit.test.ts',
    'test/engine/expectedBenefitSteps.test.ts',
    'test/engine/expectedLimit.test.ts',
    'test/engine/expectedLimitCases.test.ts',
    'test/engine/paidProbability.test.ts',
    'test/property/regressions.test.ts',
  ],
};
const engineTests = (part) => {
  if (part in ENGINE_ONLY) return ENGINE_ONLY[part];
  const skip = ENGINE_SKIP[part];
  return skip.length === 0
    ? TEST_FILES.engine
    : [`test/engine/**/!(${skip.join('|')}).test.ts`, ...TEST_FILES.engine.slice(1)];
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: the first run executes only the test files that import the folder, directly or not.
  vitest: { configFile: 'test/mutate/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  testFiles: engine ? engineTests(folder) : TEST_FILES[folder],
  mutate: [
    ...(engine ? ENGINE_PARTS[folder] : [`src/${folder}/**/*.ts`]),
    // A script, not a module: it writes the schema file (npm run schema) and no test imports it.
    '!src/io/writeSchema.ts',
  ],
  ignorePatterns: ['dist', 'coverage', 'test/e2e', 'test/mutate/reports', '.scratch', '*.log'],
  incremental: true,
  incrementalFile: `test/mutate/incremental/${folder}.json`,
  // The sandbox (a copy of the repository per run) lives outside the repository, so that tsc,
  // ESLint and vitest over test/ never see its instrumented copies.
  tempDirName: join(tmpdir(), 'huzhu-stryker'),
  cleanTempDir: true,
  concurrency: 2,
  // The first run executes every related unit test once, in one thread, to learn which tests
  // reach which mutant (perTest): many minutes on a shared machine.
  dryRunTimeoutMinutes: 60,
  timeoutMS: 10_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `test/mutate/reports/${folder}.html` },
  jsonReporter: { fileName: `test/mutate/reports/${folder}.json` },
  clearTextReporter: { allowColor: false, logTests: false, allowEmojis: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
};
