/**
 * The scenario: one version of one scheme plus the assumptions to test it
 * (`huzhu-scenario/1`, see docs/scenario-format.md).
 *
 * `Scenario` is the file as written: optional fields stay optional so that
 * serialise ∘ parse is the identity. `resolveScenario` (defaults.ts) fills the
 * defaults and gives the engine a `ResolvedScenario` in which nothing is optional
 * except where absence has a meaning of its own (no cap, no `days`).
 */

export const SCENARIO_FORMAT = 'huzhu-scenario/1' as const;

export interface Members {
  count: number;
  femaleShare?: number;
  newShare?: number;
}

export interface Contribution {
  payer: string;
  amount: number;
}

export interface Fund {
  reserve?: number;
  backstop?: number;
  expenseRate?: number;
}

export type CostDist =
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'pareto'; scale: number; shape: number }
  | { dist: 'empirical'; values: number[] };

export type DaysDist =
  | { dist: 'poisson'; mean: number }
  | { dist: 'negative-binomial'; mean: number; cv: number }
  | { dist: 'fixed'; value: number }
  | { dist: 'empirical'; values: number[] };

export type Who = 'all' | 'female';

export interface CostRisk {
  id: string;
  kind: 'cost';
  who?: Who;
  rate: number;
  rateCv?: number;
  cost: CostDist;
  days?: DaysDist;
}

export interface EventRisk {
  id: string;
  kind: 'event';
  who?: Who;
  rate: number;
  rateCv?: number;
}

export type Risk = CostRisk | EventRisk;

export interface Band {
  /** Upper end of the band, measured from the deductible; `null` = no upper end (last band only). */
  upTo: number | null;
  rate: number;
}

export interface BandsBenefit {
  id: string;
  risk: string;
  type: 'bands';
  deductible?: number;
  bands: Band[];
  cap?: number;
}

export interface StepsBenefit {
  id: string;
  risk: string;
  type: 'steps';
  from: number;
  step: number;
  perStep: number;
  cap?: number;
}

export interface DailyBenefit {
  id: string;
  risk: string;
  type: 'daily';
  perDay: number;
  maxDays?: number;
}

export interface LumpSumBenefit {
  id: string;
  risk: string;
  type: 'lump-sum';
  amount: number;
  cap?: number;
  waitingDays?: number;
}

export type Benefit = BandsBenefit | StepsBenefit | DailyBenefit | LumpSumBenefit;

export interface Trend {
  members?: number;
  contribution?: number;
  rate?: number;
  cost?: number;
}

export interface SimulationSettings {
  iterations?: number;
  seed?: string;
  years?: number;
  confidence?: number;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  /** Where an editor finds the JSON Schema (ignored by the engine). */
  $schema?: string;
  name: string;
  period?: string;
  source?: string;
  notes?: string;
  members: Members;
  contributions: Contribution[];
  fund?: Fund;
  risks: Risk[];
  benefits: Benefit[];
  trend?: Trend;
  simulation?: SimulationSettings;
}

export type ResolvedCostRisk = CostRisk & { who: Who; rateCv: number };
export type ResolvedEventRisk = EventRisk & { who: Who; rateCv: number };
export type ResolvedRisk = ResolvedCostRisk | ResolvedEventRisk;

/** A scenario with every default filled in: what the engine reads. */
export interface ResolvedScenario {
  name: string;
  members: Required<Members>;
  contributions: Contribution[];
  fund: Required<Fund>;
  risks: ResolvedRisk[];
  benefits: Benefit[];
  trend: Required<Trend>;
  simulation: Required<SimulationSettings>;
}

/** One problem found in user data: where (a field path such as `benefits[0].bands[2].upTo`) and what. */
export interface Problem {
  path: string;
  message: string;
}
