/**
 * Simulates the iterations of one block: each iteration is one period of the whole scheme.
 *
 *   for each iteration:
 *     for each risk r:   Θ ~ Gamma(mean 1, cv rateCv) (Θ = 1 when rateCv = 0 or 1/rateCv² overflows)
 *       cost risk:       N ~ Poisson(λ_r Θ); for each claimant: one 32-bit draw → every
 *                        cost-driven benefit from its table (the same draw: they share X),
 *                        one 53-bit draw → days by guide-table inversion → every daily allowance
 *       event risk:      one lump sum, with per-member cap: members with K ≥ 1, K = 1, 2, …
 *                        by successive binomial draws (exact multinomial), the rest paying the cap;
 *                        without a cap: amount × Poisson(m λ Θ) events in all;
 *                        several lump sums: the members' counts n_k drawn once (K = 1, 2, … until
 *                        none is left), each lump sum paid from the same n_k, thinned by binomials
 *     totals[i] = Σ benefits, byBenefit[i·B + j] = benefit j
 *
 * The claimant loop runs over typed arrays and allocates nothing. The per-claimant sum is plain
 * float64 (at most a few million terms of similar size: relative error far below a fen).
 */
import { payFast } from '../benefits/fast.ts';
import { createStream, xoshiro128ss, type Stream } from '../random/source.ts';
import { randomBinomial } from '../random/binomial.ts';
import { randomGamma } from '../random/gamma.ts';
import { randomPoisson } from '../random/poisson.ts';
import { gammaP, logBinomialPmf, logPoissonPmf } from '../stats/special.ts';
import type { Block } from './blocks.ts';
import { continuousCost } from './costDistribution.ts';
import type { Plan, PlanCostRisk, PlanEventRisk } from './plan.ts';

export interface BlockResult {
  start: number;
  count: number;
  totals: Float64Array;
  /** count × benefits, row-major by iteration. */
  byBenefit: Float64Array;
  /** Claimants drawn in the block (all cost risks), for throughput figures. */
  claimants: number;
}

/** A plan with its closures made (tail quantiles, exact benefit functions): once per worker. */
export interface Hydrated {
  plan: Plan;
  tails: ({ quantileUpper: (q: number) => number; pays: ((x: number) => number)[] } | null)[];
}

export function hydrate(plan: Plan): Hydrated {
  const tails = plan.risks.map((r) => {
    if (r.kind !== 'cost' || !r.cost || r.cost.mode !== 'table') return null;
    const X = continuousCost(r.cost.dist, r.cost.scale);
    return { quantileUpper: X.quantileUpper, pays: r.cost.benefits.map(payFast) };
  });
  return { plan, tails };
}

export function simulateBlock(h: Hydrated, seed: string, block: Block): BlockResult {
  const { plan } = h;
  const nb = plan.benefitIds.length;
  const totals = new Float64Array(block.count);
  const byBenefit = new Float64Array(block.count * nb);
  const stream = createStream(seed, block.stream);
  const sums = new Float64Array(nb);
  let claimants = 0;
  for (let i = 0; i < block.count; i++) {
    sums.fill(0);
    for (let r = 0; r < plan.risks.length; r++) {
      const risk = plan.risks[r];
      // Θ = 1 at rateCv 0, and where the shape 1/cv² overflows (cv < 1e-154: the limit; Gamma(∞) would
      // draw Θ = ∞, an endless Poisson draw, or 0 where cv² underflows).
      const cv2 = risk.rateCv * risk.rateCv;
      const theta = 1 / cv2 < Infinity ? randomGamma(stream.next)(1 / cv2, cv2)() : 1;
      if (risk.kind === 'cost') claimants += simulateCostRisk(risk, h.tails[r], stream, theta, sums);
      else simulateEventRisk(risk, stream, theta, sums);
    }
    let total = 0;
    for (let j = 0; j < nb; j++) {
      byBenefit[i * nb + j] = sums[j];
      total += sums[j];
    }
    totals[i] = total;
  }
  return { start: block.start, count: block.count, totals, byBenefit, claimants };
}

