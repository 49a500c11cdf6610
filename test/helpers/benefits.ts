/**
 * Benefits for the engine's unit tests, on a risk `r`, not per share: the shapes several tests
 * build by hand (steps from their four figures, a daily allowance, a single band).
 */
import type { BandsBenefit, DailyBenefit, StepsBenefit } from '../../src/domain/scenario.ts';

type Resolved<B> = B & { perShare: boolean };

/** perStep for every whole `step` of cost above `from`, up to `cap`. */
export const stepsBenefit = (
  from: number,
  step: number,
  perStep: number,
  cap?: number,
  id = 's',
): Resolved<StepsBenefit> => ({ perShare: false, id, risk: 'r', type: 'steps', from, step, perStep, cap });

/** perDay a day, for at most maxDays. */
export const dailyBenefit = (id: string, perDay: number, maxDays?: number): Resolved<DailyBenefit> => ({
  perShare: false,
  id,
  risk: 'r',
  type: 'daily',
  perDay,
  ...(maxDays === undefined ? {} : { maxDays }),
});

/** `rate` of the cost above the deductible, in one band. */
export const oneBand = (
  id: string,
  rate: number,
  opts: { deductible?: number; cap?: number } = {},
): Resolved<BandsBenefit> => ({
  perShare: false,
  id,
  risk: 'r',
  type: 'bands',
  bands: [{ upTo: null, rate }],
  ...opts,
});
