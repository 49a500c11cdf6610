/**
 * The benefit curve: what a cost benefit (bands or steps) pays against the self-paid cost, as
 * the few points that draw it exactly with straight lines, for the benefit-curve chart.
 *
 * - Bands are continuous and piecewise linear, so the points are the kinks: 0, the deductible,
 *   every band edge and the cost at which the cap binds (the piece starts of `bandsPiecewise`),
 *   then `maxCost`.
 * - Steps are flat between jumps; each jump at x = from + k·step gives two points at the same
 *   cost, first the value just below it (x⁻) and then the value at it, so a line drawn through
 *   the points in order has vertical risers. Jump positions are computed in decimal, so a step
 *   of 0.1 jumps where the exact evaluation does.
 *
 * Every `pays` is the exact evaluation (`payExact`, decimal, to the fen), so the chart shows
 * what a person checks by hand: Hangzhou passes through (1,000, 200), (12,000, 6,500) and
 * (50,000, 30,200) and is flat after that.
 *
 * `maxCost` defaults to 1.2 × the cost at which the benefit stops growing (Hangzhou: 60,000;
 * Wenzhou: 624,000), or for a benefit that never stops growing to max(100,000, 2 × its last
 * kink or first jump). Points are in order of cost (a jump's two points in the order above);
 * draw them in that order. Throws a RangeError on a `maxCost` that is not positive and finite,
 * or on a step benefit with more than MAX_JUMPS jumps up to `maxCost` (a chart could not show them).
 *
 * @example benefitCurve(wenzhou, 45000)
 * // [{ cost: 0, pays: 0 }, { cost: 30000, pays: 0 }, { cost: 30000, pays: 1000 },
 * //  { cost: 40000, pays: 1000 }, { cost: 40000, pays: 2000 }, { cost: 45000, pays: 2000 }]
 */
import Decimal from 'decimal.js';
import type { BandsBenefit, StepsBenefit } from '../domain/scenario.ts';
import { payExact } from './exact.ts';
import { bandsPiecewise } from './piecewise.ts';

export interface CurvePoint {
  cost: number;
  pays: number;
}

/** Past this many jumps a step curve is refused: its risers would be narrower than a pixel. */
export const MAX_JUMPS = 5000;
/** The range drawn for a benefit that never stops growing is at least this (yuan). */
export const UNBOUNDED_MIN_COST = 100_000;
/** How far past the point where the benefit stops growing the curve runs. */
export const BEYOND_FLAT = 1.2;

const pays = (b: BandsBenefit | StepsBenefit, cost: number | string): number => payExact(b, cost).toNumber();

export function benefitCurve(b: BandsBenefit | StepsBenefit, maxCost?: number): CurvePoint[] {
  const max = maxCost ?? defaultMaxCost(b);
  if (!(Number.isFinite(max) && max > 0))
    throw new RangeError(`benefit curve maxCost must be positive and finite, not ${max}`);
  return b.type === 'bands' ? bandsCurve(b, max) : stepsCurve(b, max);
}

/**
 * The cost at which the benefit stops growing (the last kink or the jump that reaches the cap),
 * or Infinity when it grows without end.
 */
export function flatFrom(b: BandsBenefit | StepsBenefit): number {
  if (b.type === 'steps')
    return b.cap === undefined ? Infinity : jumpAt(b, Math.ceil(b.cap / b.perStep)).toNumber();
  const pw = bandsPiecewise(b);
  const last = pw.x.length - 1;
  return pw.s[last] === 0 ? pw.x[last] : Infinity;
}

/** 1.2 × `flatFrom`, or max(100,000, 2 × the last kink / first jump) when the benefit never stops growing. */
export function defaultMaxCost(b: BandsBenefit | StepsBenefit): number {
  const flat = flatFrom(b);
  if (Number.isFinite(flat) && flat > 0) return BEYOND_FLAT * flat;
  const lastKink = b.type === 'steps' ? jumpAt(b, 1).toNumber() : (bandsPiecewise(b).x.at(-1) ?? 0);
  return Math.max(UNBOUNDED_MIN_COST, 2 * lastKink);
}

/** The kinks below maxCost, then maxCost; a continuous line through them is the benefit. */
function bandsCurve(b: BandsBenefit, maxCost: number): CurvePoint[] {
  const kinks = Array.from(bandsPiecewise(b).x).filter((x) => x < maxCost);
  return [...kinks, maxCost].map((cost) => ({ cost, pays: pays(b, cost) }));
}

/** from + k·step, in decimal. */
function jumpAt(b: StepsBenefit, k: number): Decimal {
  return new Decimal(String(b.from)).plus(new Decimal(String(b.step)).times(k));
}

/** (0, 0), both sides of every jump up to maxCost (until the cap is reached), then maxCost. */
function stepsCurve(b: StepsBenefit, maxCost: number): CurvePoint[] {
  const points: CurvePoint[] = [{ cost: 0, pays: pays(b, 0) }];
  const cap = b.cap ?? Infinity;
  let below = points[0].pays;
  for (let k = 1; ; k++) {
    const x = jumpAt(b, k);
    const cost = x.toNumber();
    if (cost > maxCost || below >= cap) break;
    if (k > MAX_JUMPS) throw new RangeError(`benefit curve: more than ${MAX_JUMPS} steps up to ${maxCost}`);
    const at = pays(b, x.toString());
    points.push({ cost, pays: below }, { cost, pays: at });
    below = at;
  }
  if (points[points.length - 1].cost < maxCost) points.push({ cost: maxCost, pays: pays(b, maxCost) });
  return points;
}
