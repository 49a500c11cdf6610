/**
 * The simulation plan: a resolved scenario compiled into plain data and typed arrays that can
 * be posted to a worker (structured clone) and simulated with no further set-up work.
 *
 *   ResolvedScenario ──compilePlan──▶ Plan ──(post to workers)──▶ simulateBlock × blocks
 *
 * Per cost risk: the expected number of claimants λ = rate·members(who), the rate's cv, a
 * sampling table for the benefits driven by the cost (costTable.ts; or, for empirical costs,
 * each value's payment), and for daily allowances the distribution function of the days.
 * Per event risk: members(who), the per-member rate and its cv, and each lump sum's share of events
 * paid (waiting periods) and thinned per-member rate.
 * `scale` applies a projection year's trend (members, rate, cost); 1 in the first period.
 */
import type { Benefit, CostDist, ResolvedScenario } from '../domain/scenario.ts';
import { payFast } from '../benefits/fast.ts';
import { bandsPiecewise, stepsPiecewise } from '../benefits/piecewise.ts';
import { continuousCost, discreteValues, isContinuous } from './costDistribution.ts';
import { buildCostTable, cellEdges, DEFAULT_TABLE_BITS, type CostTable } from './costTable.ts';
import { daysCount } from './countDistribution.ts';
import { riskMembers, UNIT_SCALE, type Scale } from './expected.ts';
import { MAX_STEP_PIECES, waitingFactor } from './expectedBenefit.ts';

export type CostSampling =
  | { mode: 'table'; dist: CostDist; scale: number; table: CostTable; benefits: Benefit[] }
  | { mode: 'discrete'; pays: Float64Array[] };

export interface PlanCostRisk {
  kind: 'cost';
  lambda: number;
  rateCv: number;
  /** Output columns (benefit indices) of the benefits driven by the cost, in table order. */
  costColumns: number[];
  cost: CostSampling | null;
  /** Output columns of the daily allowances, in `days.pays` order. */
  dailyColumns: number[];
  days: { cdf: Float64Array; guide: Int32Array; pays: Float64Array[] } | null;
}

export interface PlanLumpSum {
  column: number;
  /** Per-member rate after waiting-period thinning (before Θ): `rate` × `paid`. */
  lambda: number;
  /** Probability that an event is paid, w = 1 − newShare·waitingDays/365 (each event independently). */
  paid: number;
  amount: number;
  /** Per-member cap; Infinity when none. */
  cap: number;
}

export interface PlanEventRisk {
  kind: 'event';
  members: number;
  /** Per-member event rate (before thinning and Θ): every lump sum on the risk counts the same events. */
  rate: number;
  rateCv: number;
  lumps: PlanLumpSum[];
}

export interface Plan {
  benefitIds: string[];
  risks: (PlanCostRisk | PlanEventRisk)[];
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
  s: ResolvedScenario,
  scale: Scale = UNIT_SCALE,
  bits = DEFAULT_TABLE_BITS,
  cache?: PlanCache,
): Plan {
  const benefitIds = s.benefits.map((b) => b.id);
  const risks = s.risks.map((risk, r) => {
    const columns = s.benefits.flatMap((b, i) => (b.risk === risk.id ? [i] : []));
    const members = riskMembers(s, risk, scale.members);
    if (risk.kind === 'event') {
      const rate = risk.rate * scale.rate;
      const lumps = columns.map((i): PlanLumpSum => {
        const b = s.benefits[i];
        if (b.type !== 'lump-sum')
          throw new TypeError(`benefit ${b.id} cannot apply to event risk ${risk.id}`);
        return {
          column: i,
          lambda: risk.rate * scale.rate * waitingFactor(b, s.members.newShare),
          paid: waitingFactor(b, s.members.newShare),
          amount: b.amount,
          cap: b.cap ?? Infinity,
        };
      });
      return { kind: 'event' as const, members, rate, rateCv: risk.rateCv, lumps };
    }
    const costColumns = columns.filter(
      (i) => s.benefits[i].type === 'bands' || s.benefits[i].type === 'steps',
    );
    const dailyColumns = columns.filter((i) => s.benefits[i].type === 'daily');
    const costBenefits = costColumns.map((i) => s.benefits[i]);
    const dailyBenefits = dailyColumns.map((i) => s.benefits[i]);
    return {
      kind: 'cost' as const,
      lambda: risk.rate * scale.rate * members,
      rateCv: risk.rateCv,
      costColumns,
      cost: cached(cache?.cost, `${r}:${scale.cost}`, () =>
        costBenefits.length === 0 ? null : compileCost(risk.cost, scale.cost, costBenefits, bits),
      ),
      dailyColumns,
      days: cached(cache?.days, r, () =>
        dailyBenefits.length === 0 || !risk.days ? null : compileDays(risk.days, dailyBenefits),
      ),
    };
  });
  return { benefitIds, risks };
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
    // (1 − cdf itself saturates near 1e-16, so the pmf past the mean decides).
    if (k >= maxDays || 1 - cdf < 1e-17 || (k > D.mean && p < 1e-18)) break;
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
