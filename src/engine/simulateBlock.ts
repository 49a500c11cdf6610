/**
 * Simulates the iterations of one block: each iteration is one period of the whole scheme.
 *
 *   for each iteration:
 *     for each risk r:   Θ ~ Gamma(mean 1, cv rateCv) (Θ = 1 when rateCv = 0 or 1/rateCv² overflows),
 *                        one draw shared by every group
 *       cost risk:       per share count k (one class for a `/1` file): N_k ~ Poisson(λ_k Θ);
 *                        without a limit: for each claimant one 32-bit draw → every cost-driven
 *                        benefit from its table (the same draw: they share X), then for each
 *                        claimant one 53-bit draw → days by guide-table inversion → every daily
 *                        allowance; a benefit paid per share is the one-share sum × k;
 *                        with a limit: claimant by claimant, X and D drawn together, each benefit
 *                        × (k or 1), and the limit's benefits at most cap × (k or 1)
 *       event risk:      per cell (group × holding) with its members and rate:
 *                        one lump sum, with per-member cap: members with K ≥ 1, K = 1, 2, …
 *                        by successive binomial draws (exact multinomial), the rest paying the cap;
 *                        without a cap: amount × Poisson(m λ Θ) events in all;
 *                        several lump sums, or waiting amounts: the members' counts n_k drawn once
 *                        (K = 1, 2, … until none is left), each lump sum paid from the same n_k,
 *                        its events outside the waiting period by binomials; under a limit,
 *                        each of the n_k members on its own
 *     totals[i] = Σ benefits − Σ limit reductions, byBenefit[i·B + j] = benefit j (before limits)
 *     counts += claimants by risk, beneficiaries by benefit, 受益人次: each as its conditional
 *               expectation given the period's draws (Rao–Blackwell): N·P(b > 0) for a cost risk's
 *               N claimants, m·(1 − e^{−νΘq}) for an event risk's m members; unbiased, and no draw
 *               more than a `/1` run makes, so `/1` figures stay as they were.
 *
 * The claimant loops run over typed arrays and allocate nothing. The per-claimant sum is plain
 * float64 (at most a few million terms of similar size: relative error far below a fen).
 */
import { payFast } from '../benefits/fast.ts';
import { createStream, xoshiro128ss, type Stream } from '../random/source.ts';
import { randomBinomial } from '../random/binomial.ts';
import { randomGamma } from '../random/gamma.ts';
import { randomPoisson } from '../random/poisson.ts';
import { gammaP, logBinomialPmf, logPoissonPmf } from '../stats/special.ts';
import type { Block } from './blocks.ts';
import type { CostTable } from './costTable.ts';
import { continuousCost } from './costDistribution.ts';
import type { Plan, PlanCostRisk, PlanEventCell, PlanEventRisk, PlanLumpSum } from './plan.ts';

export interface BlockResult {
  start: number;
  count: number;
  totals: Float64Array;
  /** count × benefits, row-major by iteration. */
  byBenefit: Float64Array;
  /** Claimants drawn in the block (all cost risks), for throughput figures. */
  claimants: number;
  /** Summed over the block's iterations: claimants (events) by risk, beneficiaries by benefit, 受益人次. */
  counts: Float64Array;
}

/** A plan with its closures made (tail quantiles, exact benefit functions) and scratch space: once per worker. */
export interface Hydrated {
  plan: Plan;
  tails: ({ quantileUpper: (q: number) => number; pays: ((x: number) => number)[] } | null)[];
  /** Scratch of one claimant's benefits, or one class's sums (length: benefits). */
  scratch: Float64Array;
  /** One claimant's factors per cost-driven then daily benefit. */
  factors: Float64Array;
  /**
   * Per risk with days, the 2^DAY_BITS cells of D's distribution function: d when P(D < d) ≤ c/2^10
   * and (c + 1)/2^10 ≤ P(D ≤ d) (the whole cell is d), else −1 − (the first d the cell reaches).
   */
  dayCells: (Int32Array | null)[];
  /**
   * Per risk with days, the first daily allowance's pay in each cell of `dayCells`: the pay of the
   * cell's day count, or of every day count a straddling cell spans where they all pay the same (at
   * or over the allowance's maximum days, say); −1 where they do not.
   */
  dayPays: (Float64Array | null)[];
  /** Per cost risk with limits, its claimant loop, chosen once: oneLimitDraws where it applies, else limitedDraws. */
  limitDraws: (ClassDraws | null)[];
}

