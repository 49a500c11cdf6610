/**
 * Discrete distributions of counts: days in hospital (`DaysDist`) and one member's events
 * in a period (Poisson, or negative binomial when the rate is Gamma-mixed).
 *
 * pmf conventions: Poisson(λ): e^{−λ} λ^k / k!; negative binomial with mean m and cv c:
 * variance v = (c·m)², r = m²/(v − m), p = r/(r + m), P(k) = Γ(k+r)/(Γ(r) k!) p^r (1−p)^k —
 * the Gamma(r, m/r)–Poisson mixture. Log-space evaluation keeps large means exact.
 */
import type { DaysDist } from '../domain/scenario.ts';
import { logGamma, logPoissonPmf } from '../stats/special.ts';

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
  const r = (mean * mean) / (variance - mean);
  const logP = Math.log(r / (r + mean));
  const logQ = Math.log(mean / (r + mean));
  const lgR = logGamma(r);
  return {
    mean, max: Infinity,
    pmf: (k) => Math.exp(logGamma(k + r) - lgR - logGamma(k + 1) + r * logP + k * logQ),
  };
}

/** The count of events of one member whose rate λ is multiplied by Θ ~ Gamma(mean 1, cv): NB(mean λ, r = 1/cv²). */
export function mixedPoissonCount(lambda: number, rateCv: number): CountDistribution {
  if (rateCv === 0 || lambda === 0) return poissonCount(lambda);
  const r = 1 / (rateCv * rateCv);
  // NB with r = 1/cv²: variance λ + λ²cv², i.e. cv_K² = 1/λ + rateCv².
  return negativeBinomialCount(lambda, Math.sqrt(1 / lambda + 1 / r));
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
      let max = 0, sum = 0;
      for (const v of d.values) { counts.set(v, (counts.get(v) ?? 0) + 1); max = Math.max(max, v); sum += v; }
      const n = d.values.length;
      return { mean: sum / n, max, pmf: (k) => (counts.get(k) ?? 0) / n };
    }
  }
}

/**
 * E[min(K, m)] = Σ_{k=0}^{m−1} P(K > k), for an integer m ≥ 0 (m = Infinity gives the mean).
 * Exact finite sum; the survival is accumulated from the pmf.
 */
export function expectedMinCount(K: CountDistribution, m: number): number {
  if (m === Infinity || m >= K.max) return K.mean;
  let cdf = 0, sum = 0;
  for (let k = 0; k < m; k++) {
    cdf += K.pmf(k);
    sum += Math.max(0, 1 - cdf);
  }
  return sum;
}
