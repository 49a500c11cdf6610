/**
 * Lognormal variates parametrised by mean and coefficient of variation, as in
 * `huzhu-scenario/1`: X = e^{μ + σZ} with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so that
 * E[X] = mean and sd(X) = cv·mean. Z comes from the ziggurat (`standardNormal`).
 */
import { standardNormal } from './normal.ts';
import type { Source } from './source.ts';

/**
 * `randomLognormal(source)(mean, cv)`: mean > 0, cv ≥ 0 (not validated here). cv = 0 is the
 * constant `mean`, with its own closure.
 * @example randomLognormal(createStream('huzhu', 0).next)(4000, 2)() // one inpatient cost
 */
export function randomLognormal(source: Source) {
  return (mean: number, cv: number): (() => number) => {
    if (cv === 0) return () => mean;
    const sigma2 = Math.log1p(cv * cv);
    const sigma = Math.sqrt(sigma2);
    const mu = Math.log(mean) - 0.5 * sigma2;
    const z = standardNormal(source);
    return () => Math.exp(mu + sigma * z());
  };
}
