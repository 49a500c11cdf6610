/**
 * A sample of claim costs summarised once for every fit: sorted (for the KS distance and the
 * QQ points), the mean and the mean of the logarithms (sufficient statistics of the lognormal
 * and gamma likelihoods), summed with Neumaier's compensated summation so that a million costs
 * lose nothing to rounding. Costs must already be finite and > 0 (fitClaims checks them).
 */
export interface ClaimSample {
  n: number;
  sorted: Float64Array;
  mean: number;
  /** (1/n) Σ ln x_i. */
  meanLog: number;
}

/** Σ of `terms(i)` for i < n, compensated (Neumaier 1974). */
export function compensatedSum(n: number, terms: (i: number) => number): number {
  let sum = 0, c = 0;
  for (let i = 0; i < n; i++) {
    const t = terms(i);
    const s = sum + t;
    c += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum;
    sum = s;
  }
  return sum + c;
}

export function summarise(costs: ArrayLike<number>): ClaimSample {
  const sorted = Float64Array.from(costs).sort();
  const n = sorted.length;
  return {
    n,
    sorted,
    mean: compensatedSum(n, (i) => sorted[i]) / n,
    meanLog: compensatedSum(n, (i) => Math.log(sorted[i])) / n,
  };
}
