/**
 * The exact expectations of one period: the payout `μ = E[S]`, each benefit's part of it (before
 * limits), each limit's reduction, each group's payout, and the beneficiary counts.
 *
 * Per risk, per cell of one group g and one holding of k shares (exposure.ts: m members):
 *   cost risk:  λ = rate_g·m claimants; benefit b pays λ·c_b(k)·E[b(X or D)], c_b(k) = k when per
 *               share, else 1; a limit on the risk saves λ·(Σ_{b in it} c_b E[b] − E[min(Σ c_b b, C·c_L(k))])
 *               (expectedLimit.ts);
 *   event risk: per member, lump sum b pays c_b(k)·E[min(a·J + waiting·(K − J), cap)] with
 *               K ~ Poisson(rate_g·Θ) and J the events outside the waiting period
 *               (w = 1 − newShare_g·waitingDays/365), and a limit likewise per member.
 *   μ = Σ benefits − Σ limit reductions. E[Θ] = 1, so rate uncertainty does not move a cost risk's
 *   mean; it moves a capped lump sum's through the per-member count distribution.
 * Counts: claimants (events) λ per cell; beneficiaries of b: λ·P(b > 0) (paidProbability.ts);
 * 受益人次: Σ over risks of λ·P(any benefit of the risk > 0); average benefit = μ ÷ 受益人次.
 * `scale` applies a projection year's trend factors (1 in the first period).
 */
import type { ResolvedScheme, SchemeBenefit, SchemeRisk } from '../domain/scheme.ts';
import type { LumpSumBenefit } from '../domain/scenario.ts';
import {
  expectedCostBenefit,
  expectedDailyBenefit,
  expectedLumpSum,
  waitingFactor,
} from './expectedBenefit.ts';
import { expectedCostLimit, expectedEventMember, type LumpPart, type Part } from './expectedLimit.ts';
import { riskCells, shareFactor } from './exposure.ts';
import { costPaidProbabilities, eventPaidShare, probPositiveCount } from './paidProbability.ts';
import type { DailyBenefit } from '../domain/scenario.ts';

export interface Scale {
  members: number;
  rate: number;
  cost: number;
}
export const UNIT_SCALE: Scale = { members: 1, rate: 1, cost: 1 };

export interface Expected {
  /** After limits. */
  payout: number;
  /** Before limits. */
  benefits: { id: string; expected: number }[];
  /** By risk: claimants (cost) or events (event). */
  claimants: { id: string; expected: number }[];
  /** By benefit: claimants or members paid more than 0 by it. */
  beneficiaries: { id: string; expected: number }[];
  /** 受益人次. */
  beneficiaryTimes: number;
  groups: { id: string; payout: number }[];
  limits: { id: string; reduction: number }[];
}

/** Expected payment per claimant of a cost-driven or daily benefit (one share). */
export function expectedPerClaimant(b: SchemeBenefit, risk: SchemeRisk, scale: Scale = UNIT_SCALE): number {
  if (risk.kind !== 'cost') throw new TypeError(`benefit ${b.id} needs a cost risk`);
  if (b.type === 'bands' || b.type === 'steps') return expectedCostBenefit(b, risk.cost, scale.cost);
  if (b.type === 'daily') {
    if (!risk.days) throw new TypeError(`benefit ${b.id} needs days`);
    return expectedDailyBenefit(b, risk.days);
  }
  throw new TypeError(`benefit ${b.id} cannot apply to cost risk ${risk.id}`);
}

/** A lump sum with its waiting amount, the way the expectations read it. */
const lumpOf = (b: SchemeBenefit) => {
  if (b.type !== 'lump-sum') throw new TypeError(`benefit ${b.id} needs an event risk`);
  return b as LumpSumBenefit & { waitingAmount: number; perShare: boolean; type: 'lump-sum' };
};