/** n claimants of cost risk r holding k shares each, drawn into `sums`; returns what the risk's limits take off. */
type ClassDraws = (
  risk: PlanCostRisk,
  h: Hydrated,
  r: number,
  stream: Stream,
  n: number,
  k: number,
  sums: Float64Array,
) => number;

export function hydrate(plan: Plan): Hydrated {
  const tails = plan.risks.map((r) => {
    if (r.kind !== 'cost' || !r.cost || r.cost.mode !== 'table') return null;
    const X = continuousCost(r.cost.dist, r.cost.scale);
    return { quantileUpper: X.quantileUpper, pays: r.cost.benefits.map(payFast) };
  });
  const nb = plan.benefitIds.length;
  const dayCells = plan.risks.map((r) => {
    if (r.kind !== 'cost' || !r.days) return null;
    const { cdf } = r.days;
    const cells = 2 ** DAY_BITS;
    const out = new Int32Array(cells);
    for (let c = 0, d = 0; c < cells; c++) {
      while (cdf[d] <= c / cells) d++;
      out[c] = cdf[d] >= (c + 1) / cells ? d : -1 - d;
    }
    return out;
  });
  const dayPays = plan.risks.map((r, i) => {
    const cells = dayCells[i];
    if (!cells || r.kind !== 'cost' || !r.days) return null;
    const { cdf, pays } = r.days;
    const pay = pays[0];
    const n = cells.length;
    return Float64Array.from(cells, (d, c) => {
      if (d >= 0) return pay[d];
      // a straddling cell: its day counts run from −1 − d to the first whose cdf reaches its top; an
      // allowance never falls as the days grow, so equal pays at both ends are one pay throughout
      const first = -1 - d;
      let last = first;
      while (cdf[last] < (c + 1) / n) last++;
      return pay[first] === pay[last] ? pay[first] : -1;
    });
  });
  const limitDraws = plan.risks.map((r) => {
    if (r.kind !== 'cost' || r.limits.length === 0) return null;
    return oneLimitApplies(r) ? oneLimitDraws : limitedDraws;
  });
  const scratch = new Float64Array(nb);
  return { plan, tails, scratch, factors: new Float64Array(nb), dayCells, dayPays, limitDraws };
}

export function simulateBlock(h: Hydrated, seed: string, block: Block): BlockResult {
  const { plan } = h;
  const nb = plan.benefitIds.length;
  const nr = plan.risks.length;
  const totals = new Float64Array(block.count);
  const byBenefit = new Float64Array(block.count * nb);
  const counts = new Float64Array(plan.countColumns);
  const stream = createStream(seed, block.stream);
  const sums = new Float64Array(nb);
  const reduction = new Float64Array(1);
  const limited = plan.risks.some((r) => r.limits.length > 0);
  let claimants = 0;
  for (let i = 0; i < block.count; i++) {
    sums.fill(0);
    reduction[0] = 0;
    for (let r = 0; r < nr; r++) {
      const risk = plan.risks[r];
      // Θ = 1 at rateCv 0, and where the shape 1/cv² overflows (cv < 1e-154: the limit; Gamma(∞) would
      // draw Θ = ∞, an endless Poisson draw, or 0 where cv² underflows).
      const cv2 = risk.rateCv * risk.rateCv;
      const theta = 1 / cv2 < Infinity ? randomGamma(stream.next)(1 / cv2, cv2)() : 1;
      if (risk.kind === 'cost') {
        const n = simulateCostRisk(risk, h, r, stream, theta, sums, reduction);
        claimants += n;
        counts[r] += n;
        for (const { column, p } of risk.paid) counts[nr + column] += n * p;
        counts[nr + nb] += n * risk.paidAny;
      } else {
        simulateEventRisk(risk, stream, theta, sums, reduction);
        eventCounts(risk, theta, counts, r, nr, nb);
      }
    }
    let total = 0;
    for (let j = 0; j < nb; j++) {
      byBenefit[i * nb + j] = sums[j];
      total += sums[j];
    }
    totals[i] = limited ? total - reduction[0] : total;
  }
  return { start: block.start, count: block.count, totals, byBenefit, claimants, counts };
}

