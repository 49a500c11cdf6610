/**
 * The simulation plan: a resolved scheme compiled into plain data and typed arrays that can
 * be posted to a worker (structured clone) and simulated with no further set-up work.
 *
 *   ResolvedScheme ──compilePlan──▶ Plan ──(post to workers)──▶ simulateBlock × blocks
 *
 * Per cost risk: the claimants by share count k, λ_k = Σ_g rate_g·members_{g,k}(who) (exposure.ts;
 * one class for a `/1` file), the rate's cv, a sampling table for the benefits driven by the cost
 * (costTable.ts; or, for empirical costs, each value's payment), for daily allowances the
 * distribution function of the days, which benefits pay per share, the limits, and each benefit's
 * P(paid > 0) for the beneficiary counts.
 * Per event risk: per cell (group × holding) its members, per-member rate, and each lump sum's
 * share of events outside the waiting period, thinned rate, waiting amount and share factor.
 * `scale` applies a projection year's trend (members, rate, cost); 1 in the first period.
 */
import type { Benefit, CostDist } from '../domain/scenario.ts';
import type { ResolvedScheme, SchemeBenefit } from '../domain/scheme.ts';
import { payFast } from '../benefits/fast.ts';
import { bandsPiecewise, stepsPiecewise } from '../benefits/piecewise.ts';
import { continuousCost, discreteValues, isContinuous } from './costDistribution.ts';
import { buildCostTable, cellEdges, DEFAULT_TABLE_BITS, type CostTable } from './costTable.ts';
import { daysCount } from './countDistribution.ts';
import { UNIT_SCALE, type Scale } from './expected.ts';
import { riskCells, shareFactor } from './exposure.ts';
import { costPaidProbabilities, eventPaidShare } from './paidProbability.ts';
import { MAX_STEP_PIECES, waitingFactor } from './expectedBenefit.ts';

export type CostSampling =
  | { mode: 'table'; dist: CostDist; scale: number; table: CostTable; benefits: Benefit[] }
  | { mode: 'discrete'; pays: Float64Array[] };

/** The claimants of a cost risk holding `shares` shares each: λ = Σ rate_g·members_{g,k} (before Θ). */
export interface PlanClass {
  shares: number;
  lambda: number;
}

/** A limit over a claimant's (or member's) benefits of one risk. */
export interface PlanLimit {
  /** Indices into the risk's `costColumns` and `dailyColumns` (cost risks) or `lumps` (event risks). */
  cost: number[];
  daily: number[];
  /** One share's cap, and whether it is multiplied by the holder's shares. */
  cap: number;
  perShare: boolean;
}

export interface PlanCostRisk {
  kind: 'cost';
  rateCv: number;
  /** The claimants by share count, in order of first appearance (one class for a `/1` file). */
  classes: PlanClass[];
  /** Output columns (benefit indices) of the benefits driven by the cost, in table order. */
  costColumns: number[];
  /** Whether each of them (and each daily allowance) pays per share. */
  costPerShare: boolean[];
  cost: CostSampling | null;
  /** Output columns of the daily allowances, in `days.pays` order. */
  dailyColumns: number[];
  dailyPerShare: boolean[];
  days: { cdf: Float64Array; guide: Int32Array; pays: Float64Array[] } | null;
  limits: PlanLimit[];
  /** For the beneficiary counts: P(paid > 0) of each benefit column of the risk, and of any. */
  paid: { column: number; p: number }[];
  paidAny: number;
}

export interface PlanLumpSum {
  column: number;
  /** Per-member rate after waiting-period thinning (before Θ): `rate` × `paid`. */
  lambda: number;
  /** Probability that an event falls outside the waiting period, w = 1 − newShare·waitingDays/365. */
  paid: number;
  amount: number;
  /** What an event in the waiting period pays (`/1`: 0, i.e. the event is not paid). */
  waitingAmount: number;
  /** Per-member cap; Infinity when none. */
  cap: number;
  /** The member's multiplier: its shares when the lump sum pays per share, else 1. */
  factor: number;
  /** P(one event pays more than 0), for the beneficiary counts. */
  q: number;
}

/** The members of one group holding the same number of shares, exposed to an event risk. */
export interface PlanEventCell {
  members: number;
  /** Per-member event rate (before thinning and Θ): every lump sum on the risk counts the same events. */
  rate: number;
  shares: number;
  lumps: PlanLumpSum[];
}

