/**
 * Sensitivity of the verdict's figures to each assumption, for a tornado chart: each assumption is
 * moved down and up by a stated amount, everything else held, and the expected loss ratio (exact)
 * and, when a distribution function is supplied, P(deficit) recomputed.
 *
 * | key           | moves                                                                 | by        |
 * | rate          | every risk's claim or event rate (at most 1)                          | ±10%      |
 * | cost-mean     | every cost distribution's scale: lognormal/gamma mean, Pareto scale, empirical values | ±10% |
 * | cost-spread   | lognormal/gamma cv; Pareto shape at the same mean; empirical values' spread about their mean | ±10% |
 * | rate-cv       | every risk's year-to-year rate uncertainty (from 0: to 0.1)           | ±50%      |
 * | days          | every days distribution's mean (value for fixed, values for empirical) | ±10%     |
 * | members       | the number of members (income moves with it)                          | ±10%      |
 */
import { resolveScheme } from '../domain/defaults.ts';
import type { CostDist, DaysDist, Members, Rate, Risk, Scenario } from '../domain/scenario.ts';
import { expectedPayout } from './expected.ts';
import { incomeOf } from './fund.ts';

export interface Figures {
  lossRatio: number;
  probDeficit: number | null;
}
export interface SensitivityBar {
  key: string;
  step: number;
  low: Figures;
  high: Figures;
}
export interface Sensitivity {
  base: Figures;
  bars: SensitivityBar[];
}

type Move = (s: Scenario, f: number) => Scenario;

const mapRisks = (s: Scenario, fn: (r: Risk) => Risk): Scenario => ({ ...s, risks: s.risks.map(fn) });

function scaleCost(c: CostDist, f: number): CostDist {
  switch (c.dist) {
    case 'lognormal':
    case 'gamma':
      return { ...c, mean: c.mean * f };
    case 'pareto':
      return { ...c, scale: c.scale * f };
    case 'empirical':
      return { ...c, values: c.values.map((v) => v * f) };
  }
}

function spreadCost(c: CostDist, f: number): CostDist {
  switch (c.dist) {
    case 'lognormal':
    case 'gamma':
      return { ...c, cv: c.cv * f };
    case 'pareto': {
      // cv² = shape/(shape − 2) for shape > 2; move the shape the other way, keeping the mean.
      const shape = Math.max(1.0001, 1 + (c.shape - 1) / f);
      return { dist: 'pareto', shape, scale: (c.scale / (c.shape - 1)) * (shape - 1) };
    }
    case 'empirical': {
      const mean = c.values.reduce((a, v) => a + v, 0) / c.values.length;
      return { ...c, values: c.values.map((v) => Math.max(1e-6, mean + (v - mean) * f)) };
    }
  }
}

function scaleDays(d: DaysDist, f: number): DaysDist {
  switch (d.dist) {
    case 'poisson':
      return { ...d, mean: d.mean * f };
    case 'negative-binomial':
      return { ...d, mean: d.mean * f, cv: Math.max(d.cv, Math.sqrt(1 / (d.mean * f)) * 1.0001) };
    case 'fixed':
      return { ...d, value: Math.round(d.value * f) };
    case 'empirical':
      return { ...d, values: d.values.map((v) => Math.round(v * f)) };
  }
}

/** Every rate × f (at most 1), one per group where the risk has one per group. */
function scaleRate(rate: Rate, f: number): Rate {
  if (typeof rate === 'number') return Math.min(1, rate * f);
  return Object.fromEntries(Object.entries(rate).map(([g, r]) => [g, Math.min(1, r * f)]));
}

/** Every group's count × f, rounded, at least 1. */
function scaleMembers(m: Members, f: number): Members {
  const scale = (n: number) => Math.max(1, Math.round(n * f));
  return m.groups === undefined
    ? { ...m, count: scale(m.count) }
    : { groups: m.groups.map((g) => ({ ...g, count: scale(g.count) })) };
}

export const MOVES: { key: string; step: number; move: Move; applies: (s: Scenario) => boolean }[] = [
  {
    key: 'rate',
    step: 0.1,
    applies: () => true,
    move: (s, f) => mapRisks(s, (r) => ({ ...r, rate: scaleRate(r.rate, f) })),
  },
  {
    key: 'cost-mean',
    step: 0.1,
    applies: (s) => s.risks.some((r) => r.kind === 'cost'),
    move: (s, f) => mapRisks(s, (r) => (r.kind === 'cost' ? { ...r, cost: scaleCost(r.cost, f) } : r)),
  },
  {
    key: 'cost-spread',
    step: 0.1,
    applies: (s) => s.risks.some((r) => r.kind === 'cost'),
    move: (s, f) => mapRisks(s, (r) => (r.kind === 'cost' ? { ...r, cost: spreadCost(r.cost, f) } : r)),
  },
  {
    key: 'rate-cv',
    step: 0.5,
    applies: () => true,
    move: (s, f) =>
      mapRisks(s, (r) => ({ ...r, rateCv: (r.rateCv ?? 0) === 0 ? (f > 1 ? 0.1 : 0) : (r.rateCv ?? 0) * f })),
  },
  {
    key: 'days',
    step: 0.1,
    applies: (s) => s.risks.some((r) => r.kind === 'cost' && r.days),
    move: (s, f) =>
      mapRisks(s, (r) => (r.kind === 'cost' && r.days ? { ...r, days: scaleDays(r.days, f) } : r)),
  },
  {
    key: 'members',
    step: 0.1,
    applies: () => true,
    move: (s, f) => ({ ...s, members: scaleMembers(s.members, f) }),
  },
];

function figures(s: Scenario, probDeficit?: (s: Scenario) => number): Figures {
  const r = resolveScheme(s);
  const { income } = incomeOf(r);
  return { lossRatio: expectedPayout(r).payout / income, probDeficit: probDeficit ? probDeficit(s) : null };
}

export function sensitivity(s: Scenario, probDeficit?: (s: Scenario) => number): Sensitivity {
  return {
    base: figures(s, probDeficit),
    bars: MOVES.filter((m) => m.applies(s)).map((m) => ({
      key: m.key,
      step: m.step,
      low: figures(m.move(s, 1 - m.step), probDeficit),
      high: figures(m.move(s, 1 + m.step), probDeficit),
    })),
  };
}
