/**
 * The continuous cost distributions of `huzhu-scenario/1` as the exact functions the
 * expectations and sampling tables need: the CDF and survival function, the partial first
 * moment over an interval, and the quantile function (also from the top, for the tail).
 *
 * Partial first moments (limited expected values, Klugman–Panjer–Willmot, Appendix A):
 * - lognormal(μ, σ): E[X; X ≤ x] = e^{μ+σ²/2} Φ((ln x − μ − σ²)/σ);
 * - gamma(k, θ): E[X; X ≤ x] = kθ · P(k + 1, x/θ) (regularised lower incomplete gamma);
 * - Pareto II (Lomax) (s, α): E[X; X > x] = S(x)·(αx + s)/(α − 1), S(x) = (s/(x + s))^α.
 * Each interval is computed from whichever side (lower or upper partial moment) avoids
 * cancellation: below the median from the left, above it from the right.
 *
 * Lognormal and gamma are parametrised by mean and cv: lognormal σ² = ln(1 + cv²),
 * μ = ln(mean) − σ²/2; gamma shape k = 1/cv², scale θ = mean·cv².
 * A cv of 0 is a point mass, which callers treat as a one-value empirical distribution
 * (see `isContinuous`).
 */
import type { CostDist } from '../domain/scenario.ts';
import {
  gammaP,
  gammaQ,
  gammaQuantile,
  gammaQuantileUpper,
  normalCdf,
  normalQuantile,
  normalQuantileUpper,
  normalSf,
} from '../stats/special.ts';

export interface ContinuousCost {
  mean: number;
  median: number;
  cdf(x: number): number;
  sf(x: number): number;
  /** P(lo ≤ X < hi), hi may be Infinity. */
  probBetween(lo: number, hi: number): number;
  /** E[X; lo ≤ X < hi], hi may be Infinity. */
  meanBetween(lo: number, hi: number): number;
  /** The p-quantile, 0 ≤ p < 1. */
  quantile(p: number): number;
  /** The (1 − q)-quantile, accurate for tiny q > 0. */
  quantileUpper(q: number): number;
}

/** Whether the distribution is continuous (lognormal/gamma with cv > 0, Pareto). */
export function isContinuous(d: CostDist): boolean {
  return d.dist === 'pareto' || ((d.dist === 'lognormal' || d.dist === 'gamma') && d.cv > 0);
}

/** The cost distribution as support points of equal weight, when it is discrete. */
export function discreteValues(d: CostDist): number[] {
  if (d.dist === 'empirical') return d.values;
  if (d.dist === 'lognormal' || d.dist === 'gamma') return [d.mean];
  throw new RangeError(`${d.dist} is continuous`);
}

/** The cost distribution `d` (continuous: see `isContinuous`) with its cost scale multiplied by `scale`. */
export function continuousCost(d: CostDist, scale = 1): ContinuousCost {
  switch (d.dist) {
    case 'lognormal':
      return lognormal(d.mean * scale, d.cv);
    case 'gamma':
      return gamma(d.mean * scale, d.cv);
    case 'pareto':
      return pareto(d.scale * scale, d.shape);
    case 'empirical':
      throw new RangeError('empirical costs are discrete');
  }
}

function twoSided(
  median: number,
  lowerP: (x: number) => number,
  upperP: (x: number) => number,
  lowerM: (x: number) => number,
  upperM: (x: number) => number,
) {
  return {
    probBetween(lo: number, hi: number) {
      if (hi <= lo) return 0;
      return hi <= median ? lowerP(hi) - lowerP(lo) : upperP(lo) - upperP(hi);
    },
    meanBetween(lo: number, hi: number) {
      if (hi <= lo) return 0;
      return hi <= median ? lowerM(hi) - lowerM(lo) : upperM(lo) - upperM(hi);
    },
  };
}

function lognormal(mean: number, cv: number): ContinuousCost {
  const s2 = Math.log1p(cv * cv);
  const sigma = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  const z = (x: number, shift: number) => (Math.log(x) - mu - shift) / sigma;
  const cdf = (x: number) => (x <= 0 ? 0 : x === Infinity ? 1 : normalCdf(z(x, 0)));
  const sf = (x: number) => (x <= 0 ? 1 : x === Infinity ? 0 : normalSf(z(x, 0)));
  const lowerM = (x: number) => (x <= 0 ? 0 : x === Infinity ? mean : mean * normalCdf(z(x, s2)));
  const upperM = (x: number) => (x <= 0 ? mean : x === Infinity ? 0 : mean * normalSf(z(x, s2)));
  const median = Math.exp(mu);
  return {
    mean,
    median,
    cdf,
    sf,
    ...twoSided(median, cdf, sf, lowerM, upperM),
    quantile: (p) => (p <= 0 ? 0 : Math.exp(mu + sigma * normalQuantile(p))),
    quantileUpper: (q) => (q >= 1 ? 0 : Math.exp(mu + sigma * normalQuantileUpper(q))),
  };
}

function gamma(mean: number, cv: number): ContinuousCost {
  const k = 1 / (cv * cv);
  const theta = mean * cv * cv;
  const cdf = (x: number) => (x <= 0 ? 0 : x === Infinity ? 1 : gammaP(k, x / theta));
  const sf = (x: number) => (x <= 0 ? 1 : x === Infinity ? 0 : gammaQ(k, x / theta));
  const lowerM = (x: number) => (x <= 0 ? 0 : x === Infinity ? mean : mean * gammaP(k + 1, x / theta));
  const upperM = (x: number) => (x <= 0 ? mean : x === Infinity ? 0 : mean * gammaQ(k + 1, x / theta));
  const median = gammaQuantile(0.5, k) * theta;
  return {
    mean,
    median,
    cdf,
    sf,
    ...twoSided(median, cdf, sf, lowerM, upperM),
    quantile: (p) => (p <= 0 ? 0 : gammaQuantile(p, k) * theta),
    quantileUpper: (q) => (q >= 1 ? 0 : gammaQuantileUpper(q, k) * theta),
  };
}

function pareto(scale: number, shape: number): ContinuousCost {
  const mean = scale / (shape - 1);
  const sf = (x: number) => (x <= 0 ? 1 : x === Infinity ? 0 : Math.exp(-shape * Math.log1p(x / scale)));
  const cdf = (x: number) => (x <= 0 ? 0 : x === Infinity ? 1 : -Math.expm1(-shape * Math.log1p(x / scale)));
  const upperM = (x: number) =>
    x <= 0 ? mean : x === Infinity ? 0 : (sf(x) * (shape * x + scale)) / (shape - 1);
  const lowerM = (x: number) => (x <= 0 ? 0 : x === Infinity ? mean : mean - upperM(x));
  const median = scale * (Math.pow(2, 1 / shape) - 1);
  return {
    mean,
    median,
    cdf,
    sf,
    ...twoSided(median, cdf, sf, lowerM, upperM),
    quantile: (p) => (p <= 0 ? 0 : scale * Math.expm1(-Math.log1p(-p) / shape)),
    quantileUpper: (q) => (q >= 1 ? 0 : scale * Math.expm1(-Math.log(q) / shape)),
  };
}
