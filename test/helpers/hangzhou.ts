/**
 * Hangzhou's merged city-level scheme (三合一, scenarios/hangzhou-2016.json and its sixth year,
 * hangzhou-2021-projected.json) worked out by hand, for tests that check the engine, the solver and
 * the CLI against it: every expected figure in closed form or by a plain sum, none by src/.
 *
 * - self-paid cost X lognormal (mean m, cv 3) through the published bands 20% to 1,000, 50% to
 *   10,000, 90% to 15,000, 60% to 50,000: Σ rate × (E[min(X, top)] − E[min(X, bottom)]) with the
 *   lognormal's limited expected value E[min(X, u)] = m·Φ(z − s) + u·(1 − Φ(z)),
 *   z = (ln u − ln m + s²/2)/s, s² = ln(1 + cv²); a maximum c below 30,200 stops the bands where they
 *   have paid c (min(bands(x), c) = bands(min(x, x_c)), the bands increasing);
 * - the allowance, 30 a day for at most 15 days: E[min(D, 15)] for D negative binomial (mean 9,
 *   cv 0.9), summed over its probabilities;
 * - a lump sum paid once: members (women: half of them, in whole persons) × P(N ≥ 1), N Poisson(λΘ) with Θ gamma (mean 1, cv 0.1) a year's
 *   common factor: P(N ≥ 1) = 1 − (1 + λc²)^(−1/c²).
 */
import { phi } from './erfc.ts';

/** The figures of one version of the merged scheme. */
export interface Merged {
  members: number;
  /** Inpatient claimants per member a year. */
  inpatientRate: number;
  /** Mean self-paid cost (cv 3). */
  costMean: number;
  /** Critical-illness diagnoses per member a year (4,000 once). */
  criticalRate: number;
  /** Women's special illness per woman a year (22,964 once); women are half the members. */
  womenRate: number;
}

export const HANGZHOU_2016: Merged = {
  members: 720_000,
  inpatientRate: 0.04,
  costMean: 1564,
  criticalRate: 0.0025,
  womenRate: 0.000285,
};

/** Five years of the ASSUMED trends (members +5%, rates +2%, self-paid cost +6% a year). */
export const HANGZHOU_2021: Merged = {
  members: Math.round(720_000 * 1.05 ** 5),
  inpatientRate: 0.04 * 1.02 ** 5,
  costMean: 1564 * 1.06 ** 5,
  criticalRate: 0.0025 * 1.02 ** 5,
  womenRate: 0.000285 * 1.02 ** 5,
};

const COST_CV = 3;
const RATE_CV = 0.1;
const BANDS: [number, number, number][] = [
  [0, 1000, 0.2],
  [1000, 10_000, 0.5],
  [10_000, 15_000, 0.9],
  [15_000, 50_000, 0.6],
];

/** E[min(X, u)] of a lognormal with mean m and cv c. */
export function lognormalLev(m: number, c: number, u: number): number {
  if (u <= 0) return 0;
  const s = Math.sqrt(Math.log(1 + c * c));
  const z = (Math.log(u) - (Math.log(m) - (s * s) / 2)) / s;
  return m * phi(z - s) + u * (1 - phi(z));
}

/** The cost at which the bands have paid c (c at most 30,200, what they pay at 50,000). */
function costAtPayment(c: number): number {
  let paid = 0;
  for (const [lo, hi, r] of BANDS) {
    if (paid + r * (hi - lo) >= c) return lo + (c - paid) / r;
    paid += r * (hi - lo);
  }
  return BANDS[BANDS.length - 1][1];
}

/** The expected self-paid benefit of one claimant, at most `cap` (30,200 as published). */
export function selfPayPerClaimant(costMean: number, cap = 30_200): number {
  const top = costAtPayment(cap);
  return BANDS.reduce((sum, [lo, hi, r]) => {
    const h = Math.min(hi, top);
    return h <= lo
      ? sum
      : sum + r * (lognormalLev(costMean, COST_CV, h) - lognormalLev(costMean, COST_CV, lo));
  }, 0);
}

/** E[min(D, n)] for D negative binomial with mean m and cv c, by summing its probabilities. */
export function negativeBinomialLimitedMean(m: number, c: number, n: number): number {
  const p = m / (c * m) ** 2;
  const r = (m * p) / (1 - p);
  let pk = Math.pow(p, r);
  let cdf = 0;
  let e = 0;
  for (let k = 0; k < n; k++) {
    e += k * pk;
    cdf += pk;
    pk *= ((k + r) / (k + 1)) * (1 - p);
  }
  return e + n * (1 - cdf);
}

/** P(N ≥ 1) for N Poisson(λΘ), Θ gamma with mean 1 and cv c. */
export const atLeastOne = (lambda: number, c = RATE_CV): number =>
  1 - Math.pow(1 + lambda * c * c, -1 / (c * c));

/** Each project's expected payout and expected 受益人次 (members paid more than 0), and μ. */
export function mergedExpected(v: Merged, selfPayCap = 30_200) {
  const claimants = v.members * v.inpatientRate;
  const critical = v.members * atLeastOne(v.criticalRate);
  const women = Math.round(v.members / 2) * atLeastOne(v.womenRate); // whole women: 459,462 of 918,923
  const payout = {
    selfPay: claimants * selfPayPerClaimant(v.costMean, selfPayCap),
    allowance: claimants * 30 * negativeBinomialLimitedMean(9, 0.9, 15),
    critical: critical * 4000,
    women: women * 22_964,
  };
  return {
    payout,
    mu: payout.selfPay + payout.allowance + payout.critical + payout.women,
    /** Per risk: the inpatient claimants (each paid: the bands pay from the first yuan), then the lump sums'. */
    beneficiaries: { inpatient: claimants, critical, women },
  };
}

/** The largest self-paid maximum at which μ ≤ income, by bisection on the closed form (to 0.001 yuan). */
export function affordableSelfPayCap(v: Merged, income: number): number {
  let [lo, hi] = [0, 30_200];
  while (hi - lo > 0.001) {
    const mid = (lo + hi) / 2;
    if (mergedExpected(v, mid).mu <= income) lo = mid;
    else hi = mid;
  }
  return lo;
}
