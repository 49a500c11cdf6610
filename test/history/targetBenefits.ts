/** Benefits the calibration-to-targets tests share (on a cost risk "r"). */
import type { Benefit } from '../../src/domain/scenario.ts';

/** The forestry table: 50% of cost to 5,000, 80% to 50,000, 90% above, at most 250,000. */
export const bands: Benefit = {
  id: 'aid',
  risk: 'r',
  type: 'bands',
  bands: [
    { upTo: 5000, rate: 0.5 },
    { upTo: 50000, rate: 0.8 },
    { upTo: null, rate: 0.9 },
  ],
  cap: 250000,
};

/** Pays the whole cost: its expected payout is the mean. */
export const whole: Benefit = { id: 'all', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 1 }] };
