/**
 * How much a scheme's claimant rate moves from year to year over and above Poisson chance: the
 * `rateCv` of a scenario's risk (the coefficient of variation of the year's rate multiplier Θ,
 * mean 1), estimated from the full years of a history that reports claimants.
 *
 * Model (the engine's): N_t | Θ_t ~ Poisson(e_t λ Θ_t), the Θ_t independent, E Θ = 1, Var Θ = c²,
 * e_t the year's members. The rate X_t = N_t / e_t then has Var X_t = λ / e_t + λ² c²: chance
 * (within) plus the year's own level (between). Estimators — the Bühlmann–Straub between-year
 * variance with the Poisson within-variance known given λ (DerSimonian–Laird in meta-analysis):
 *
 *   λ̂ = Σ N_t / Σ e_t,   w_t = e_t / λ̂,   Q = Σ w_t (X_t − λ̂)²
 *   â = max(0, (Q − (n − 1)) / (Σ w − Σ w² / Σ w)),   ĉ = √â / λ̂
 *
 * Interval (the Q-profile method, Viechtbauer 2007, Statistics in Medicine 26:37–52): at the true
 * between-variance a, Q(a) = Σ w_t(a) (X_t − X̄(a))² with w_t(a) = 1 / (λ̂/e_t + a) and X̄(a) their
 * weighted mean is χ² with n − 1 degrees of freedom. The 90% interval for a is where
 * χ²₀.₀₅ ≤ Q(a) ≤ χ²₀.₉₅; Q decreases in a, so each end is found by bisection, and is 0 when Q(0)
 * is already below its quantile. c's interval is √a / λ̂ at both ends.
 *
 * Written here because none of the project's libraries estimates a variance component with its
 * interval; the χ² quantiles come from src/stats (χ²_k = 2 · Gamma(k/2)).
 *
 * Read with care: a trend in the rate (a scheme still growing into its membership) counts as
 * spread; counts of claims (人次) instead of claimants (人) understate the Poisson part (one
 * claimant makes several claims) and so overstate c. Part years are left out: a year's exposure
 * is its members for twelve months.
 */
import { gammaQuantile } from '../stats/special.ts';

/** A year of experience as the estimator reads it: members for the whole year and its claimants. */
export interface RateYear {
  year: number;
  members: number;
  claimants: number;
}

export interface RateSpread {
  /** The years used, in order. */
  years: number[];
  /** λ̂: claimants per member over those years. */
  rate: number;
  /** ĉ, the estimated rateCv. */
  cv: number;
  /** The 90% interval of c. */
  low: number;
  high: number;
  level: number;
  /** Q, Cochran's statistic; χ² with years − 1 degrees of freedom when c = 0. */
  q: number;
  /** The cv chance alone gives a year's rate at the mean membership: √(λ̂ / ē) / λ̂. */
  chanceCv: number;
}

/** Fewer years than this with claimants give no estimate (n − 1 = 2 degrees of freedom at least). */
export const MIN_RATE_YEARS = 3;
export const RATE_SPREAD_LEVEL = 0.9;

const chiSquareQuantile = (p: number, df: number): number => 2 * gammaQuantile(p, df / 2);

/** Q(a) of the Q-profile: the weighted squared deviations at between-variance a. */
function qAt(ys: readonly RateYear[], rate: number, a: number): number {
  let sw = 0,
    swx = 0;
  const w = ys.map((y) => 1 / (rate / y.members + a));
  ys.forEach((y, i) => {
    sw += w[i];
    swx += w[i] * (y.claimants / y.members);
  });
  const mean = swx / sw;
  return ys.reduce((s, y, i) => s + w[i] * (y.claimants / y.members - mean) ** 2, 0);
}

/** The a ≥ 0 with Q(a) = target (0 when Q(0) ≤ target), by bisection to 1e-12 relative. */
function solveQ(ys: readonly RateYear[], rate: number, target: number): number {
  if (qAt(ys, rate, 0) <= target) return 0;
  let lo = 0,
    hi = rate * rate;
  while (qAt(ys, rate, hi) > target) hi *= 4;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (qAt(ys, rate, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The rateCv of a history's years, or null when fewer than MIN_RATE_YEARS years are given or no
 * claimant is reported in them. The caller picks the years (full years reporting claimants).
 */
export function rateSpread(ys: readonly RateYear[]): RateSpread | null {
  const n = ys.length;
  const exposure = ys.reduce((s, y) => s + y.members, 0);
  const claimants = ys.reduce((s, y) => s + y.claimants, 0);
  if (n < MIN_RATE_YEARS || claimants === 0) return null;
  const rate = claimants / exposure;
  const w = ys.map((y) => y.members / rate);
  const sw = w.reduce((s, x) => s + x, 0);
  const sw2 = w.reduce((s, x) => s + x * x, 0);
  const q = ys.reduce((s, y, i) => s + w[i] * (y.claimants / y.members - rate) ** 2, 0);
  const a = Math.max(0, (q - (n - 1)) / (sw - sw2 / sw));
  const tail = (1 - RATE_SPREAD_LEVEL) / 2;
  const aLow = solveQ(ys, rate, chiSquareQuantile(1 - tail, n - 1));
  const aHigh = solveQ(ys, rate, chiSquareQuantile(tail, n - 1));
  return {
    years: ys.map((y) => y.year),
    rate,
    cv: Math.sqrt(a) / rate,
    low: Math.sqrt(aLow) / rate,
    high: Math.sqrt(aHigh) / rate,
    level: RATE_SPREAD_LEVEL,
    q,
    chanceCv: Math.sqrt(rate / (exposure / n)) / rate,
  };
}
