/**
 * Direct sampling of one claimant's cost and days from the distributions of
 * `huzhu-scenario/1`: the slow, obvious reference that the engine's fast method (tabulated
 * benefit distributions) is tested against. Each call builds one sampler over `source`;
 * parameters are assumed valid (checked in io/).
 *
 * cost: lognormal(mean, cv) → `randomLognormal`; gamma(mean, cv) → `randomGammaMeanCv`;
 * pareto(scale, shape) → `randomPareto`; empirical(values) → `randomEmpirical`.
 * days: poisson(mean) → `randomPoisson`; negative-binomial(mean, cv) → `randomNegativeBinomial`;
 * fixed(value) → `randomFixed`; empirical(values) → `randomEmpirical`.
 */
import type { CostDist, DaysDist } from '../domain/scenario.ts';
import { randomEmpirical } from './empirical.ts';
import { randomFixed } from './fixed.ts';
import { randomGammaMeanCv } from './gamma.ts';
import { randomLognormal } from './lognormal.ts';
import { randomNegativeBinomial } from './negativeBinomial.ts';
import { randomPareto } from './pareto.ts';
import { randomPoisson } from './poisson.ts';
import type { Source } from './source.ts';

/**
 * A sampler of one claimant's cumulative cost X ~ `dist`.
 * @example costSampler(next, { dist: 'lognormal', mean: 4000, cv: 2 })() // one cost, mean 4,000
 */
export function costSampler(source: Source, dist: CostDist): () => number {
  switch (dist.dist) {
    case 'lognormal':
      return randomLognormal(source)(dist.mean, dist.cv);
    case 'gamma':
      return randomGammaMeanCv(source)(dist.mean, dist.cv);
    case 'pareto':
      return randomPareto(source)(dist.scale, dist.shape);
    case 'empirical':
      return randomEmpirical(source)(dist.values);
  }
}

/**
 * A sampler of one claimant's days in hospital D ~ `dist` (non-negative integers).
 * @example daysSampler(next, { dist: 'negative-binomial', mean: 9, cv: 0.9 })() // mean 9
 */
export function daysSampler(source: Source, dist: DaysDist): () => number {
  switch (dist.dist) {
    case 'poisson':
      return randomPoisson(source)(dist.mean);
    case 'negative-binomial':
      return randomNegativeBinomial(source)(dist.mean, dist.cv);
    case 'fixed':
      return randomFixed(source)(dist.value);
    case 'empirical':
      return randomEmpirical(source)(dist.values);
  }
}
