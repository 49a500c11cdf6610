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
 *   common factor: P(N ≥ 1) = 1 − (1 + λc²)^(−1/c²);
 * - the chance that a year pays more than t (mergedProbAbove): one gamma rate factor Θ per risk
 *   (mean 1, cv 0.1), summed on a grid of its density; given the factors, the inpatient claimants'
 *   compound Poisson sum and the critical-illness count are taken as normal (mean and variance from
 *   the first two moments of a claimant's benefit, lognormal partial moments through the bands), and
 *   the women's count, about a hundred, is summed as a Poisson term by term.
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

/** E[X^k; X ≤ u] of a lognormal with mean m and cv c: e^(kμ + k²s²/2)·Φ((ln u − μ − ks²)/s). */
function lognormalPartialMoment(m: number, c: number, k: number, u: number): number {
  if (u <= 0) return 0;
  const s2 = Math.log(1 + c * c);
  const mu = Math.log(m) - s2 / 2;
  return Math.exp(k * mu + (k * k * s2) / 2) * phi((Math.log(u) - mu - k * s2) / Math.sqrt(s2));
}

/** E[B] and E[B²] of one claimant's self-paid benefit and allowance, B = bands(X) + 30·min(D, 15). */
export function inpatientBenefitMoments(costMean: number): { mean: number; square: number } {
  // bands(x) = a + r·x on each band: E[(a + rX)^j; lo < X ≤ hi], then the maximum above 50,000
  let [sp, sp2, paidBelow] = [0, 0, 0];
  for (const [lo, hi, r] of BANDS) {
    const a = paidBelow - r * lo;
    const [m0, m1, m2] = [0, 1, 2].map(
      (k) =>
        lognormalPartialMoment(costMean, COST_CV, k, hi) - lognormalPartialMoment(costMean, COST_CV, k, lo),
    );
    sp += a * m0 + r * m1;
    sp2 += a * a * m0 + 2 * a * r * m1 + r * r * m2;
    paidBelow += r * (hi - lo);
  }
  const above = 1 - lognormalPartialMoment(costMean, COST_CV, 0, BANDS[BANDS.length - 1][1]);
  sp += paidBelow * above;
  sp2 += paidBelow * paidBelow * above;
  // the allowance: 30·min(D, 15) over the negative binomial's probabilities
  const p = 9 / (0.9 * 9) ** 2;
  const r = (9 * p) / (1 - p);
  let [pk, cdf, a1, a2] = [Math.pow(p, r), 0, 0, 0];
  for (let k = 0; k < 15; k++) {
    a1 += 30 * k * pk;
    a2 += (30 * k) ** 2 * pk;
    cdf += pk;
    pk *= ((k + r) / (k + 1)) * (1 - p);
  }
  a1 += 450 * (1 - cdf);
  a2 += 450 ** 2 * (1 - cdf);
  return { mean: sp + a1, square: sp2 + 2 * sp * a1 + a2 };
}

/** The gamma (mean 1, cv 0.1) density on a grid of step h over 0.5–1.7 (all but 1e-8 of it), as weights. */
function rateFactorGrid(h = 0.005): { theta: number; weight: number }[] {
  const k = 1 / (RATE_CV * RATE_CV);
  let logGammaK = 0; // ln Γ(k) = ln (k − 1)!, k = 100 a whole number
  for (let i = 2; i < k; i++) logGammaK += Math.log(i);
  const out = [];
  for (let t = 0.5; t <= 1.7; t += h)
    out.push({ theta: t, weight: h * Math.exp((k - 1) * Math.log(t) - k * t + k * Math.log(k) - logGammaK) });
  return out;
}

/** P(S > t) for a year's payout S of the merged scheme (see the header for the approximations). */
export function mergedProbAbove(v: Merged, t: number): number {
  const grid = rateFactorGrid();
  const b = inpatientBenefitMoments(v.costMean);
  const women = Math.round(v.members / 2);
  // the women's count of members paid, mixed over its rate factor: P(K = k)
  const pw = new Float64Array(400);
  for (const { theta, weight } of grid) {
    const lambda = women * (1 - Math.exp(-v.womenRate * theta));
    let q = Math.exp(-lambda);
    for (let k = 0; k < pw.length; k++, q *= lambda / k) pw[k] += weight * q;
  }
  let prob = 0;
  for (const g1 of grid) {
    const claimants = v.members * v.inpatientRate * g1.theta;
    for (const g2 of grid) {
      const q = 1 - Math.exp(-v.criticalRate * g2.theta);
      const mean = claimants * b.mean + v.members * q * 4000;
      const sd = Math.sqrt(claimants * b.square + v.members * q * (1 - q) * 4000 ** 2);
      let above = 0;
      for (let k = 0; k < pw.length; k++)
        if (pw[k] > 1e-13) above += pw[k] * (1 - phi((t - 22_964 * k - mean) / sd));
      prob += g1.weight * g2.weight * above;
    }
  }
  return prob;
}

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