export function expectedPayout(s: ResolvedScheme, scale: Scale = UNIT_SCALE): Expected {
  const nb = s.benefits.length;
  const benefits = new Float64Array(nb);
  const beneficiaries = new Float64Array(nb);
  const groups = new Float64Array(s.groups.length);
  const limits = new Float64Array(s.limits.length);
  const claimants = s.risks.map((r) => ({ id: r.id, expected: 0 }));
  let beneficiaryTimes = 0;
  s.risks.forEach((risk, r) => {
    const mine = s.benefits.flatMap((b, i) => (b.risk === risk.id ? [i] : []));
    const myLimits = s.limits.flatMap((l, i) => (l.risk === risk.id ? [i] : []));
    const cells = riskCells(s, risk, scale.members);
    if (risk.kind === 'cost') {
      const perUnit = mine.map((i) => expectedPerClaimant(s.benefits[i], risk, scale));
      const paid = costPaidProbabilities(
        risk.cost,
        scale.cost,
        risk.days,
        mine.map((i) => s.benefits[i]),
      );
      const reductionFor = new Map<number, number[]>();
      for (const cell of cells) {
        const lambda = cell.rate * scale.rate * cell.members;
        const k = cell.shares;
        let cellPay = 0;
        mine.forEach((i, j) => {
          const e = lambda * (shareFactor(s.benefits[i].perShare, k) * perUnit[j]);
          benefits[i] += e;
          cellPay += e;
          beneficiaries[i] += lambda * paid.each[j];
        });
        if (!reductionFor.has(k))
          reductionFor.set(
            k,
            myLimits.map((l) => costLimitReduction(s, risk, l, k, scale)),
          );
        reductionFor.get(k)!.forEach((red, j) => {
          limits[myLimits[j]] += lambda * red;
          cellPay -= lambda * red;
        });
        groups[cell.group] += cellPay;
        claimants[r].expected += lambda;
        beneficiaryTimes += lambda * paid.any;
      }
      return;
    }
    for (const cell of cells) {
      const g = s.groups[cell.group];
      const nu = cell.rate * scale.rate;
      const k = cell.shares;
      const m = cell.members;
      const lumps: LumpPart[] = mine.map((i) => {
        const b = lumpOf(s.benefits[i]);
        return { b, c: shareFactor(b.perShare, k), paid: waitingFactor(b, g.newShare) };
      });
      let cellPay = 0;
      let none = 1;
      lumps.forEach((lump, j) => {
        const i = mine[j];
        const perMember =
          lump.b.waitingAmount === 0
            ? expectedLumpSum(lump.b, nu, risk.rateCv, g.newShare)
            : expectedEventMember([{ ...lump, c: 1 }], nu, risk.rateCv, Infinity);
        const e = m * (lump.c * perMember);
        benefits[i] += e;
        cellPay += e;
        const q = eventPaidShare(lump.b, lump.paid);
        beneficiaries[i] += m * probPositiveCount(nu * q, risk.rateCv);
        none *= 1 - q;
      });
      for (const l of myLimits) {
        const limit = s.limits[l];
        const inLimit = lumps.filter((lump) => limit.benefits.includes(lump.b.id));
        let before = 0;
        for (const lump of inLimit)
          before +=
            lump.c *
            (lump.b.waitingAmount === 0
              ? expectedLumpSum(lump.b, nu, risk.rateCv, g.newShare)
              : expectedEventMember([{ ...lump, c: 1 }], nu, risk.rateCv, Infinity));
        const cap = limit.cap * shareFactor(limit.perShare, k);
        const red = m * Math.max(0, before - expectedEventMember(inLimit, nu, risk.rateCv, cap));
        limits[l] += red;
        cellPay -= red;
      }
      groups[cell.group] += cellPay;
      claimants[r].expected += m * nu;
      if (lumps.length > 0) beneficiaryTimes += m * probPositiveCount(nu * (1 - none), risk.rateCv);
    }
  });
  const byBenefit = s.benefits.map((b, i) => ({ id: b.id, expected: benefits[i] }));
  let payout = 0;
  for (const b of byBenefit) payout += b.expected;
  for (const red of limits) payout -= red;
  return {
    // Every limit takes off at most what its benefits pay, so the payout is ≥ 0; where the limits
    // take off all of it the difference of the two sums can round to −1e−16 of them.
    payout: Math.max(0, payout),
    benefits: byBenefit,
    claimants,
    beneficiaries: s.benefits.map((b, i) => ({ id: b.id, expected: beneficiaries[i] })),
    beneficiaryTimes,
    groups: s.groups.map((g, i) => ({ id: g.id, payout: groups[i] })),
    limits: s.limits.map((l, i) => ({ id: l.id, reduction: limits[i] })),
  };
}

/** What one limit saves per claimant of a holder of k shares: Σ c_b E[b] − E[min(Σ c_b b, C·c_L)]. */
function costLimitReduction(s: ResolvedScheme, risk: SchemeRisk, l: number, k: number, scale: Scale): number {
  if (risk.kind !== 'cost') throw new TypeError(`limit on ${risk.id} needs a cost risk`);
  const limit = s.limits[l];
  const inLimit = s.benefits.filter((b) => limit.benefits.includes(b.id));
  const part = (b: SchemeBenefit): Part => ({ b, c: shareFactor(b.perShare, k) });
  const cost = inLimit.filter((b) => b.type === 'bands' || b.type === 'steps').map(part);
  const daily = inLimit.filter((b) => b.type === 'daily').map(part) as Part<DailyBenefit>[];
  let before = 0;
  for (const b of inLimit) before += shareFactor(b.perShare, k) * expectedPerClaimant(b, risk, scale);
  const after = expectedCostLimit(
    risk.cost,
    scale.cost,
    cost,
    risk.days,
    daily,
    limit.cap * shareFactor(limit.perShare, k),
  );
  return Math.max(0, before - after);
}
