/**
 * The exact expected payout of one period, `μ = E[S]`, and each benefit's share of it.
 *
 *   μ = Σ_cost risks  λ_r · Σ_{b on r} E[b(X or D)]  +  Σ_event risks  m_r · Σ_{b on r} E[min(a·K, cap)]
 *
 * with λ_r = rate_r · m_r claimants expected (E[Θ] = 1, so rate uncertainty does not move the mean;
 * it does move a capped lump sum's mean through the per-member count distribution) and
 * m_r = members(who): the count, or round(count × femaleShare) for `who: "female"`.
 * `scale` applies a projection year's trend factors (1 in the first period).
 */
import type { Benefit, ResolvedRisk, ResolvedScenario } from '../domain/scenario.ts';
import { expectedCostBenefit, expectedDailyBenefit, expectedLumpSum } from './expectedBenefit.ts';

export interface Scale {
  members: number;
  rate: number;
  cost: number;
}
export const UNIT_SCALE: Scale = { members: 1, rate: 1, cost: 1 };

export interface Expected {
  payout: number;
  benefits: { id: string; expected: number }[];
}

/** members(who) for a risk: integer, as the engine simulates them. */
export function riskMembers(s: ResolvedScenario, risk: ResolvedRisk, memberScale = 1): number {
  const count = Math.round(s.members.count * memberScale);
  return risk.who === 'female' ? Math.round(count * s.members.femaleShare) : count;
}

/** Expected payment of one benefit per exposed unit: per claimant (cost risks) or per member (event risks). */
export function expectedPerUnit(
  s: ResolvedScenario,
  b: Benefit,
  risk: ResolvedRisk,
  scale: Scale = UNIT_SCALE,
): number {
  switch (b.type) {
    case 'bands':
    case 'steps':
      if (risk.kind !== 'cost') throw new TypeError(`benefit ${b.id} needs a cost risk`);
      return expectedCostBenefit(b, risk.cost, scale.cost);
    case 'daily':
      if (risk.kind !== 'cost' || !risk.days) throw new TypeError(`benefit ${b.id} needs days`);
      return expectedDailyBenefit(b, risk.days);
    case 'lump-sum':
      return expectedLumpSum(b, risk.rate * scale.rate, risk.rateCv, s.members.newShare);
  }
}

export function expectedPayout(s: ResolvedScenario, scale: Scale = UNIT_SCALE): Expected {
  const risks = new Map(s.risks.map((r) => [r.id, r]));
  const benefits = s.benefits.map((b) => {
    const risk = risks.get(b.risk);
    if (!risk) throw new TypeError(`benefit ${b.id} names no risk`);
    const m = riskMembers(s, risk, scale.members);
    const exposure = risk.kind === 'cost' ? risk.rate * scale.rate * m : m;
    return { id: b.id, expected: exposure * expectedPerUnit(s, b, risk, scale) };
  });
  let payout = 0;
  for (const b of benefits) payout += b.expected;
  return { payout, benefits };
}
