/**
 * The report of one period (`huzhu-report/1`, docs/cli.md, "simulate --json").
 * Money in yuan rounded to the fen; probabilities as fractions. Flags are codes with their figures
 * (./flags.ts); the CLI and the workbench put them in words (src/messages).
 */
import type { Flag } from './flags.ts';

export type { Flag };

export type Verdict = 'breaks-even' | 'deficit-within-backstop' | 'deficit-beyond-backstop';

export interface Quantiles {
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  p995: number;
}

export interface Report {
  format: 'huzhu-report/1';
  name: string;
  iterations: number;
  seed: string;
  method: 'mc' | 'fft';
  income: number;
  expenses: number;
  expected: { payout: number; lossRatio: number } & Beneficiaries;
  simulated: {
    mean: number;
    sd: number;
    standardError: number;
    quantiles: Quantiles;
    probDeficit: number;
    probBeyondBackstop: number;
  } & Beneficiaries;
  /** Before limits. */
  benefits: { id: string; expected: number; simulated: number }[];
  /** Who pays for whom: by member group (one group `"all"` for a `/1` file). */
  groups: GroupResult[];
  /** By limit: how much it saves on average (`expected.payout` is after limits, `benefits` before). */
  limits: { id: string; expectedReduction: number }[];
  breakEvenContribution: number | null;
  contributionAtConfidence: number | null;
  verdict: Verdict;
  flags: Flag[];
  /** With `method: 'fft'`: the grid and the error bounds of the exact distribution (engine/fft/exactAggregate.ts). */
  exact?: ExactInfo;
}

/**
 * The counts every source leads with (docs/scenario-format.md, "Results added in /2"): exact
 * expectations under `expected`, simulated means under `simulated`. Counts are not rounded.
 */
export interface Beneficiaries {
  /** By risk: claimants (cost risks) or events (event risks) in a period. */
  claimants: { id: string; count: number }[];
  /** By benefit: claimants (or members, for events) paid more than 0 by it. */
  beneficiaries: { id: string; count: number }[];
  /** 受益人次: Σ over risks of the claimants (members) paid more than 0 by any benefit of the risk. */
  beneficiaryTimes: number;
  /** Payout ÷ 受益人次, to the fen; null when no one is paid. */
  averageBenefit: number | null;
}

export interface GroupResult {
  id: string;
  members: number;
  /** What the group's contributions bring in a period (all payers). */
  income: number;
  /** The exact expected payout to the group's members, after limits. */
  expectedPayout: number;
  /** expectedPayout ÷ income; null when the group brings no income. */
  lossRatio: number | null;
}

export interface ExactInfo {
  /** Grid span in yuan, and the number of grid points. */
  h: number;
  gridSize: number;
  /** Bound on the probability outside the grid (wrapped around by the FFT, or in truncated claims). */
  aliasedMass: number;
  /** Bound on the total-variation error of ignored never-binding caps and the rate-uncertainty quadrature. */
  neglectedMass: number;
  discretisationError: {
    /** Per quantile, the width (yuan) of a guaranteed interval holding the true and the reported value. */
    quantiles: Quantiles;
    /** Per quantile, an estimate (yuan) of the actual error of the reported value; null when no payment was rounded. */
    estimated: Quantiles | null;
  };
}

export const QUANTILE_LEVELS: [keyof Quantiles, number][] = [
  ['p50', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
  ['p995', 0.995],
];
