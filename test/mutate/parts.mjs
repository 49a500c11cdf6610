// @ts-check
/**
 * src/engine is measured in four parts, each a run of its own with its own incremental file and
 * report (6,779 mutants in all, whose tests are the slowest of the suite: one run of the whole
 * folder is some 9 hours on two cores, and a run that stops before its end writes nothing). The
 * parts run the folder's test files; `npm run mutate -- --table` adds them up in the engine row.
 */
/** @type {Record<string, string[]>} */
export const ENGINE_PARTS = {
  'engine-fft': ['src/engine/fft/**/*.ts'],
  'engine-loop': [
    'src/engine/simulateBlock.ts',
    'src/engine/plan.ts',
    'src/engine/costTable.ts',
    'src/engine/blocks.ts',
    'src/engine/runner.ts',
    'src/engine/simulate.ts',
    'src/engine/costDistribution.ts',
    'src/engine/countDistribution.ts',
  ],
  'engine-expected': [
    'src/engine/expected.ts',
    'src/engine/expectedBenefit.ts',
    'src/engine/expectedLimit.ts',
    'src/engine/exposure.ts',
    'src/engine/paidProbability.ts',
    'src/engine/breakEvenPerMember.ts',
    'src/engine/scaleContributions.ts',
    'src/engine/splitContributions.ts',
    'src/engine/fund.ts',
  ],
  'engine-runs': [
    'src/engine/compare.ts',
    'src/engine/diff.ts',
    'src/engine/project.ts',
    'src/engine/sensitivity.ts',
    'src/engine/solve.ts',
    'src/engine/warnings.ts',
    'src/engine/workBudget.ts',
  ],
};
