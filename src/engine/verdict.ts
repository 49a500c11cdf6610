/**
 * The verdict and the flags of one period (docs/scenario-format.md, "Results and the verdict").
 *
 * | verdict                  | when                                   |
 * | breaks-even              | μ ≤ I − E                              |
 * | deficit-within-backstop  | I − E < μ ≤ I − E + reserve + backstop |
 * | deficit-beyond-backstop  | μ > I − E + reserve + backstop         |
 *
 * Flags: `backstop-at-risk` when P(S > I − E + reserve + backstop) > 1 − confidence;
 * `large-surplus` when μ < 0.8·(I − E).
 */
import type { Flag, Verdict } from '../domain/report.ts';
import { flagMessage } from '../domain/reportMessages.ts';

export interface VerdictInput {
  mu: number;
  income: number;
  expenses: number;
  reserve: number;
  backstop: number;
  confidence: number;
  probBeyondBackstop: number;
}

export function verdictOf(v: VerdictInput): Verdict {
  const net = v.income - v.expenses;
  if (v.mu <= net) return 'breaks-even';
  if (v.mu <= net + v.reserve + v.backstop) return 'deficit-within-backstop';
  return 'deficit-beyond-backstop';
}

export function flagsOf(v: VerdictInput, lang: 'en' | 'zh' = 'en'): Flag[] {
  const flags: Flag[] = [];
  const net = v.income - v.expenses;
  if (v.probBeyondBackstop > 1 - v.confidence) {
    flags.push({ code: 'backstop-at-risk', message: flagMessage('backstop-at-risk', { prob: v.probBeyondBackstop, limit: 1 - v.confidence }, lang) });
  }
  if (v.mu < 0.8 * net) {
    flags.push({ code: 'large-surplus', message: flagMessage('large-surplus', { ratio: v.mu / net }, lang) });
  }
  return flags;
}
