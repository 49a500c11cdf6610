/**
 * Exact expectations of the `/2` pieces that need more than one benefit at a time, per claimant
 * (cost risks) or per member (event risks); closed forms and exact finite sums, never simulation.
 *
 * - a limit over a cost risk's benefits, for a holder of k shares (factors c_b = k or 1):
 *     E[min(F(X) + G(D), C)] = Σ_d P(D = d)·(G(d) + E[min(F(X), C − G(d))])   (X and D independent)
 *   with F = Σ c_b·b(X) piecewise linear and nondecreasing (the benefits' pieces added up) and
 *   G(d) = Σ c_b·perDay_b·min(d, maxDays_b); E[min(F(X), c)] piece by piece from the limited
 *   expected values, each piece cut where it reaches c. Empirical costs: the average over values.
 * - lump sums on one event risk with waiting amounts and/or a limit: given K = k events, each
 *   lump sum b counts J_b ~ Binomial(k, w_b) events outside the waiting period (independently per
 *   lump sum, as the Monte Carlo thins them) and pays c_b·min(cap_b, a_b·J_b + waiting_b·(k − J_b));
 *   the member's total is at most L:
 *     E = Σ_k P(K = k)·E[min(Σ_b c_b·min(cap_b, a_b J_b + waiting_b (k − J_b)), L)]
 *   with K ~ Poisson(ν) or its Gamma mixture (negative binomial), summed over the joint J's.
 */
import type { CostDist, DaysDist, DailyBenefit, LumpSumBenefit } from '../domain/scenario.ts';
import type { SchemeBenefit } from '../domain/scheme.ts';
import { payFast } from '../benefits/fast.ts';
import { addPiecewise, bandsPiecewise, stepsPiecewise, type Piecewise } from '../benefits/piecewise.ts';
import { logBinomialPmf } from '../stats/special.ts';
import { continuousCost, discreteValues, isContinuous, type ContinuousCost } from './costDistribution.ts';
import { daysCount, mixedPoissonCount } from './countDistribution.ts';

/** A benefit with its factor for the holder (k shares when per share, else 1). */
export interface Part<B = SchemeBenefit> {
  b: B;
  c: number;
}

/**
 * F = Σ c·b(X) as one piecewise-linear function, each benefit first capped at C/c, and cut where F
 * first reaches C at a piece's start (one flat piece at C from there): min(F, C') is unchanged for
 * every C' ≤ C, and a limit over fine steps keeps only the pieces below C.
 */
export function sumPiecewise(parts: Part[], C: number): Piecewise {
  const pws = parts.map(({ b, c }) => {
    const cap = Math.min(('cap' in b ? b.cap : undefined) ?? Infinity, C / c);
    const capped = { ...b, cap: cap === Infinity ? undefined : cap };
    if (capped.type === 'bands') return bandsPiecewise(capped);
    if (capped.type === 'steps') return stepsPiecewise(capped);
    throw new TypeError(`benefit ${b.id} is not driven by the cost`);
  });
  const { x, a, s } = addPiecewise(
    pws,
    parts.map((p) => p.c),
  );
  let n = 0;
  while (n < x.length && a[n] + s[n] * x[n] < C) n++;
  if (n === x.length) return { x, a, s, end: Infinity };
  a[n] = C;
  s[n] = 0;
  return { x: x.subarray(0, n + 1), a: a.subarray(0, n + 1), s: s.subarray(0, n + 1), end: Infinity };
}

/** E[min(F(X), c)] for a nondecreasing piecewise-linear F over a continuous X. */
export function expectedMinPiecewise(pw: Piecewise, X: ContinuousCost, c: number): number {
  if (c <= 0) return 0;
  let sum = 0;
  const n = pw.x.length;
  for (let k = 0; k < n; k++) {
    const lo = pw.x[k];
    const hi = k + 1 < n ? pw.x[k + 1] : pw.end;
    const a = pw.a[k],
      s = pw.s[k];
    if (a + s * lo >= c) {
      sum += c * X.probBetween(lo, hi);
      continue;
    }
    if (s === 0) {
      sum += a * X.probBetween(lo, hi);
      continue;
    }
    const xStar = (c - a) / s;
    const to = xStar < hi ? xStar : hi;
    sum += a * X.probBetween(lo, to) + s * X.meanBetween(lo, to);
    if (xStar < hi) sum += c * X.probBetween(xStar, hi);
  }
  return sum;
}

