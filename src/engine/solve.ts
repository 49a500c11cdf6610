/**
 * The solver (docs/cli.md, `solve`), on exact expectations:
 * - break-even contribution: the total contribution per member at which μ + E = I, i.e.
 *   μ / (count·(1 − expenseRate));
 * - affordable cap: the largest cap of one benefit at which, at the current contributions,
 *   μ(cap) + E = I. μ(cap) is continuous and nondecreasing in the cap, so bisection from 0
 *   (stats/numerics/bisect.ts) finds it to the fen (rounded down: the largest cap that still breaks even). `null` when the benefit is
 *   affordable with no cap at all; 0 when even a zero cap is not.
 * The contribution at the confidence level needs the payout distribution; the caller passes it.
 */
import { resolveScheme } from '../domain/defaults.ts';
import type { Benefit, Scenario } from '../domain/scenario.ts';
import type { ResolvedScheme, SchemeBenefit } from '../domain/scheme.ts';
import { maximumPayment } from '../benefits/exact.ts';
import { bisect, expandBracket } from '../stats/numerics/bisect.ts';
import { expectedPayout } from './expected.ts';
import { fundOf, netPerMemberContribution } from './fund.ts';
import { periodWork, RunRefusedError, WORK_LIMITS, type Refusal } from './workBudget.ts';

/**
 * Evaluations of μ the solver may make: the bracket's doublings (≤ 30) and the bisection (≤ 100),
 * and three more (no cap, a cap of 0, the fen above the bisection's answer).
 */
export const SOLVER_EVALUATIONS = 133;

/**
 * The solver's work: `SOLVER_EVALUATIONS` exact expectations, each with the benefit at the
 * costliest cap (none); refused naming the benefit's cap when above `WORK_LIMITS.units`.
 */
export function checkSolveWork(s: ResolvedScheme, index: number): Refusal | null {
  const w = periodWork(withCap(s, index, undefined), undefined, { cost: false, days: false });
  const each = w.parts.once.filter((p) => p.what === 'expectation').reduce((a, p) => a + p.units, 0);
  const units = SOLVER_EVALUATIONS * each;
  if (units <= WORK_LIMITS.units) return null;
  return {
    path: `benefits[${index}].cap`,
    code: 'period',
    params: { units, limit: WORK_LIMITS.units, what: 'expectation', count: SOLVER_EVALUATIONS },
  };
}

export function breakEvenContribution(s: ResolvedScheme): number {
  return expectedPayout(s).payout / netPerMemberContribution(s);
}

/** Whether a benefit has a cap the solver can move. */
export function isCappable(b: Benefit): boolean {
  return b.type === 'bands' || b.type === 'steps' || b.type === 'lump-sum';
}

function withCap(s: ResolvedScheme, index: number, cap: number | undefined): ResolvedScheme {
  const benefits = s.benefits.slice();
  benefits[index] = { ...benefits[index], cap } as SchemeBenefit;
  return { ...s, benefits };
}

export function affordableCap(scenario: Scenario | ResolvedScheme, benefitId: string): number | null {
  const s = 'format' in scenario ? resolveScheme(scenario) : scenario;
  const index = s.benefits.findIndex((b) => b.id === benefitId);
  if (index < 0 || !isCappable(s.benefits[index]))
    throw new RangeError(`benefit ${benefitId} has no cap to solve for`);
  // Each bisection step recomputes μ: refused before it starts when those steps are too much work.
  const refusal = checkSolveWork(s, index);
  if (refusal) throw new RunRefusedError(refusal);
  const { net } = fundOf(s);
  const mu = (cap: number | undefined) => expectedPayout(withCap(s, index, cap)).payout;
  if (mu(undefined) <= net) return null;
  if (mu(0) > net) return 0;
  // An upper bracket: the benefit's own maximum, or doubling until the payout exceeds net income.
  const affordable = (cap: number) => mu(cap) <= net;
  let hi = maximumPayment({ ...s.benefits[index], cap: undefined } as Benefit);
  if (!Number.isFinite(hi)) hi = expandBracket(affordable, 0, 1000, 2, 1e12).outside;
  const { inside } = bisect(affordable, 0, hi, { tolerance: 0.001, maxIterations: 100 });
  // The bisection ends at most 0.001 below the root, which can be the fen below the largest
  // affordable one: that fen is tried too.
  // (Above the benefit's maximum nothing is affordable: μ is then the uncapped one.)
  const cap = Math.floor(inside * 100) / 100;
  const next = Math.round(cap * 100 + 1) / 100;
  return affordable(next) ? next : cap;
}
