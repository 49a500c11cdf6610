/**
 * Lognormal maximum likelihood, in closed form: with y_i = ln x_i,
 *   μ̂ = (1/n) Σ y_i,  σ̂² = (1/n) Σ (y_i − μ̂)²  (the MLE divides by n, not n − 1),
 *   ℓ = −Σ y_i − n ln σ̂ − (n/2) ln 2π − n/2.
 * In the scenario's parametrisation: mean = e^{μ̂ + σ̂²/2}, cv = √(e^{σ̂²} − 1).
 */
import type { CostDist } from '../domain/scenario.ts';
import { sumOf } from '../stats/numerics/neumaierSum.ts';
import type { ClaimSample } from './claimSample.ts';

export interface FamilyFit {
  dist: CostDist;
  /** The family's own parameters: lognormal { mu, sigma }, gamma { shape, scale }, Pareto II { scale, shape }. */
  params: Record<string, number>;
  logLik: number;
  /** Notes on the fit, as message keys (the caller words them). */
  notes: ('fitNoMean' | 'fitExponentialLimit')[];
}

export function fitLognormal(s: ClaimSample): FamilyFit {
  const { n, sorted, meanLog: mu } = s;
  const s2 = sumOf(n, (i) => (Math.log(sorted[i]) - mu) ** 2) / n;
  const sigma = Math.sqrt(s2);
  const logLik = -n * mu - n * Math.log(sigma) - 0.5 * n * Math.log(2 * Math.PI) - 0.5 * n;
  return {
    dist: { dist: 'lognormal', mean: Math.exp(mu + s2 / 2), cv: Math.sqrt(Math.expm1(s2)) },
    params: { mu, sigma },
    logLik,
    notes: [],
  };
}