/** G(d) = Σ c·perDay·min(d, maxDays). */
const dailyOf = (daily: Part<DailyBenefit>[], d: number) =>
  daily.reduce((g, { b, c }) => g + c * b.perDay * Math.min(d, b.maxDays ?? Infinity), 0);

/**
 * E[min(Σ c_b·b(X) + Σ c_d·daily_d(D), C)] for one claimant of a cost risk (see the file comment).
 * `cost` benefits are bands or steps; `daily` need `days`.
 */
export function expectedCostLimit(
  costDist: CostDist,
  costScale: number,
  cost: Part[],
  days: DaysDist | undefined,
  daily: Part<DailyBenefit>[],
  C: number,
): number {
  let h: (c: number) => number;
  if (cost.length === 0) h = () => 0;
  else if (isContinuous(costDist)) {
    const X = continuousCost(costDist, costScale);
    const pw = sumPiecewise(cost, C);
    h = (c) => expectedMinPiecewise(pw, X, c);
  } else {
    const pays = cost.map(({ b, c }) => ({ pay: payFast(b), c }));
    const F = discreteValues(costDist).map((v) => pays.reduce((f, p) => f + p.c * p.pay(v * costScale), 0));
    h = (c) => F.reduce((e, f) => e + Math.min(f, c), 0) / F.length;
  }
  if (daily.length === 0 || !days) return h(C);
  const D = daysCount(days);
  const flat = daily.every(({ b }) => b.maxDays !== undefined)
    ? Math.max(...daily.map(({ b }) => b.maxDays!))
    : Infinity;
  let sum = 0,
    cdf = 0;
  for (let d = 0; d <= D.max; d++) {
    const g = dailyOf(daily, d);
    const rest = Math.max(0, 1 - cdf); // P(D ≥ d)
    if (g >= C) return sum + C * rest;
    if (d >= flat) return sum + rest * (g + h(C - g)); // G is constant from here on
    const p = D.pmf(d);
    sum += p * (g + h(C - g));
    cdf += p;
    // Past the mean of an unbounded count the tail is negligible; a bounded one (empirical days, which
    // may skip values: P(D = d) = 0 between stays of 2 and 30 days) is summed to its end.
    if (D.max === Infinity && d > D.mean && p < 1e-18) break;
  }
  return sum;
}

/** A lump sum with its factor and its per-event probability of falling outside the waiting period. */
export interface LumpPart {
  b: LumpSumBenefit & { waitingAmount: number };
  c: number;
  /** w = 1 − newShare·waitingDays/365. */
  paid: number;
}

/**
 * E over one member of min(Σ_b c_b·min(cap_b, a_b·J_b + waiting_b·(k − J_b)), L), K ~ mixed
 * Poisson(ν, rateCv) (see the file comment); L = Infinity for no limit.
 */
export function expectedEventMember(lumps: LumpPart[], nu: number, rateCv: number, L: number): number {
  const K = mixedPoissonCount(nu, rateCv);
  let sum = 0;
  for (let k = 1; ; k++) {
    const p = K.pmf(k);
    const v = p > 0 ? p * paidGivenCount(lumps, k, L) : 0;
    sum += v;
    if (k > K.mean && (v <= 1e-17 * sum || p === 0)) return sum;
  }
}

/** E[min(Σ_b c_b·min(cap_b, a_b J_b + waiting_b (k − J_b)), L) | K = k], J_b ~ Bin(k, w_b) independent. */
function paidGivenCount(lumps: LumpPart[], k: number, L: number): number {
  const pmfs = lumps.map(({ paid }) => {
    const out = new Float64Array(k + 1);
    for (let j = 0; j <= k; j++)
      out[j] =
        paid === 1
          ? j === k
            ? 1
            : 0
          : paid === 0
            ? j === 0
              ? 1
              : 0
            : Math.exp(logBinomialPmf(j, k, paid));
    return out;
  });
  const go = (i: number, total: number, prob: number): number => {
    if (prob === 0) return 0;
    if (i === lumps.length) return prob * Math.min(total, L);
    const { b, c } = lumps[i];
    const cap = b.cap ?? Infinity;
    let e = 0;
    for (let j = 0; j <= k; j++)
      e += go(i + 1, total + c * Math.min(cap, b.amount * j + b.waitingAmount * (k - j)), prob * pmfs[i][j]);
    return e;
  };
  return go(0, 0, 1);
}
