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

/**
 * Whether the distribution is continuous (lognormal/gamma with cv² > 0, Pareto). A cv so small that
 * cv² underflows to 0 (below about 1.5e-154) gives σ = 0 and a point mass at the mean, as cv = 0.
 */
export function isContinuous(d: CostDist): boolean {
  return d.dist === 'pareto' || ((d.dist === 'lognormal' || d.dist === 'gamma') && d.cv * d.cv > 0);
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

/** A distribution's functions inside its support (0, ∞); `continuous` adds the ends. */
interface Inside {
  cdf(x: number): number;
  sf(x: number): number;
  /** E[X; X ≤ x] and E[X; X > x]. */
  lowerM(x: number): number;
  upperM(x: number): number;
  /** For 0 < p < 1 and 0 < q < 1. */
  quantile(p: number): number;
  quantileUpper(q: number): number;
}

/**
 * The cost distribution from its functions inside the support: the ends (x ≤ 0, x = ∞, p = 0,
 * q = 1) are set here, and each interval is taken from the side that avoids cancellation.
 */
function continuous(mean: number, median: number, f: Inside): ContinuousCost {
  const ends = (atZero: number, atInfinity: number, g: (x: number) => number) => (x: number) =>
    x <= 0 ? atZero : x === Infinity ? atInfinity : g(x);
  const cdf = ends(0, 1, f.cdf);
  const sf = ends(1, 0, f.sf);
  const lowerM = ends(0, mean, f.lowerM);
  const upperM = ends(mean, 0, f.upperM);
  return {
    mean,
    median,
    cdf,
    sf,
    probBetween(lo: number, hi: number) {
      if (hi <= lo) return 0;
      return hi <= median ? cdf(hi) - cdf(lo) : sf(lo) - sf(hi);
    },
    meanBetween(lo: number, hi: number) {
      if (hi <= lo) return 0;
      return hi <= median ? lowerM(hi) - lowerM(lo) : upperM(lo) - upperM(hi);
    },
    quantile: (p) => (p <= 0 ? 0 : f.quantile(p)),
    quantileUpper: (q) => (q >= 1 ? 0 : f.quantileUpper(q)),
  };
}

function lognormal(mean: number, cv: number): ContinuousCost {
  const s2 = Math.log1p(cv * cv);
  const sigma = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  const z = (x: number, shift: number) => (Math.log(x) - mu - shift) / sigma;
  return continuous(mean, Math.exp(mu), {
    cdf: (x) => normalCdf(z(x, 0)),
    sf: (x) => normalSf(z(x, 0)),
    lowerM: (x) => mean * normalCdf(z(x, s2)),
    upperM: (x) => mean * normalSf(z(x, s2)),
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
    quantileUpper: (q) => Math.exp(mu + sigma * normalQuantileUpper(q)),
  });
}

function gamma(mean: number, cv: number): ContinuousCost {
  const k = 1 / (cv * cv);
  const theta = mean * cv * cv;
  return continuous(mean, gammaQuantile(0.5, k) * theta, {
    cdf: (x) => gammaP(k, x / theta),
    sf: (x) => gammaQ(k, x / theta),
    lowerM: (x) => mean * gammaP(k + 1, x / theta),
    upperM: (x) => mean * gammaQ(k + 1, x / theta),
    quantile: (p) => gammaQuantile(p, k) * theta,
    quantileUpper: (q) => gammaQuantileUpper(q, k) * theta,
  });
}

function pareto(scale: number, shape: number): ContinuousCost {
  const mean = scale / (shape - 1);
  const sf = (x: number) => Math.exp(-shape * Math.log1p(x / scale));
  const upperM = (x: number) => (sf(x) * (shape * x + scale)) / (shape - 1);
  return continuous(mean, scale * (Math.pow(2, 1 / shape) - 1), {
    cdf: (x) => -Math.expm1(-shape * Math.log1p(x / scale)),
    sf,
    lowerM: (x) => mean - upperM(x),
    upperM,
    quantile: (p) => scale * Math.expm1(-Math.log1p(-p) / shape),
    quantileUpper: (q) => scale * Math.expm1(-Math.log(q) / shape),
  });
}
