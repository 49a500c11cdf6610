/** Benefits the calibration-to-targets tests share, on their cost risk "r". */
import type { Benefit } from '../../src/domain/scenario.ts';
import { forestry } from '../helpers/fixtures.ts';

/** The forestry table: 50% of cost to 5,000, 80% to 50,000, 90% above, at most 250,000. */
export const bands: Benefit = { ...forestry, risk: 'r' };

/** Pays the whole cost: its expected payout is the mean. */
export const whole: Benefit = { id: 'all', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 1 }] };
