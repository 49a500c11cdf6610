/**
 * The oracle's reading of a `huzhu-scenario/1` file, from docs/scenario-format.md alone: its own
 * types (plain JSON shapes), the documented defaults, and a projection year's trend applied to
 * the file's figures. Files are assumed valid (the tests validate them with the CLI's validator
 * first); nothing here is imported from src/.
 */

export type OracleCost =
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'pareto'; scale: number; shape: number }
  | { dist: 'empirical'; values: number[] };

export type OracleDays =
  | { dist: 'poisson'; mean: number }
  | { dist: 'negative-binomial'; mean: number; cv: number }
  | { dist: 'fixed'; value: number }
  | { dist: 'empirical'; values: number[] };

export interface OracleRisk {
  id: string;
  kind: 'cost' | 'event';
  who: 'all' | 'female';
  rate: number;
  rateCv: number;
  cost?: OracleCost;
  days?: OracleDays;
}

export type OracleBenefit =
  | {
      id: string;
      risk: string;
      type: 'bands';
      bands: { upTo: number | null; rate: number }[];
      deductible: number;
      cap: number;
    }
  | { id: string; risk: string; type: 'steps'; from: number; step: number; perStep: number; cap: number }
  | { id: string; risk: string; type: 'daily'; perDay: number; maxDays: number }
  | { id: string; risk: string; type: 'lump-sum'; amount: number; cap: number; waitingDays: number };

/** One period's scheme as the oracle simulates it (a projection year already grown by the trend). */
export interface OraclePeriod {
  members: number;
  femaleShare: number;
  newShare: number;
  /** Σ contribution amounts per member. */
  perMember: number;
  reserve: number;
  backstop: number;
  expenseRate: number;
  confidence: number;
  risks: OracleRisk[];
  benefits: OracleBenefit[];
}

export interface OracleScenario extends OraclePeriod {
  trend: { members: number; contribution: number; rate: number; cost: number };
  iterations: number;
  seed: string;
  years: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a JSON file read by hand */
/** The file's JSON with every documented default filled in (uncapped = Infinity, no maxDays = Infinity). */
export function readOracleScenario(json: any): OracleScenario {
  const fund = json.fund ?? {};
  const trend = json.trend ?? {};
  const sim = json.simulation ?? {};
  return {
    members: json.members.count,
    femaleShare: json.members.femaleShare ?? 0.5,
    newShare: json.members.newShare ?? 0,
    perMember: json.contributions.reduce((a: number, c: any) => a + c.amount, 0),
    reserve: fund.reserve ?? 0,
    backstop: fund.backstop ?? 0,
    expenseRate: fund.expenseRate ?? 0,
    confidence: sim.confidence ?? 0.95,
    iterations: sim.iterations ?? 10000,
    seed: sim.seed ?? 'huzhu',
    years: sim.years ?? 1,
    trend: {
      members: trend.members ?? 0,
      contribution: trend.contribution ?? 0,
      rate: trend.rate ?? 0,
      cost: trend.cost ?? 0,
    },
    risks: json.risks.map((r: any) => ({
      id: r.id,
      kind: r.kind,
      who: r.who ?? 'all',
      rate: r.rate,
      rateCv: r.rateCv ?? 0,
      cost: r.cost,
      days: r.days,
    })),
    benefits: json.benefits.map((b: any) => {
      const cap = b.cap ?? Infinity;
      switch (b.type) {
        case 'bands':
          return { ...b, deductible: b.deductible ?? 0, cap };
        case 'steps':
          return { ...b, cap };
        case 'daily':
          return { ...b, maxDays: b.maxDays ?? Infinity };
        default:
          return { ...b, cap, waitingDays: b.waitingDays ?? 0 };
      }
    }),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Year t of a projection (t = 1 is the file itself): each trend g multiplies by (1 + g)^(t−1) —
 * the member count (rounded to whole members), every contribution amount, every rate, and every
 * cost distribution's scale (lognormal and gamma mean at the same cv, the Pareto scale, every
 * empirical value). Days are not trended.
 */
export function periodOfYear(s: OracleScenario, t: number): OraclePeriod {
  const f = (g: number) => (1 + g) ** (t - 1);
  const costScale = f(s.trend.cost);
  const grow = (c: OracleCost): OracleCost => {
    switch (c.dist) {
      case 'lognormal':
      case 'gamma':
        return { ...c, mean: c.mean * costScale };
      case 'pareto':
        return { ...c, scale: c.scale * costScale };
      case 'empirical':
        return { ...c, values: c.values.map((v) => v * costScale) };
    }
  };
  return {
    ...s,
    members: Math.round(s.members * f(s.trend.members)),
    perMember: s.perMember * f(s.trend.contribution),
    risks: s.risks.map((r) => ({ ...r, rate: r.rate * f(s.trend.rate), cost: r.cost && grow(r.cost) })),
  };
}
