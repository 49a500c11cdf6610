/**
 * A whole scheme with every default of `huzhu-scenario/2` filled in (docs/scenario-format.md):
 * what the engine reads. `resolveScheme` (defaults.ts) builds it from a scenario of either format;
 * a `/1` file (or a `/2` file with `members.count`) is one group whose id is `"all"`, every member
 * holding one share, and gives the same figures as before groups existed.
 *
 * Every list keeps the file's order; group ids in `groups` lists follow `members.groups` order.
 */
import type {
  Benefit,
  CostDist,
  DaysDist,
  Fund,
  Holding,
  SimulationSettings,
  Trend,
  Who,
} from './scenario.ts';

export interface ResolvedGroup {
  id: string;
  count: number;
  femaleShare: number;
  newShare: number;
  /** At least one; default `[{ shares: 1, fraction: 1 }]`. */
  holdings: Holding[];
}

export interface ResolvedContribution {
  payer: string;
  amount: number;
  perShare: boolean;
  /** The paying groups: every group's id when the file names none. */
  groups: string[];
}

interface ResolvedRiskBase {
  id: string;
  who: Who;
  rateCv: number;
  /** The exposed groups: every group's id when the file names none. */
  groups: string[];
  /** The rate of each exposed group (a single `rate` in the file is every exposed group's). */
  rates: Record<string, number>;
}

export type SchemeCostRisk = ResolvedRiskBase & { kind: 'cost'; cost: CostDist; days?: DaysDist };
export type SchemeEventRisk = ResolvedRiskBase & { kind: 'event' };
export type SchemeRisk = SchemeCostRisk | SchemeEventRisk;

/** A benefit with `perShare` (false) and, for lump sums, `waitingAmount` (0) filled in. */
export type SchemeBenefit = Benefit & { perShare: boolean } & (
    { type: 'bands' | 'steps' | 'daily' } | { type: 'lump-sum'; waitingAmount: number }
  );

export interface ResolvedLimit {
  id: string;
  benefits: string[];
  cap: number;
  perShare: boolean;
  /** The one risk all its benefits hang on (validation guarantees there is one). */
  risk: string;
}

export interface ResolvedScheme {
  name: string;
  groups: ResolvedGroup[];
  contributions: ResolvedContribution[];
  fund: Required<Fund>;
  risks: SchemeRisk[];
  benefits: SchemeBenefit[];
  limits: ResolvedLimit[];
  trend: Required<Trend>;
  simulation: Required<SimulationSettings>;
}