export interface PlanEventRisk {
  kind: 'event';
  rateCv: number;
  cells: PlanEventCell[];
  /** Lump sums under a limit are paid member by member (indices into each cell's `lumps`). */
  limits: PlanLimit[];
}

export interface Plan {
  benefitIds: string[];
  risks: (PlanCostRisk | PlanEventRisk)[];
  /** Output columns of the counts: claimants by risk, beneficiaries by benefit, 受益人次. */
  countColumns: number;
}

/** Largest days table; mass beyond it (only for absurdly dispersed days) is put on its last entry. */
const MAX_DAYS_TABLE = 1 << 22;
const GUIDE_SIZE = 1024;

/**
 * Tables a projection reuses from one year to the next (the same numbers, built once): a cost
 * risk's sampling by its cost scale (unchanged without a cost trend), its days table always (days
 * have no trend). Keyed by risk index; one cache per scenario and table size.
 */
export interface PlanCache {
  cost: Map<string, CostSampling | null>;
  days: Map<number, PlanCostRisk['days']>;
}

export const planCache = (): PlanCache => ({ cost: new Map(), days: new Map() });

/** `cache.get(key)`, or `make()` stored under `key`. */
function cached<K, V>(map: Map<K, V> | undefined, key: K, make: () => V): V {
  if (map?.has(key)) return map.get(key)!;
  const v = make();
  map?.set(key, v);
  return v;
}

export function compilePlan(
  s: ResolvedScheme,
  scale: Scale = UNIT_SCALE,
  bits = DEFAULT_TABLE_BITS,
  cache?: PlanCache,
): Plan {
  const benefitIds = s.benefits.map((b) => b.id);
  const risks = s.risks.map((risk, r) => {
    const columns = s.benefits.flatMap((b, i) => (b.risk === risk.id ? [i] : []));
    const cells = riskCells(s, risk, scale.members);
    const myLimits = s.limits.filter((l) => l.risk === risk.id);
    if (risk.kind === 'event') {
      const lumpColumns = columns.map((i) => {
        const b = s.benefits[i];
        if (b.type !== 'lump-sum')
          throw new TypeError(`benefit ${b.id} cannot apply to event risk ${risk.id}`);
        return i;
      });
      const planCells = cells.map((cell): PlanEventCell => {
        const newShare = s.groups[cell.group].newShare;
        const lumps = lumpColumns.map((i): PlanLumpSum => {
          const b = s.benefits[i] as Extract<SchemeBenefit, { type: 'lump-sum' }>;
          const w = waitingFactor(b, newShare);
          return {
            column: i,
            lambda: cell.rate * scale.rate * w,
            paid: w,
            amount: b.amount,
            waitingAmount: b.waitingAmount,
            cap: b.cap ?? Infinity,
            factor: shareFactor(b.perShare, cell.shares),
            q: eventPaidShare(b, w),
          };
        });
        return { members: cell.members, rate: cell.rate * scale.rate, shares: cell.shares, lumps };
      });
      const limits = myLimits.map((l): PlanLimit => ({
        cost: lumpColumns.flatMap((i, j) => (l.benefits.includes(s.benefits[i].id) ? [j] : [])),
        daily: [],
        cap: l.cap,
        perShare: l.perShare,
      }));
      return { kind: 'event' as const, rateCv: risk.rateCv, cells: planCells, limits };
    }
    const costColumns = columns.filter(
      (i) => s.benefits[i].type === 'bands' || s.benefits[i].type === 'steps',
    );
    const dailyColumns = columns.filter((i) => s.benefits[i].type === 'daily');
    const costBenefits = costColumns.map((i) => s.benefits[i]);
    const dailyBenefits = dailyColumns.map((i) => s.benefits[i]);
    const classes: PlanClass[] = [];
    for (const cell of cells) {
      const lambda = cell.rate * scale.rate * cell.members;
      const c = classes.find((x) => x.shares === cell.shares);
      if (c) c.lambda += lambda;
      else classes.push({ shares: cell.shares, lambda });
    }
    const paid = costPaidProbabilities(
      risk.cost,
      scale.cost,
      risk.days,
      columns.map((i) => s.benefits[i]),
    );
    return {
      kind: 'cost' as const,
      rateCv: risk.rateCv,
      classes,
      costColumns,
      costPerShare: costBenefits.map((b) => b.perShare),
      cost: cached(cache?.cost, `${r}:${scale.cost}`, () =>
        costBenefits.length === 0 ? null : compileCost(risk.cost, scale.cost, costBenefits, bits),
      ),
      dailyColumns,
      dailyPerShare: dailyBenefits.map((b) => b.perShare),
      days: cached(cache?.days, r, () =>
        dailyBenefits.length === 0 || !risk.days ? null : compileDays(risk.days, dailyBenefits),
      ),
      limits: myLimits.map((l): PlanLimit => ({
        cost: costColumns.flatMap((i, j) => (l.benefits.includes(s.benefits[i].id) ? [j] : [])),
        daily: dailyColumns.flatMap((i, j) => (l.benefits.includes(s.benefits[i].id) ? [j] : [])),
        cap: l.cap,
        perShare: l.perShare,
      })),
      paid: columns.map((column, j) => ({ column, p: paid.each[j] })),
      paidAny: paid.any,
    };
  });
  return { benefitIds, risks, countColumns: s.risks.length + s.benefits.length + 1 };
}

