// @ts-check
/**
 * src/engine is measured in eight parts, each a run of its own with its own incremental file and
 * report (some 6,800 mutants in all, whose tests are the slowest of the suite: one run of the whole
 * folder is more than 9 hours on two cores, and a run that stops before its end writes nothing; a
 * part is sized to finish within a working session on a quiet machine, 1 to 3 hours). The parts
 * run the folder's test files, less the slow ones of other parts (ENGINE_SKIP in
 * stryker.config.mjs); `npm run mutate -- --table` adds them up in the engine row.
 */
/** @type {Record<string, string[]>} */
export const ENGINE_PARTS = {
  // the exact method: the aggregate's transform, its grid, lattice and accuracy
  'engine-fft': [
    'src/engine/fft/aggregateTransform.ts',
    'src/engine/fft/benchExact.ts',
    'src/engine/fft/chernoff.ts',
    'src/engine/fft/chooseGrid.ts',
    'src/engine/fft/claimPmf.ts',
    'src/engine/fft/costPayout.ts',
    'src/engine/fft/discretise.ts',
    'src/engine/fft/exactAccuracy.ts',
    'src/engine/fft/exactAggregate.ts',
    'src/engine/fft/lattice.ts',
    'src/engine/fft/latticeDistribution.ts',
    'src/engine/fft/quantileBracket.ts',
    'src/engine/fft/realFft.ts',
    'src/engine/fft/roundingDeviation.ts',
    'src/engine/fft/thetaQuadrature.ts',
  ],
  // the exact method: each risk's components
  'engine-fft-build': ['src/engine/fft/buildComponents.ts'],
  // the exact method: the count distribution of capped lump sums and limits over events
  'engine-fft-capped': ['src/engine/fft/cappedEventPmf.ts'],
  // the Monte Carlo: its plan, blocks and claimant loop
  'engine-loop': [
    'src/engine/simulateBlock.ts',
    'src/engine/plan.ts',
    'src/engine/blocks.ts',
    'src/engine/runner.ts',
    'src/engine/simulate.ts',
  ],
  // the cost and count distributions and the cost tables the loop draws from
  'engine-dists': [
    'src/engine/costTable.ts',
    'src/engine/costDistribution.ts',
    'src/engine/countDistribution.ts',
  ],
  // the closed forms
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
  // what is built on a run: comparison, projection, solving, sensitivity, warnings
  'engine-runs': [
    'src/engine/compare.ts',
    'src/engine/diff.ts',
    'src/engine/project.ts',
    'src/engine/sensitivity.ts',
    'src/engine/solve.ts',
    'src/engine/warnings.ts',
  ],
  // the bound on a run's work, decided before anything is computed
  'engine-budget': ['src/engine/workBudget.ts'],
};
