/**
 * How well a fitted cost distribution matches the sample:
 * - the Kolmogorov–Smirnov distance D = sup_x |F_n(x) − F(x)| = max_i max(F(x_(i)) − (i−1)/n,
 *   i/n − F(x_(i))) over the sorted sample (i = 1…n). With parameters estimated from the same
 *   data, D is smaller than under a fixed null (Lilliefors 1967), so 1.36/√n, the 5% critical
 *   value of the standard test, is a conservative yardstick, not a p-value;
 * - QQ points for a chart: at p_j = (j − ½)/m, j = 1…m (m = min(n, points)), the fitted
 *   quantile F⁻¹(p_j) against the empirical quantile of type 7 (stats/quantile.ts, as R and numpy);
 * - AIC = 2k − 2ℓ with k = 2 parameters for every family here (Akaike 1974; smaller is better).
 */
import type { CostDist } from '../domain/scenario.ts';
import { continuousCost } from '../engine/costDistribution.ts';
import { quantileSorted } from '../stats/quantile.ts';

export interface QqPoint {
  p: number;
  theoretical: number;
  empirical: number;
}

export function ksDistance(sorted: Float64Array, dist: CostDist): number {
  const F = continuousCost(dist);
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = F.cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

export function qqPoints(sorted: Float64Array, dist: CostDist, points = 100): QqPoint[] {
  const F = continuousCost(dist);
  const m = Math.min(sorted.length, points);
  const out: QqPoint[] = [];
  for (let j = 1; j <= m; j++) {
    const p = (j - 0.5) / m;
    out.push({ p, theoretical: F.quantile(p), empirical: quantileSorted(sorted, p) });
  }
  return out;
}

export function aic(logLik: number, parameters = 2): number {
  return 2 * parameters - 2 * logLik;
}