function compileCost(dist: CostDist, scale: number, benefits: Benefit[], bits: number): CostSampling {
  if (!isContinuous(dist)) {
    const values = discreteValues(dist);
    return {
      mode: 'discrete',
      pays: benefits.map((b) => {
        const pay = payFast(b);
        return Float64Array.from(values, (v) => pay(v * scale));
      }),
    };
  }
  const X = continuousCost(dist, scale);
  // Uncapped steps have infinitely many pieces, and capped ones up to 1e14 (a cap of 1e12 on steps
  // of a fen): past MAX_STEP_PIECES, describe them up to the last cell's lower edge and at most
  // MAX_STEP_PIECES steps; the cells beyond are sampled exactly (costTable.ts). (Describing up to
  // 4 million steps, as before, took seconds under a heavy tail for no gain in accuracy: a cell
  // sampled exactly is exact.)
  // The last cell's lower edge, Q(1 − 1/T) as cellEdges computes it (from the top once T ≥ 4).
  const lastEdge = bits >= 2 ? X.quantileUpper(1 / 2 ** bits) : cellEdges(X, bits)[2 ** bits - 1];
  const pieces = benefits.map((b) => {
    if (b.type === 'bands') return bandsPiecewise(b);
    if (b.type === 'steps') {
      const many = b.cap === undefined || b.cap / b.perStep > MAX_STEP_PIECES;
      return stepsPiecewise(b, many ? Math.min(lastEdge, b.from + MAX_STEP_PIECES * b.step) : Infinity);
    }
    throw new TypeError(`benefit ${b.id} is not driven by the cost`);
  });
  return { mode: 'table', dist, scale, table: buildCostTable(X, pieces, bits), benefits };
}

function compileDays(
  days: NonNullable<import('../domain/scenario.ts').CostRisk['days']>,
  benefits: Benefit[],
) {
  const D = daysCount(days);
  const maxDays = benefits.reduce(
    (m, b) => Math.max(m, b.type === 'daily' && b.maxDays !== undefined ? b.maxDays : Infinity),
    0,
  );
  const probs: number[] = [];
  let cdf = 0;
  for (let k = 0; k <= Math.min(D.max, MAX_DAYS_TABLE - 1); k++) {
    const p = D.pmf(k);
    cdf += p;
    probs.push(cdf);
    // Stop at the cap, or where the rest of the distribution is below double precision
    // (1 − cdf itself saturates near 1e-16, so the pmf past the mean decides: only for unbounded
    // days, whose pmf falls from there on; fixed and empirical days run to their largest value,
    // past days of probability 0).
    if (k >= maxDays || 1 - cdf < 1e-17 || (D.max === Infinity && k > D.mean && p < 1e-18)) break;
  }
  const cdfArr = Float64Array.from(probs);
  cdfArr[cdfArr.length - 1] = 1; // the remaining mass (≥ maxDays, or beyond double precision) on the last entry
  const guide = new Int32Array(GUIDE_SIZE);
  for (let g = 0, k = 0; g < GUIDE_SIZE; g++) {
    while (cdfArr[k] <= g / GUIDE_SIZE) k++;
    guide[g] = k;
  }
  const pays = benefits.map((b) => {
    const pay = payFast(b);
    return Float64Array.from(cdfArr, (_, k) => pay(k));
  });
  return { cdf: cdfArr, guide, pays };
}
