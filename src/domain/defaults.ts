/**
 * Defaults of `huzhu-scenario/1` (docs/scenario-format.md, "Format huzhu-scenario/1") and
 * `resolveScenario`, which fills them in for the engine. Pure; never mutates its input.
 */
import type { ResolvedScenario, Scenario } from './scenario.ts';

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

/** Fills every default; the result shares no mutable structure with `s`. */
export function resolveScenario(s: Scenario): ResolvedScenario {
  const clone = structuredClone(s);
  return {
    name: clone.name,
    members: {
      count: clone.members.count,
      femaleShare: clone.members.femaleShare ?? DEFAULTS.femaleShare,
      newShare: clone.members.newShare ?? DEFAULTS.newShare,
    },
    contributions: clone.contributions,
    fund: {
      reserve: clone.fund?.reserve ?? DEFAULTS.reserve,
      backstop: clone.fund?.backstop ?? DEFAULTS.backstop,
      expenseRate: clone.fund?.expenseRate ?? DEFAULTS.expenseRate,
    },
    risks: clone.risks.map((r) => ({
      ...r,
      who: r.who ?? DEFAULTS.who,
      rateCv: r.rateCv ?? DEFAULTS.rateCv,
    })),
    benefits: clone.benefits,
    trend: {
      members: clone.trend?.members ?? 0,
      contribution: clone.trend?.contribution ?? 0,
      rate: clone.trend?.rate ?? 0,
      cost: clone.trend?.cost ?? 0,
    },
    simulation: {
      iterations: clone.simulation?.iterations ?? DEFAULTS.iterations,
      seed: clone.simulation?.seed ?? DEFAULTS.seed,
      years: clone.simulation?.years ?? DEFAULTS.years,
      confidence: clone.simulation?.confidence ?? DEFAULTS.confidence,
    },
  };
}

/** Income per period: `count × Σ amount` (yuan). */
export function contributionPerMember(s: { contributions: { amount: number }[] }): number {
  let total = 0;
  for (const c of s.contributions) total += c.amount;
  return total;
}
