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
  expected: { payout: number; lossRatio: number };
  simulated: {
    mean: number;
    sd: number;
    standardError: number;
    quantiles: Quantiles;
    probDeficit: number;
    probBeyondBackstop: number;
  };
  benefits: { id: string; expected: number; simulated: number }[];
  breakEvenContribution: number | null;
  contributionAtConfidence: number | null;
  verdict: Verdict;
  flags: Flag[];
  /** With `method: 'fft'`: the grid and the error bounds of the exact distribution (engine/fft/exactAggregate.ts). */
  exact?: ExactInfo;
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
