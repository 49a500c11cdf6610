/**
 * The exact method's view of a scheme: one membership, every member holding one share, no limit
 * and no waiting amount — what the FFT components (buildComponents.ts) model. A scheme with more
 * (member groups, holdings of several shares, limits, waiting amounts: `huzhu-scenario/2`) is
 * refused with the field it does not model yet, as an `ExactRefusedError` ('scheme-feature');
 * the Monte Carlo models all of them.
 *
 * members(who) as the engine simulates them: the count, or round(count × femaleShare) for
 * `who: "female"`.
 */
import type { ResolvedScenario, ResolvedRisk } from '../../domain/scenario.ts';
import type { ResolvedScheme } from '../../domain/scheme.ts';
import { ExactRefusedError } from './exactAccuracy.ts';

/** The first `/2` field the exact method does not model, as a path into the scenario; null when none. */
export function unmodelledFeature(s: ResolvedScheme): string | null {
  if (s.groups.length !== 1) return 'members.groups';
  if (s.groups[0].holdings.some((h) => h.shares !== 1)) return 'members.groups[0].holdings';
  const w = s.benefits.findIndex((b) => b.type === 'lump-sum' && b.waitingAmount > 0);
  if (w >= 0) return `benefits[${w}].waitingAmount`;
  if (s.limits.length > 0) return 'limits';
  const r = s.risks.findIndex((risk) => risk.groups.length !== 1);
  if (r >= 0) return `risks[${r}].groups`;
  return null;
}

/** The one-membership scenario of `s`; throws ExactRefusedError naming the field it cannot model. */
export function oneMembership(s: ResolvedScheme): ResolvedScenario {
  const path = unmodelledFeature(s);
  if (path !== null) throw new ExactRefusedError({ code: 'scheme-feature', params: { path } });
  const g = s.groups[0];
  return {
    name: s.name,
    members: { count: g.count, femaleShare: g.femaleShare, newShare: g.newShare },
    contributions: s.contributions.map((c) => ({ payer: c.payer, amount: c.amount })),
    fund: s.fund,
    risks: s.risks.map((risk): ResolvedRisk => {
      const { groups: _groups, rates, ...rest } = risk;
      return { ...rest, rate: rates[g.id] } as ResolvedRisk;
    }),
    benefits: s.benefits.map((b) => {
      const { perShare: _perShare, ...rest } = b;
      if (rest.type === 'lump-sum') {
        const { waitingAmount: _w, ...lump } = rest as typeof rest & { waitingAmount: number };
        return lump;
      }
      return rest;
    }),
    trend: s.trend,
    simulation: s.simulation,
  };
}

/** members(who) of a one-membership scenario: integer, as the engine simulates them. */
export function oneMembers(s: ResolvedScenario, risk: ResolvedRisk, memberScale = 1): number {
  const count = Math.round(s.members.count * memberScale);
  return risk.who === 'female' ? Math.round(count * s.members.femaleShare) : count;
}

/** The scheme of a one-membership scenario: one group `"all"` holding one share each (the inverse of oneMembership). */
export function schemeOf(s: ResolvedScenario): ResolvedScheme {
  const all = 'all';
  return {
    name: s.name,
    groups: [{ id: all, ...s.members, holdings: [{ shares: 1, fraction: 1 }] }],
    contributions: s.contributions.map((c) => ({
      payer: c.payer,
      amount: c.amount,
      perShare: false,
      groups: [all],
    })),
    fund: s.fund,
    risks: s.risks.map((r) => {
      const { rate, ...rest } = r;
      return { ...rest, groups: [all], rates: { [all]: rate } };
    }),
    benefits: s.benefits.map((b) =>
      b.type === 'lump-sum' ? { ...b, perShare: false, waitingAmount: 0 } : { ...b, perShare: false },
    ),
    limits: [],
    trend: s.trend,
    simulation: s.simulation,
  };
}
