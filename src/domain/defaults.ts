/**
 * Defaults of the scenario format (docs/scenario-format.md) and the functions that fill them in:
 * `resolveScheme` (every format, every feature: what the engine reads).
 * Pure; never mutate their input.
 */
import { ALL_GROUP, type Holding, type Members, type Rate, type Scenario } from './scenario.ts';
import type { ResolvedGroup, ResolvedScheme, SchemeBenefit, SchemeRisk } from './scheme.ts';

export const DEFAULTS = {
  femaleShare: 0.5,
  newShare: 0,
  reserve: 0,
  backstop: 0,
  expenseRate: 0,
  who: 'all',
  rateCv: 0,
  deductible: 0,
  iterations: 10_000,
  seed: 'huzhu',
  years: 1,
  confidence: 0.95,
} as const;

/** Every member holds one share. */
export const ONE_SHARE: readonly Holding[] = Object.freeze([Object.freeze({ shares: 1, fraction: 1 })]);

/** The groups of a membership with their defaults: one group `"all"` for `members.count`. */
export function resolveGroups(m: Members): ResolvedGroup[] {
  const groups = m.groups ?? [
    { id: ALL_GROUP, count: m.count, femaleShare: m.femaleShare, newShare: m.newShare },
  ];
  return groups.map((g) => ({
    id: g.id,
    count: g.count,
    femaleShare: g.femaleShare ?? DEFAULTS.femaleShare,
    newShare: g.newShare ?? DEFAULTS.newShare,
    holdings: structuredClone(g.holdings ?? [...ONE_SHARE]),
  }));
}

/** All members of all groups. */
export function totalMembers(m: Members): number {
  if (m.groups === undefined) return m.count;
  let n = 0;
  for (const g of m.groups) n += g.count;
  return n;
}

/** A group's mean number of shares per member, Σ shares × fraction. */
export function meanShares(holdings: readonly Holding[]): number {
  let k = 0;
  for (const h of holdings) k += h.shares * h.fraction;
  return k;
}

/** Every exposed group's rate: a single `rate` is each of `groups`'. */
function ratesOf(rate: Rate, groups: string[]): Record<string, number> {
  if (typeof rate !== 'number') return { ...rate };
  return Object.fromEntries(groups.map((g) => [g, rate]));
}

/** The fund, trend and simulation settings with their defaults: the same in both formats. */
function fundTrendSimulation(s: Scenario): Pick<ResolvedScheme, 'fund' | 'trend' | 'simulation'> {
  return {
    fund: {
      reserve: s.fund?.reserve ?? DEFAULTS.reserve,
      backstop: s.fund?.backstop ?? DEFAULTS.backstop,
      expenseRate: s.fund?.expenseRate ?? DEFAULTS.expenseRate,
    },
    trend: {
      members: s.trend?.members ?? 0,
      contribution: s.trend?.contribution ?? 0,
      rate: s.trend?.rate ?? 0,
      cost: s.trend?.cost ?? 0,
    },
    simulation: {
      iterations: s.simulation?.iterations ?? DEFAULTS.iterations,
      seed: s.simulation?.seed ?? DEFAULTS.seed,
      years: s.simulation?.years ?? DEFAULTS.years,
      confidence: s.simulation?.confidence ?? DEFAULTS.confidence,
    },
  };
}

/** Fills every default of either format; the result shares no mutable structure with `s`. */
export function resolveScheme(s: Scenario): ResolvedScheme {
  const clone = structuredClone(s);
  const groups = resolveGroups(clone.members);
  const ids = groups.map((g) => g.id);
  const inOrder = (named: string[] | undefined) => (named ? ids.filter((id) => named.includes(id)) : ids);
  const riskOf = new Map(clone.benefits.map((b) => [b.id, b.risk]));
  return {
    name: clone.name,
    groups,
    contributions: clone.contributions.map((c) => ({
      payer: c.payer,
      amount: c.amount,
      perShare: c.perShare ?? false,
      groups: inOrder(c.groups),
    })),
    ...fundTrendSimulation(clone),
    risks: clone.risks.map((r): SchemeRisk => {
      const exposed = inOrder(r.groups);
      const base = {
        id: r.id,
        who: r.who ?? DEFAULTS.who,
        rateCv: r.rateCv ?? DEFAULTS.rateCv,
        groups: exposed,
        rates: ratesOf(r.rate, exposed),
      };
      return r.kind === 'cost'
        ? { ...base, kind: 'cost', cost: r.cost, ...(r.days ? { days: r.days } : {}) }
        : { ...base, kind: 'event' };
    }),
    benefits: clone.benefits.map((b): SchemeBenefit =>
      b.type === 'lump-sum'
        ? { ...b, perShare: b.perShare ?? false, waitingAmount: b.waitingAmount ?? 0 }
        : { ...b, perShare: b.perShare ?? false },
    ),
    limits: (clone.limits ?? []).map((l) => ({
      id: l.id,
      benefits: l.benefits,
      cap: l.cap,
      perShare: l.perShare ?? false,
      risk: riskOf.get(l.benefits[0]) ?? '',
    })),
  };
}

/** Contribution per member per period, Σ amount (one membership, one share each). */
export function contributionPerMember(s: { contributions: { amount: number }[] }): number {
  let total = 0;
  for (const c of s.contributions) total += c.amount;
  return total;
}
