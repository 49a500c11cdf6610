/**
 * Mean and standard deviation of a sample with compensated (Neumaier) summation, so that the
 * result does not depend on the magnitude of the values or the sample's length.
 * The sd uses the n − 1 denominator (the unbiased variance); 0 for a single value.
 */
export function fsum(values: ArrayLike<number>): number {
  let sum = 0, c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('moments of an empty sample');
  const mean = fsum(values) / n;
  if (n === 1) return { mean, sd: 0 };
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(fsum(dev) / (n - 1)) };
}
