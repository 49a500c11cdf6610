/**
 * Negative binomial variates by mean and coefficient of variation, as the Gamma–Poisson
 * mixture that defines them: variance v = (cv·mean)², r = mean²/(v − mean),
 * Λ ~ Gamma(shape r, scale mean/r) (mean `mean`), then N ~ Poisson(Λ). Exact for every
 * mean and r, since both stages are. P(N = k) = Γ(k+r)/(Γ(r) k!) p^r (1−p)^k, p = r/(r + mean).
 */
import { randomGamma } from './gamma.ts';
import { poissonOf, randomPoisson } from './poisson.ts';
import type { Source } from './source.ts';

/**
 * `randomNegativeBinomial(source)(mean, cv)`: mean ≥ 0, cv² > 1/mean (not validated here).
 * mean = 0 is the constant 0; cv² ≤ 1/mean (no room for over-dispersion: the limit r → ∞)
 * is the Poisson with that mean, as in the exact engine.
 * @example randomNegativeBinomial(createStream('huzhu', 0).next)(9, 0.9)() // days, mean 9
 */
export function randomNegativeBinomial(source: Source) {
  return (mean: number, cv: number): (() => number) => {
    if (mean === 0) return () => 0;
    const variance = (cv * mean) ** 2;
    if (variance <= mean) return randomPoisson(source)(mean);
    const r = (mean * mean) / (variance - mean);
    const lambda = randomGamma(source)(r, mean / r);
    const poisson = poissonOf(source);
    return () => poisson(lambda());
  };
}
