/**
 * Exact evaluation of a benefit for one case, in decimal (decimal.js), rounded half up
 * to the fen (0.01 yuan) once, after the cap (docs/scenario-format.md, "Amounts to the fen").
 *
 * This is what a person checks by hand and what the `benefit` command prints:
 * Hangzhou at a self-paid 1,000.05 pays 200.03 (200 + 0.025, half up), at 12,000 pays
 * 200 + 4,500 + 1,800 = 6,500, at 50,000 pays the maximum 30,200.
 *
 * `at` is the self-paid cost (bands, steps), the days in hospital (daily) or the number
 * of events of one member (lump-sum). Amounts may be given as strings to avoid any
 * binary rounding of the input.
 */
import Decimal from 'decimal.js';
import type {
  BandsBenefit,
  Benefit,
  DailyBenefit,
  LumpSumBenefit,
  StepsBenefit,
} from '../domain/scenario.ts';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

const dec = (v: number | string): Dec => new D(typeof v === 'number' ? String(v) : v);
const atMost = (v: Dec, cap: number | undefined): Dec =>
  cap === undefined ? v : (Decimal.min(v, dec(cap)) as Dec);
const toFen = (v: Dec): Dec => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) as Dec;

/** Σ rate_i × clamp(X − deductible − lower_i, 0, upTo_i − lower_i), at most `cap`, to the fen. */
export function bandsExact(b: BandsBenefit, cost: number | string): Dec {
  const over = Decimal.max(dec(cost).minus(dec(b.deductible ?? 0)), 0) as Dec;
  let lower = new D(0);
  let sum = new D(0);
  for (const band of b.bands) {
    const upper = band.upTo === null ? null : dec(band.upTo);
    const inBand = Decimal.max(
      upper === null ? over.minus(lower) : Decimal.min(over, upper).minus(lower),
      0,
    ) as Dec;
    sum = sum.plus(inBand.times(dec(band.rate)));
    if (upper === null) break;
    lower = upper;
  }
  return toFen(atMost(sum, b.cap));
}

/** perStep × floor((X − from) / step) for X > from, at most `cap`, to the fen. */
export function stepsExact(b: StepsBenefit, cost: number | string): Dec {
  const over = dec(cost).minus(dec(b.from));
  if (over.lte(0)) return new D(0);
  const steps = over.dividedToIntegerBy(dec(b.step));
  return toFen(atMost(steps.times(dec(b.perStep)), b.cap));
}

/** perDay × min(D, maxDays), to the fen. Days are whole days (a fraction is floored). */
export function dailyExact(b: DailyBenefit, days: number | string): Dec {
  let d = Decimal.max(dec(days).floor(), 0) as Dec;
  if (b.maxDays !== undefined) d = Decimal.min(d, b.maxDays) as Dec;
  return toFen(d.times(dec(b.perDay)));
}

/** amount × K, at most `cap`, to the fen (K = one member's events in the period, floored). */
export function lumpSumExact(b: LumpSumBenefit, events: number | string): Dec {
  const k = Decimal.max(dec(events).floor(), 0) as Dec;
  return toFen(atMost(k.times(dec(b.amount)), b.cap));
}

/** The benefit paid for one case, exact to the fen, as a Decimal. */
export function payExact(b: Benefit, at: number | string): Dec {
  switch (b.type) {
    case 'bands':
      return bandsExact(b, at);
    case 'steps':
      return stepsExact(b, at);
    case 'daily':
      return dailyExact(b, at);
    case 'lump-sum':
      return lumpSumExact(b, at);
  }
}

/** The largest amount one case can receive (`Infinity` when unbounded). Exact to the fen. */
export function maximumPayment(b: Benefit): number {
  switch (b.type) {
    case 'bands': {
      const last = b.bands[b.bands.length - 1];
      if (last.upTo === null && last.rate > 0) return b.cap ?? Infinity;
      const top = last.upTo === null ? (b.bands[b.bands.length - 2]?.upTo ?? 0) : last.upTo;
      const full = bandsExact({ ...b, cap: undefined }, (b.deductible ?? 0) + top).toNumber();
      return b.cap === undefined ? full : Math.min(full, b.cap);
    }
    case 'steps':
      return b.cap ?? Infinity;
    case 'daily':
      return b.maxDays === undefined ? Infinity : dailyExact(b, b.maxDays).toNumber();
    case 'lump-sum':
      return b.cap ?? Infinity;
  }
}