/** One period of a cost risk; returns the number of claimants drawn. */
function simulateCostRisk(
  risk: PlanCostRisk,
  tail: Hydrated['tails'][number],
  stream: Stream,
  theta: number,
  sums: Float64Array,
): number {
  const n = randomPoisson(stream.next)(risk.lambda * theta)();
  if (n === 0) return 0;
  const cost = risk.cost;
  if (cost?.mode === 'table') tableDraws(cost.table, risk.costColumns, tail!, stream, n, sums);
  else if (cost?.mode === 'discrete') discreteDraws(cost.pays, risk.costColumns, stream, n, sums);
  if (risk.days) daysDraws(risk.days, risk.dailyColumns, stream, n, sums);
  return n;
}

/** n claimants' cost-driven benefits from the sampling table (see costTable.ts). */
function tableDraws(
  table: { bits: number; tailStart: number; tables: Float64Array[] },
  columns: number[],
  tail: NonNullable<Hydrated['tails'][number]>,
  stream: Stream,
  n: number,
  sums: Float64Array,
): void {
  const state = stream.state;
  const shift = 32 - table.bits;
  const mask = shift === 32 ? 0xffffffff : (1 << shift) - 1;
  const fracScale = 1 / 2 ** shift;
  const tailStart = table.tailStart;
  const T = 2 ** table.bits;
  const tailMass = (T - tailStart) / T;
  const nb = columns.length;
  if (nb === 1) {
    const tab = table.tables[0];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const r = xoshiro128ss(state);
      const c = r >>> shift;
      if (c < tailStart) {
        sum += tab[2 * c] + tab[2 * c + 1] * (((r & mask) + 0.5) * fracScale - 0.5);
      } else {
        sum += tail.pays[0](tail.quantileUpper(tailMass * (1 - stream.next())));
      }
    }
    sums[columns[0]] += sum;
    return;
  }
  for (let i = 0; i < n; i++) {
    const r = xoshiro128ss(state);
    const c = r >>> shift;
    if (c < tailStart) {
      const f = ((r & mask) + 0.5) * fracScale - 0.5;
      for (let j = 0; j < nb; j++)
        sums[columns[j]] += table.tables[j][2 * c] + table.tables[j][2 * c + 1] * f;
    } else {
      const x = tail.quantileUpper(tailMass * (1 - stream.next()));
      for (let j = 0; j < nb; j++) sums[columns[j]] += tail.pays[j](x);
    }
  }
}

/** n claimants from an equal-weight list of costs (precomputed payments per value). */
function discreteDraws(
  pays: Float64Array[],
  columns: number[],
  stream: Stream,
  n: number,
  sums: Float64Array,
): void {
  const state = stream.state;
  const size = pays[0].length;
  for (let i = 0; i < n; i++) {
    const v = Math.floor((xoshiro128ss(state) * size) / 4294967296);
    for (let j = 0; j < columns.length; j++) sums[columns[j]] += pays[j][v];
  }
}

/** n claimants' days by guide-table inversion of the days' distribution function (exact). */
function daysDraws(
  days: NonNullable<PlanCostRisk['days']>,
  columns: number[],
  stream: Stream,
  n: number,
  sums: Float64Array,
): void {
  const { cdf, guide, pays } = days;
  const g = guide.length;
  for (let i = 0; i < n; i++) {
    const u = stream.next();
    let k = guide[(u * g) | 0];
    while (cdf[k] <= u) k++;
    for (let j = 0; j < columns.length; j++) sums[columns[j]] += pays[j][k];
  }
}

/**
 * One period of an event risk: per lump sum, the members with 1, 2, … events (exact multinomial
 * by successive binomials, using P(K ≥ k) = P(k, λ), the regularised incomplete gamma), the
 * members at or above the cap paying the cap. A risk with several lump sums pays them all from
 * the same members' events (sharedEvents).
 */