/** An event risk's counts given Θ: events m·ν·Θ, beneficiaries m·(1 − e^{−νΘq}) per lump sum and for any. */
function eventCounts(
  risk: PlanEventRisk,
  theta: number,
  counts: Float64Array,
  r: number,
  nr: number,
  nb: number,
): void {
  for (const cell of risk.cells) {
    const nu = cell.rate * theta;
    counts[r] += cell.members * nu;
    let none = 1;
    for (const lump of cell.lumps) {
      counts[nr + lump.column] += cell.members * -Math.expm1(-nu * lump.q);
      none *= 1 - lump.q;
    }
    if (cell.lumps.length > 0) counts[nr + nb] += cell.members * -Math.expm1(-nu * (1 - none));
  }
}

/** One period of a cost risk, every share class; returns the number of claimants drawn. */
function simulateCostRisk(
  risk: PlanCostRisk,
  h: Hydrated,
  r: number,
  stream: Stream,
  theta: number,
  sums: Float64Array,
  reduction: Float64Array,
): number {
  let total = 0;
  for (let c = 0; c < risk.classes.length; c++) {
    const k = risk.classes[c].shares;
    const n = randomPoisson(stream.next)(risk.classes[c].lambda * theta)();
    if (n === 0) continue;
    total += n;
    const limited = h.limitDraws[r];
    if (limited) {
      reduction[0] += limited(risk, h, r, stream, n, k, sums);
      continue;
    }
    const scaled = k !== 1 && (risk.costPerShare.includes(true) || risk.dailyPerShare.includes(true));
    const out = scaled ? h.scratch.fill(0) : sums;
    const cost = risk.cost;
    if (cost?.mode === 'table') tableDraws(cost.table, risk.costColumns, h.tails[r]!, stream, n, out);
    else if (cost?.mode === 'discrete') discreteDraws(cost.pays, risk.costColumns, stream, n, out);
    if (risk.days) daysDraws(risk.days, risk.dailyColumns, stream, n, out);
    if (!scaled) continue;
    risk.costColumns.forEach((col, j) => (sums[col] += (risk.costPerShare[j] ? k : 1) * out[col]));
    risk.dailyColumns.forEach((col, j) => (sums[col] += (risk.dailyPerShare[j] ? k : 1) * out[col]));
  }
  return total;
}

/**
 * n claimants holding k shares, under the risk's limits: claimant by claimant, the cost-driven
 * benefits from one 32-bit draw (table) or the exact tail, then the days from one 53-bit draw;
 * each benefit × (k or 1) into `sums`; returns what the limits take off:
 * Σ_limits max(0, Σ_{b in it} c_b·b − cap·(k or 1)).
 */
const limitedDraws: ClassDraws = (risk, h, r, stream, n, k, sums) => {
  const nc = risk.costColumns.length;
  const nd = risk.dailyColumns.length;
  const vals = h.scratch;
  const f = h.factors;
  for (let j = 0; j < nc; j++) f[j] = risk.costPerShare[j] ? k : 1;
  for (let j = 0; j < nd; j++) f[nc + j] = risk.dailyPerShare[j] ? k : 1;
  const state = stream.state;
  const cost = risk.cost;
  const table = cost?.mode === 'table' ? cost.table : null;
  const tail = h.tails[r];
  const shift = table ? 32 - table.bits : 0;
  const mask = shift === 32 ? 0xffffffff : (1 << shift) - 1;
  const fracScale = 1 / 2 ** shift;
  const tailStart = table ? table.tailStart : 0;
  const tailMass = table ? (2 ** table.bits - tailStart) / 2 ** table.bits : 0;
  const tabs = table ? table.tables : [];
  const discrete = cost?.mode === 'discrete' ? cost.pays : null;
  const days = risk.days;
  const limits = risk.limits;
  const caps = limits.map((l) => l.cap * (l.perShare ? k : 1));
  let reduced = 0;
  for (let i = 0; i < n; i++) {
    if (table) {
      const u = xoshiro128ss(state);
      const c = u >>> shift;
      if (c < tailStart) {
        const fr = ((u & mask) + 0.5) * fracScale - 0.5;
        const at = 2 * c;
        for (let j = 0; j < nc; j++) vals[j] = f[j] * (tabs[j][at] + tabs[j][at + 1] * fr);
      } else {
        const x = tail!.quantileUpper(tailMass * (1 - stream.next()));
        for (let j = 0; j < nc; j++) vals[j] = f[j] * tail!.pays[j](x);
      }
    } else if (discrete) {
      const v = Math.floor((xoshiro128ss(state) * discrete[0].length) / 4294967296);
      for (let j = 0; j < nc; j++) vals[j] = f[j] * discrete[j][v];
    }
    if (days) {
      const u = stream.next();
      let d = days.guide[(u * days.guide.length) | 0];
      while (days.cdf[d] <= u) d++;
      for (let j = 0; j < nd; j++) vals[nc + j] = f[nc + j] * days.pays[j][d];
    }
    for (let j = 0; j < nc; j++) sums[risk.costColumns[j]] += vals[j];
    for (let j = 0; j < nd; j++) sums[risk.dailyColumns[j]] += vals[nc + j];
    for (let l = 0; l < limits.length; l++) {
      let sum = 0;
      const lc = limits[l].cost,
        ld = limits[l].daily;
      for (let j = 0; j < lc.length; j++) sum += vals[lc[j]];
      for (let j = 0; j < ld.length; j++) sum += vals[nc + ld[j]];
      if (sum > caps[l]) reduced += sum - caps[l];
    }
  }
  return reduced;
};

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

