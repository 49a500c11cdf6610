/**
 * The report of one period (`huzhu-report/1`, shared/spec/cli.md "simulate --json").
 * Money in yuan rounded to the fen; probabilities as fractions.
 */
export type Verdict = 'breaks-even' | 'deficit-within-backstop' | 'deficit-beyond-backstop';

export interface Flag {
  code: string;
  message: string;
}

export interface Quantiles {
  p50: number; p75: number; p90: number; p95: number; p99: number; p995: number;
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
    mean: number; sd: number; standardError: number;
    quantiles: Quantiles;
    probDeficit: number; probBeyondBackstop: number;
  };
  benefits: { id: string; expected: number; simulated: number }[];
  breakEvenContribution: number | null;
  contributionAtConfidence: number | null;
  verdict: Verdict;
  flags: Flag[];
}

export const QUANTILE_LEVELS: [keyof Quantiles, number][] = [
  ['p50', 0.5], ['p75', 0.75], ['p90', 0.9], ['p95', 0.95], ['p99', 0.99], ['p995', 0.995],
];
