/**
 * Running sums with Kahan's compensation (Kahan 1965): out[i] = Σ_{j ≤ i} values[j], each
 * carried with the correction c of the rounding lost so far,
 *
 *   y = v − c,   t = s + y,   c = (t − s) − y,   s = t.
 *
 * The exact method's distribution functions are these sums of a pmf (engine/fft/
 * latticeDistribution.ts); with nonnegative terms Kahan's correction and Neumaier's (fsum) agree
 * except in the last bit, and the figures depend on that bit, so this is a method of its own.
 * Cost: four additions per term and one allocation. Never throws.
 * @example cumulativeSum(Float64Array.of(0.1, 0.2, 0.7)) // Float64Array [0.1, 0.30000000000000004, 1]
 */
export function cumulativeSum(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0,
    c = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
    out[i] = sum;
  }
  return out;
}
