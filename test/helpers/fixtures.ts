/** Benefit tables from the sources (docs/sources.md, 'Benefit tables'), used across tests. */
import type { BandsBenefit, DailyBenefit, LumpSumBenefit, StepsBenefit } from '../../src/domain/scenario.ts';

/** Hangzhou 2016 city-level table: 20% to 1,000; 50% to 10,000; 90% to 15,000; 60% to 50,000; max 30,200. */
export const hangzhou: BandsBenefit = {
  id: 'self-pay',
  risk: 'inpatient',
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: 15000, rate: 0.9 },
    { upTo: 50000, rate: 0.6 },
  ],
  cap: 30200,
};
/** Jiaxing 2015–16: 50% of the self-paid cost, at most 30,000. */
export const jiaxing: BandsBenefit = {
  id: 'self-pay',
  risk: 'inpatient',
  type: 'bands',
  bands: [{ upTo: null, rate: 0.5 }],
  cap: 30000,
};
/** Jiaxing hospital allowance: 30 a day, at most 15 days. */
export const jiaxingDaily: DailyBenefit = {
  id: 'allowance',
  risk: 'inpatient',
  type: 'daily',
  perDay: 30,
  maxDays: 15,
};
/** Wenzhou 2015: 1,000 for each full 10,000 self-paid above 20,000, at most 50,000. */
export const wenzhou: StepsBenefit = {
  id: 'big-bill',
  risk: 'inpatient',
  type: 'steps',
  from: 20000,
  step: 10000,
  perStep: 1000,
  cap: 50000,
};
/** Beijing light illness 2021: 4,000 per diagnosis, at most 16,000 a period, 60-day wait. */
export const beijing: LumpSumBenefit = {
  id: 'light',
  risk: 'light-illness',
  type: 'lump-sum',
  amount: 4000,
  cap: 16000,
  waitingDays: 60,
};
/** Inner Mongolia forestry (ASSUMED table): 50% to 5,000; 80% to 50,000; 90% above; at most 250,000. */
export const forestry: BandsBenefit = {
  id: 'aid',
  risk: 'inpatient',
  type: 'bands',
  bands: [
    { upTo: 5000, rate: 0.5 },
    { upTo: 50000, rate: 0.8 },
    { upTo: null, rate: 0.9 },
  ],
  cap: 250000,
};