/** Low bits of a claimant's 32-bit draw that place its days (oneLimitDraws): 2^10 cells of D's distribution. */
const DAY_BITS = 10;

/** Whether oneLimitDraws serves a cost risk: one tabulated cost-driven benefit and one daily allowance under one limit. */
function oneLimitApplies(risk: PlanCostRisk): boolean {
  const l = risk.limits[0];
  return (
    risk.costColumns.length === 1 &&
    risk.dailyColumns.length === 1 &&
    risk.limits.length === 1 &&
    risk.cost?.mode === 'table' &&
    risk.cost.table.bits + DAY_BITS < 32 &&
    risk.days !== null &&
    l.cost.length === 1 &&
    l.daily.length === 1
  );
}

/**
 * limitedDraws for the common case, written out: one cost-driven benefit (table) and one daily
 * allowance under one limit, the sums kept in locals. One 32-bit draw a claimant, cut in three
 * independent fields: the top `bits` give X's table cell, the next 32 − bits − 10 its place in the
 * cell (the table's linear spread, at that many bits), the low 10 bits a cell of D's distribution
 * function: where one day count fills the cell that is D; where the cell straddles day counts that
 * pay differently (a few of the 1,024) one more 53-bit draw places D exactly within it, and where
 * they all pay the same no draw is needed. D's distribution is exact; X's
 * as the table's (costTable.ts). A whole cell's allowance is read from `dayPays` in one load.
 * The generator's state lives in locals for the loop (through the Int32Array every draw is four
 * checked loads and four stores: about 5% slower, measured in a worker thread) and goes back to
 * `stream.state` around the rare claimant that draws more from the stream; the draws, and so the
 * figures, are those of xoshiro128ss on the stream.
 */
