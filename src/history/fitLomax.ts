/**
 * Pareto II (Lomax) maximum likelihood, P(X > x) = (s/(x + s))^α, density (α/s)(1 + x/s)^{−(α+1)}:
 *
 *   ℓ(α, s) = n ln α − n ln s − (α + 1)·T(s),   T(s) = Σ ln(1 + x_i/s).
 *
 * For fixed s the shape has the closed form α̂(s) = n / T(s), leaving the profile likelihood
 *
 *   ℓ_p(s) = n ln n − n ln T(s) − n ln s − n − T(s),
 *
 * maximised over u = ln s on [ln(x_min/1000), ln(10⁴·x_max)] (stats/numerics/maximise.ts: a
 * grid, then golden section). As s → ∞ with α = n/T(s) the Lomax tends to the exponential with the sample mean,
 * and ℓ_p to its likelihood; when the maximum sits at the upper bound the costs are lighter-
 * tailed than any Lomax and the fit is that limit (note `fitExponentialLimit`). A shape α̂ ≤ 1
 * means a tail so heavy that the mean is infinite: the fit is returned with note `fitNoMean`
 * (the scenario validator refuses such a Pareto; its quantiles and CDF remain valid for the QQ
 * chart and the KS distance).
 */
import type { ClaimSample } from './claimSample.ts';
import { sumOf } from '../stats/numerics/neumaierSum.ts';
import type { FamilyFit } from './fitLognormal.ts';
import { maximise } from '../stats/numerics/maximise.ts';

export function fitLomax(sample: ClaimSample): FamilyFit {
  const { n, sorted } = sample;
  const T = (s: number) => sumOf(n, (i) => Math.log1p(sorted[i] / s));
  const profile = (u: number) => {
    const s = Math.exp(u);
    const t = T(s);
    return n * Math.log(n) - n * Math.log(t) - n * u - n - t;
  };
  const lo = Math.log(sorted[0] / 1000);
  const hi = Math.log(sorted[n - 1] * 1e4);
  const best = maximise(profile, lo, hi, 120, 1e-12);
  const scale = Math.exp(best.x);
  const shape = n / T(scale);
  const notes: FamilyFit['notes'] = [];
  if (best.atBound === 'upper') notes.push('fitExponentialLimit');
  if (shape <= 1) notes.push('fitNoMean');
  return { dist: { dist: 'pareto', scale, shape }, params: { scale, shape }, logLik: best.fx, notes };
}
