/**
 * The break-even contribution per member as the solver offers it: `breakEvenContribution`
 * (μ / (count·(1 − expenseRate)), engine/solve.ts) rounded UP to the fen, so that applying it
 * really breaks even. Amounts in yuan; the rounding is `ceilToFen`.
 * @example breakEvenPerMember(hangzhou2016) // 48.18 (μ = 34.68 M over 720,000 members is 48.1702)
 */
import { resolveScheme } from '../domain/defaults.ts';
import type { Scenario } from '../domain/scenario.ts';
import { breakEvenContribution } from './solve.ts';

/**
 * Rounds an amount in yuan up to the next fen (0.01). An amount within 1e-7 fen above a whole fen
 * is binary noise of a product (25.78 stored as 25.780000000000001) and stays at that fen.
 * @example ceilToFen(25.781) // 25.79
 * @example ceilToFen(25.78) // 25.78
 */
export function ceilToFen(yuan: number): number {
  return Math.ceil(yuan * 100 - 1e-7) / 100;
}

/** The break-even contribution per member, rounded up to the fen. */
export function breakEvenPerMember(s: Scenario): number {
  return ceilToFen(breakEvenContribution(resolveScheme(s)));
}