const oneLimitDraws: ClassDraws = (risk, h, r, stream, n, k, sums) => {
  const table = (risk.cost as Extract<PlanCostRisk['cost'], { mode: 'table' }>).table;
  const tail = h.tails[r]!;
  const days = risk.days!;
  const dayCell = h.dayCells[r]!;
  const dayPay = h.dayPays[r]!;
  const tab = table.tables[0];
  const state = stream.state;
  const xShift = 32 - table.bits;
  const fracBits = xShift - DAY_BITS;
  const fracMask = (1 << fracBits) - 1;
  const fracScale = 1 / 2 ** fracBits;
  const dayMask = (1 << DAY_BITS) - 1;
  const tailStart = table.tailStart;
  const fc = risk.costPerShare[0] ? k : 1;
  const fd = risk.dailyPerShare[0] ? k : 1;
  const limit = risk.limits[0];
  const cap = limit.cap * (limit.perShare ? k : 1);
  let sc = 0,
    sd = 0,
    reduced = 0;
  let s0 = state[0],
    s1 = state[1],
    s2 = state[2],
    s3 = state[3];
  for (let i = 0; i < n; i++) {
    // xoshiro128** (source.ts), its state in locals: V8 keeps them in registers
    const m = Math.imul(s1, 5);
    const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s1 ^= n2;
    s0 ^= n3;
    s2 = n2 ^ t;
    s3 = (n3 << 11) | (n3 >>> 21);
    const c = u >>> xShift;
    let x =
      c < tailStart
        ? tab[2 * c] + tab[2 * c + 1] * ((((u >>> DAY_BITS) & fracMask) + 0.5) * fracScale - 0.5)
        : 0;
    let y = dayPay[u & dayMask];
    if (c >= tailStart || y < 0) {
      // the rare claimant drawing more from the stream: X in the exact tail, D in a straddling cell
      state[0] = s0;
      state[1] = s1;
      state[2] = s2;
      state[3] = s3;
      if (c >= tailStart) x = tailPay(table, tail, stream);
      if (y < 0) y = straddleDays(days, dayCell, u & dayMask, stream);
      s0 = state[0];
      s1 = state[1];
      s2 = state[2];
      s3 = state[3];
    }
    x *= fc;
    y *= fd;
    sc += x;
    sd += y;
    const total = x + y;
    if (total > cap) reduced += total - cap;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  sums[risk.costColumns[0]] += sc;
  sums[risk.dailyColumns[0]] += sd;
  return reduced;
};

/** The first cost-driven benefit of a claimant drawn in the table's exact tail (cells ≥ tailStart). */
function tailPay(table: CostTable, tail: NonNullable<Hydrated['tails'][number]>, stream: Stream): number {
  const tailMass = (2 ** table.bits - table.tailStart) / 2 ** table.bits;
  return tail.pays[0](tail.quantileUpper(tailMass * (1 - stream.next())));
}

/** The first daily allowance of a claimant whose cell of D's distribution straddles two day counts: one more 53-bit draw places D. */
function straddleDays(
  days: NonNullable<PlanCostRisk['days']>,
  dayCell: Int32Array,
  cell: number,
  stream: Stream,
): number {
  const v = (cell + stream.next()) / (1 << DAY_BITS);
  let d = -dayCell[cell] - 1;
  while (days.cdf[d] <= v) d++;
  return days.pays[0][d];
}

/**
 * One period of an event risk, cell by cell (group × holding, the same Θ): per lump sum, the
 * members with 1, 2, … events (exact multinomial by successive binomials, using
 * P(K ≥ k) = P(k, λ), the regularised incomplete gamma), the members at or above the cap paying
 * the cap. A cell with several lump sums or a waiting amount pays them all from the same members'
 * events (sharedEvents); under a limit, member by member (limitedEvents). A lump sum paid per
 * share is the one-share amount × the cell's shares.
 */
function simulateEventRisk(
  risk: PlanEventRisk,
  stream: Stream,
  theta: number,
  sums: Float64Array,
  reduction: Float64Array,
): void {
  for (const cell of risk.cells) {
    if (risk.limits.length > 0) reduction[0] += limitedEvents(risk, cell, stream, theta, sums);
    else if (cell.lumps.length > 1 || cell.lumps.some((l) => l.waitingAmount > 0))
      sharedEvents(cell, stream, theta, sums);
    else for (const lump of cell.lumps) sums[lump.column] += lump.factor * oneLump(cell, lump, stream, theta);
  }
}

/** One lump sum alone on its cell, one share: what it pays the cell's members in the period. */
function oneLump(cell: PlanEventCell, lump: PlanLumpSum, stream: Stream, theta: number): number {
  const lambda = lump.lambda * theta;
  if (lump.cap === Infinity) return lump.amount * randomPoisson(stream.next)(cell.members * lambda)();
  const kStar = Math.ceil(lump.cap / lump.amount); // K ≥ kStar pays the cap
  let remaining = randomBinomial(stream.next)(cell.members, -Math.expm1(-lambda))();
  let pay = 0;
  for (let k = 1; k < kStar && remaining > 0; k++) {
    const nk = randomBinomial(stream.next)(remaining, poissonHazard(k, lambda))();
    pay += nk * lump.amount * k;
    remaining -= nk;
  }
  return pay + remaining * lump.cap;
}

/** P(K = k | K ≥ k) for K ~ Poisson(λ): e^{−λ}λ^k/k! over P(k, λ); 1 where the tail underflows. */
function poissonHazard(k: number, lambda: number): number {
  const atLeast = gammaP(k, lambda);
  const exactly = Math.exp(logPoissonPmf(k, lambda));
  return atLeast > 0 ? Math.min(1, exactly / atLeast) : 1;
}

/** The members of a cell with exactly k = 1, 2, … events, n_k, by successive binomials until none is left. */
function eachCount(
  cell: PlanEventCell,
  stream: Stream,
  theta: number,
  visit: (k: number, nk: number) => void,
): void {
  const lambda = cell.rate * theta;
  let remaining = randomBinomial(stream.next)(cell.members, -Math.expm1(-lambda))();
  for (let k = 1; remaining > 0; k++) {
    const nk = randomBinomial(stream.next)(remaining, poissonHazard(k, lambda))();
    remaining -= nk;
    if (nk > 0) visit(k, nk);
  }
}

/**
 * Several lump sums (or a waiting amount) on one cell, all paid from each member's same count
 * K ~ Poisson(rate·Θ) (the format: "each exposed member has a Poisson number K of events"):
 * the members with exactly k = 1, 2, … events, n_k, and from each n_k every lump sum's payment
 * (lumpOfCount). Draws nothing per member.
 */
function sharedEvents(cell: PlanEventCell, stream: Stream, theta: number, sums: Float64Array): void {
  eachCount(cell, stream, theta, (k, nk) => {
    for (let j = 0; j < cell.lumps.length; j++)
      sums[cell.lumps[j].column] += cell.lumps[j].factor * lumpOfCount(cell.lumps[j], k, nk, stream);
  });
}

/**
 * Lump sums under a limit, member by member: each of the n_k members with k events has, per lump
 * sum, J ~ Binomial(k, w) events outside the waiting period and is paid
 * factor·min(cap, amount·J + waitingAmount·(k − J)); the limit's lump sums together at most
 * cap × (shares or 1). Returns what the limits take off.
 */
function limitedEvents(
  risk: PlanEventRisk,
  cell: PlanEventCell,
  stream: Stream,
  theta: number,
  sums: Float64Array,
): number {
  const lumps = cell.lumps;
  const pays = new Float64Array(lumps.length);
  let reduced = 0;
  eachCount(cell, stream, theta, (k, nk) => {
    for (let m = 0; m < nk; m++) {
      for (let j = 0; j < lumps.length; j++) {
        const l = lumps[j];
        const J = l.paid === 1 ? k : l.paid === 0 ? 0 : randomBinomial(stream.next)(k, l.paid)();
        const one = l.amount * J + l.waitingAmount * (k - J);
        pays[j] = l.factor * (one < l.cap ? one : l.cap);
        sums[l.column] += pays[j];
      }
      for (const limit of risk.limits) {
        let sum = 0;
        for (const j of limit.cost) sum += pays[j];
        const cap = limit.cap * (limit.perShare ? cell.shares : 1);
        if (sum > cap) reduced += sum - cap;
      }
    }
  });
  return reduced;
}

/**
 * What a lump sum pays n members with k events each (one share), each member's event outside the
 * waiting period independently with probability w (`paid`), so the member's J ~ Binomial(k, w) such
 * events pay min(cap, amount·J + waitingAmount·(k − J)):
 * w = 1: n·min(cap, amount·k); no waiting amount and no cap can bind (k < ⌈cap/amount⌉):
 * amount × Binomial(n·k, w); else the members with J = 0, 1, … by successive binomials (up to
 * ⌈cap/amount⌉ − 1 without a waiting amount, the rest paying the cap; up to k with one).
 */
function lumpOfCount(lump: PlanLumpSum, k: number, n: number, stream: Stream): number {
  const { amount, cap, paid, waitingAmount } = lump;
  if (waitingAmount === 0 && paid === 0) return 0;
  if (paid === 1) return n * Math.min(cap, amount * k);
  const pays = (j: number) => Math.min(cap, amount * j + waitingAmount * (k - j));
  if (waitingAmount > 0 && paid === 0) return n * pays(0);
  const jStar = waitingAmount > 0 ? k + 1 : Math.ceil(cap / amount); // J ≥ jStar pays the cap; Infinity without one
  if (waitingAmount === 0 && k < jStar) return amount * randomBinomial(stream.next)(n * k, paid)();
  let remaining = n,
    pay = 0;
  for (let j = 0; j < jStar && remaining > 0; j++) {
    let atLeast = 0; // P(J ≥ j), summed from the top (k is a member's event count: small)
    for (let i = k; i >= j; i--) atLeast += Math.exp(logBinomialPmf(i, k, paid));
    const exactly = Math.exp(logBinomialPmf(j, k, paid));
    const nj = randomBinomial(stream.next)(remaining, atLeast > 0 ? Math.min(1, exactly / atLeast) : 1)();
    pay += waitingAmount > 0 ? nj * pays(j) : nj * amount * j;
    remaining -= nj;
  }
  return remaining > 0 ? pay + remaining * cap : pay;
}
