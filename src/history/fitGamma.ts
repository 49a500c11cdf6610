/**
 * Gamma maximum likelihood. With density x^{k−1} e^{−x/θ} / (Γ(k) θ^k), the score equations give
 * θ̂ = x̄ / k̂ and, for the shape,
 *   ln k − ψ(k) = s,   s = ln x̄ − (1/n) Σ ln x_i  (> 0 unless all costs are equal),
 * solved by Newton's method (stats/numerics/newton.ts), k ← k − (ln k − ψ(k) − s) / (1/k − ψ'(k)),
 * from Minka's (2002) starting value k₀ = (3 − s + √((s − 3)² + 24s)) / (12s), which is within 1.5% of the root;
 * ln k − ψ(k) is decreasing and convex, so the iteration converges in a handful of steps (a step
 * that would leave k > 0 is halved instead). Then
 *   ℓ = (k − 1) Σ ln x_i − n x̄/θ − n k ln θ − n ln Γ(k).
 * In the scenario's parametrisation: mean = x̄ (the MLE of the mean is the sample mean), cv = 1/√k.
 */
import { newton } from '../stats/numerics/newton.ts';
import { logGamma } from '../stats/special.ts';
import type { ClaimSample } from './claimSample.ts';
import { digamma, trigamma } from './digamma.ts';
import type { FamilyFit } from './fitLognormal.ts';

/** The root k of ln k − ψ(k) = s, s > 0. */
export function gammaShapeMle(s: number): number {
  const k0 = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  const step = (k: number) => k - (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
  return newton(step, k0, {
    tolerance: 1e-14,
    maxIterations: 100,
    guard: (next, k) => (next > 0 ? next : k / 2),
  });
}

export function fitGamma(sample: ClaimSample): FamilyFit {
  const { n, mean, meanLog } = sample;
  const k = gammaShapeMle(Math.log(mean) - meanLog);
  const theta = mean / k;
  const logLik = n * ((k - 1) * meanLog - mean / theta - k * Math.log(theta) - logGamma(k));
  return {
    dist: { dist: 'gamma', mean, cv: 1 / Math.sqrt(k) },
    params: { shape: k, scale: theta },
    logLik,
    notes: [],
  };
}
