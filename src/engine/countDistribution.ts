/**
 * Discrete distributions of counts: days in hospital (`DaysDist`) and one member's events
 * in a period (Poisson, or negative binomial when the rate is Gamma-mixed).
 *
 * pmf conventions: Poisson(λ): e^{−λ} λ^k / k!; negative binomial with mean m and cv c:
 * variance v = (c·m)², r = m²/(v − m), p = r/(r + m), P(k) = Γ(k+r)/(Γ(r) k!) p^r (1−p)^k —
 * the Gamma(r, m/r)–Poisson mixture. Both in Loader's saddle-point form (log space), which keeps
 * full relative precision for large means, for r far above m (a rate cv of 0.0001 is r = 1e8)
 * and for m far below 1 (a rate of 1e-12).
 */
import type { DaysDist } from '../domain/scenario.ts';
import { bd0, logGamma, logPoissonPmf, stirlingError } from '../stats/special.ts';

export interface CountDistribution {
  mean: number;
  /** P(K = k) for integer k ≥ 0. */
  pmf(k: number): number;
  /** The largest k with positive probability (Infinity when unbounded). */
  max: number;
}

export function poissonCount(mean: number): CountDistribution {
  if (mean === 0) return { mean, max: 0, pmf: (k) => (k === 0 ? 1 : 0) };
  return { mean, max: Infinity, pmf: (k) => Math.exp(logPoissonPmf(k, mean)) };
}

/** Negative binomial by mean and cv (cv² > 1/mean); as cv² → 1/mean it tends to the Poisson. */
export function negativeBinomialCount(mean: number, cv: number): CountDistribution {
  const variance = (cv * mean) ** 2;
  if (variance <= mean) return poissonCount(mean);
  return negativeBinomialBySize(mean, (mean * mean) / (variance - mean));
}

/**
 * Negative binomial by mean m > 0 and size r > 0 (R's `dnbinom_mu`): P(0) = (r/(r + m))^r;
 * for k < 1e-10·r, where k + r would lose k, the expansion
 * P(k) = P(0)·(m/(1 + m/r))^k / k! · (1 + k(k − 1)/(2r)) (R takes e^{−m} for P(0), off by a factor
 * e^{m²/(2r)}: 1.25e-9 at m = 50, r = 1e12); otherwise r/(r + k) times the
 * binomial term b(r; k + r, r/(r + m)) in Loader's form (stirlingError and bd0, with k kept apart
 * from k + r − r).
 */
export function negativeBinomialBySize(mean: number, r: number): CountDistribution {
  const logZero = r < mean ? r * Math.log(r / (r + mean)) : r * Math.log1p(-mean / (r + mean));
  const logSmallK = r < mean ? Math.log(r / (1 + r / mean)) : Math.log(mean / (1 + mean / r));
  const muR = stirlingError(r);
  const pmf = (k: number): number => {
    if (k === 0) return Math.exp(logZero);
    if (k < 1e-10 * r)
      return Math.exp(k * logSmallK + logZero - logGamma(k + 1) + Math.log1p((k * (k - 1)) / (2 * r)));
    const n = k + r;
    const lc =
      stirlingError(n) -
      muR -
      stirlingError(k) -
      bd0(r, (n * r) / (r + mean)) -
      bd0(k, (n * mean) / (r + mean));
    return (r / n) * Math.exp(lc - 0.5 * Math.log((2 * Math.PI * r * k) / n));
  };
  return { mean, max: Infinity, pmf };
}

/** The count of events of one member whose rate λ is multiplied by Θ ~ Gamma(mean 1, cv): NB(mean λ, r = 1/cv²). */
export function mixedPoissonCount(lambda: number, rateCv: number): CountDistribution {
  const r = 1 / (rateCv * rateCv);
  // r = ∞ (rateCv 0, or below 1e-154 where 1/cv² overflows) is the Poisson, the mixture's limit.
  if (r === Infinity || lambda === 0) return poissonCount(lambda);
  // Variance λ + λ²cv², i.e. cv_K² = 1/λ + rateCv²: built from r itself, as 1/λ overflows for λ < 1e-308.
  return negativeBinomialBySize(lambda, r);
}

export function daysCount(d: DaysDist): CountDistribution {
  switch (d.dist) {
    case 'poisson':
      return poissonCount(d.mean);
    case 'negative-binomial':
      return negativeBinomialCount(d.mean, d.cv);
    case 'fixed':
      return { mean: d.value, max: d.value, pmf: (k) => (k === d.value ? 1 : 0) };
    case 'empirical': {
      const counts = new Map<number, number>();
      let max = 0,
        sum = 0;
      for (const v of d.values) {
        counts.set(v, (counts.get(v) ?? 0) + 1);
        max = Math.max(max, v);
        sum += v;
      }
      const n = d.values.length;
      return { mean: sum / n, max, pmf: (k) => (counts.get(k) ?? 0) / n };
    }
  }
}

/**
 * E[min(K, m)] for a real m ≥ 0 (m = Infinity gives the mean): Σ_{1≤k<m} k·P(k) + m·P(K ≥ ⌈m⌉).
 * Exact finite sums of positive terms; no 1 − cdf where it would cancel (a count that is rarely
 * positive: a rate of 1e-12, whose P(K ≥ 1) 1 − cdf gives to 4 digits, and 0 below 1e-16). For
 * unbounded K the sum stops past the mean where its terms fall below double precision, so a large
 * m (a cap of 1e12 on lump sums of 0.01) costs no more than the distribution's own spread.
 * @example expectedMinCount(poissonCount(1e-12), 3) // 1e-12
 */
export function expectedMinCount(K: CountDistribution, m: number): number {
  if (m === Infinity || m >= K.max) return K.mean;
  const first = Math.ceil(m); // counts from here on pay m
  let cdf = K.pmf(0),
    part = 0;
  for (let k = 1; k < first && k <= K.max; k++) {
    const p = K.pmf(k);
    cdf += p;
    part += k * p;
    // The rest, Σ_{j>k} min(j, m)·P(j), decays at least as fast as these terms past the mean.
    if (K.max === Infinity && k > K.mean && k * p <= 1e-17 * part) return part;
  }
  return part + m * atLeast(K, first, cdf);
}

/** P(K ≥ j), given cdf = P(K < j): 1 − cdf unless that cancels, else the tail summed. */
function atLeast(K: CountDistribution, j: number, cdf: number): number {
  if (K.max !== Infinity) {
    let sum = 0;
    for (let k = j; k <= K.max; k++) sum += K.pmf(k);
    return sum;
  }
  if (1 - cdf > 1e-3) return 1 - cdf;
  let sum = 0;
  for (let k = j; k < j + 10_000_000; k++) {
    const p = K.pmf(k);
    sum += p;
    if (k > K.mean && p <= 1e-17 * sum) break;
  }
  return sum;
}
