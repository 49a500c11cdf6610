/**
 * Mean and standard deviation of a sample with compensated (Neumaier) summation
 * (numerics/neumaierSum.ts), so that the result does not depend on the magnitude of the values
 * or the sample's length. The sd uses the n − 1 denominator (the unbiased variance); 0 for a
 * single value. Throws a RangeError for an empty sample.
 * @example meanSd([1, 2, 3, 4]) // { mean: 2.5, sd: 1.2909944487358056 }
 */
import { fsum } from './numerics/neumaierSum.ts';

export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('moments of an empty sample');
  const mean = fsum(values) / n;
  if (n === 1) return { mean, sd: 0 };
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(fsum(dev) / (n - 1)) };
}
