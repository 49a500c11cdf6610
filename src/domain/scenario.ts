/**
 * The scenario: one version of one scheme plus the assumptions to test it
 * (`huzhu-scenario/1` and its superset `huzhu-scenario/2`, see docs/scenario-format.md).
 *
 * `Scenario` is the file as written: optional fields stay optional so that
 * serialise ∘ parse is the identity. `resolveScheme` (defaults.ts) fills the
 * defaults and gives the engine a `ResolvedScheme` (scheme.ts) in which nothing is optional
 * except where absence has a meaning of its own (no cap, no `days`).
 */

/** The first format: one membership paying one contribution. Still read; huzhu writes `/2`. */
export const SCENARIO_FORMAT_1 = 'huzhu-scenario/1' as const;
/** The format huzhu writes: `/1` plus member groups, shares, the waiting amount and limits. */
export const SCENARIO_FORMAT_2 = 'huzhu-scenario/2' as const;
export type ScenarioFormat = typeof SCENARIO_FORMAT_1 | typeof SCENARIO_FORMAT_2;

/** How many shares (份) a fraction of a group's members hold (`/2`). */
export interface Holding {
  /** Integer 1–100. */
  shares: number;
  /** Share of the group's members, > 0; a group's fractions sum to 1. */
  fraction: number;
}

/** A group of members with its own rates and contributions (`/2`): 在职, 退休, 外来务工, … */
export interface MemberGroup {
  id: string;
  count: number;
  femaleShare?: number;
  newShare?: number;
  /** Default: every member holds one share. */
  holdings?: Holding[];
}

/** One membership (`/1`, and `/2` without groups: one group whose id is `"all"`). */
export interface CountedMembers {
  count: number;
  femaleShare?: number;
  newShare?: number;
  groups?: never;
}

/** Members in groups (`/2` only). */
export interface GroupedMembers {
  groups: MemberGroup[];
  count?: never;
  femaleShare?: never;
  newShare?: never;
}

export type Members = CountedMembers | GroupedMembers;

/** The id of the one group of a file that gives `members.count`. */
export const ALL_GROUP = 'all';

export interface Contribution {
  payer: string;
  amount: number;
  /** `/2`: a member holding k shares pays k × amount (default false). */
  perShare?: boolean;
  /** `/2`: the groups that pay it (default: every group). */
  groups?: string[];
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

/** A risk's rate: one for every exposed group, or (`/2`) one per exposed group, naming exactly those. */
export type Rate = number | Record<string, number>;

export interface CostRisk {
  id: string;
  kind: 'cost';
  who?: Who;
  rate: Rate;
  rateCv?: number;
  /** `/2`: the groups exposed (default: every group). */
  groups?: string[];
  cost: CostDist;
  days?: DaysDist;
}

export interface EventRisk {
  id: string;
  kind: 'event';
  who?: Who;
  rate: Rate;
  rateCv?: number;
  /** `/2`: the groups exposed (default: every group). */
  groups?: string[];
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
  /** `/2`: a holder of k shares is paid k × the one-share amount (default false). */
  perShare?: boolean;
}

export interface StepsBenefit {
  id: string;
  risk: string;
  type: 'steps';
  from: number;
  step: number;
  perStep: number;
  cap?: number;
  perShare?: boolean;
}

export interface DailyBenefit {
  id: string;
  risk: string;
  type: 'daily';
  perDay: number;
  maxDays?: number;
  perShare?: boolean;
}

export interface LumpSumBenefit {
  id: string;
  risk: string;
  type: 'lump-sum';
  amount: number;
  cap?: number;
  waitingDays?: number;
  /** `/2`: what an event in a new member's waiting period pays instead of `amount` (default 0). */
  waitingAmount?: number;
  perShare?: boolean;
}

export type Benefit = BandsBenefit | StepsBenefit | DailyBenefit | LumpSumBenefit;

/**
 * `/2`: one claimant's total from the listed benefits (all on one risk) in a period is at most
 * `cap` (× k shares when `perShare`), after each benefit's own cap and rounding.
 */
export interface Limit {
  id: string;
  benefits: string[];
  cap: number;
  perShare?: boolean;
}

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
  format: ScenarioFormat;
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
  /** `/2` only. */
  limits?: Limit[];
  trend?: Trend;
  simulation?: SimulationSettings;
}

/** One problem found in user data: where (a field path such as `benefits[0].bands[2].upTo`) and what. */
export interface Problem {
  path: string;
  message: string;
}