function simulateEventRisk(risk: PlanEventRisk, stream: Stream, theta: number, sums: Float64Array): void {
  if (risk.lumps.length > 1) {
    sharedEvents(risk, stream, theta, sums);
    return;
  }
  for (const lump of risk.lumps) {
    const lambda = lump.lambda * theta;
    if (lump.cap === Infinity) {
      sums[lump.column] += lump.amount * randomPoisson(stream.next)(risk.members * lambda)();
      continue;
    }
    const kStar = Math.ceil(lump.cap / lump.amount); // K ≥ kStar pays the cap
    let remaining = randomBinomial(stream.next)(risk.members, -Math.expm1(-lambda))();
    let pay = 0;
    for (let k = 1; k < kStar && remaining > 0; k++) {
      const nk = randomBinomial(stream.next)(remaining, poissonHazard(k, lambda))();
      pay += nk * lump.amount * k;
      remaining -= nk;
    }
    sums[lump.column] += pay + remaining * lump.cap;
  }
}

/** P(K = k | K ≥ k) for K ~ Poisson(λ): e^{−λ}λ^k/k! over P(k, λ); 1 where the tail underflows. */
function poissonHazard(k: number, lambda: number): number {
  const atLeast = gammaP(k, lambda);
  const exactly = Math.exp(logPoissonPmf(k, lambda));
  return atLeast > 0 ? Math.min(1, exactly / atLeast) : 1;
}

/**
 * Several lump sums on one event risk, all paid from each member's same count K ~ Poisson(rate·Θ)
 * (the format: "each exposed member has a Poisson number K of events"): the members with exactly
 * k = 1, 2, … events, n_k, by successive binomials until none is left, and from each n_k every
 * lump sum's payment (lumpOfCount). Draws nothing per member.
 */
function sharedEvents(risk: PlanEventRisk, stream: Stream, theta: number, sums: Float64Array): void {
  const lambda = risk.rate * theta;
  let remaining = randomBinomial(stream.next)(risk.members, -Math.expm1(-lambda))();
  for (let k = 1; remaining > 0; k++) {
    const nk = randomBinomial(stream.next)(remaining, poissonHazard(k, lambda))();
    remaining -= nk;
    if (nk === 0) continue;
    for (let j = 0; j < risk.lumps.length; j++)
      sums[risk.lumps[j].column] += lumpOfCount(risk.lumps[j], k, nk, stream);
  }
}

/**
 * What a lump sum pays n members with k events each, each member's event paid independently with
 * probability w (`paid`), so the member's paid events J ~ Binomial(k, w) and pays min(cap, amount·J):
 * w = 1: n·min(cap, amount·k); no cap can bind (k < ⌈cap/amount⌉): amount × Binomial(n·k, w);
 * else the members with J = 0, 1, …, ⌈cap/amount⌉ − 1 by successive binomials, the rest the cap.
 */
function lumpOfCount(lump: PlanEventRisk['lumps'][number], k: number, n: number, stream: Stream): number {
  const { amount, cap, paid } = lump;
  if (paid === 0) return 0;
  if (paid === 1) return n * Math.min(cap, amount * k);
  const jStar = Math.ceil(cap / amount); // J ≥ jStar pays the cap; Infinity without one
  if (k < jStar) return amount * randomBinomial(stream.next)(n * k, paid)();
  let remaining = n,
    pay = 0;
  for (let j = 0; j < jStar && remaining > 0; j++) {
    let atLeast = 0; // P(J ≥ j), summed from the top (k is a member's event count: small)
    for (let i = k; i >= j; i--) atLeast += Math.exp(logBinomialPmf(i, k, paid));
    const exactly = Math.exp(logBinomialPmf(j, k, paid));
    const nj = randomBinomial(stream.next)(remaining, atLeast > 0 ? Math.min(1, exactly / atLeast) : 1)();
    pay += nj * amount * j;
    remaining -= nj;
  }
  return pay + remaining * cap;
}
