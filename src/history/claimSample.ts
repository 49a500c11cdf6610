/**
 * A sample of claim costs summarised once for every fit: sorted (for the KS distance and the
 * QQ points), the mean and the mean of the logarithms (sufficient statistics of the lognormal
 * and gamma likelihoods), summed with Neumaier's compensated summation (stats/numerics) so that a million costs
 * lose nothing to rounding. Costs must already be finite and > 0 (fitClaims checks them).
 */
import { sumOf } from '../stats/numerics/neumaierSum.ts';

export interface ClaimSample {
  n: number;
  sorted: Float64Array;
  mean: number;
  /** (1/n) Σ ln x_i. */
  meanLog: number;
}

export function summarise(costs: ArrayLike<number>): ClaimSample {
  const sorted = Float64Array.from(costs).sort();
  const n = sorted.length;
  return {
    n,
    sorted,
    mean: sumOf(n, (i) => sorted[i]) / n,
    meanLog: sumOf(n, (i) => Math.log(sorted[i])) / n,
  };
}
