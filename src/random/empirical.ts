/**
 * Resampling with equal weight from a list of observed values (the `empirical` cost and
 * days distributions): each draw is values[⌊U·n⌋]. The values are copied when the sampler is
 * built, so later changes to the caller's array do not leak into a run.
 */
import type { Source } from './source.ts';

/**
 * `randomEmpirical(source)(values)`: values non-empty (not validated here). One value is the
 * constant, with its own closure.
 * @example randomEmpirical(createStream('huzhu', 0).next)([3, 5, 8])() // 3, 5 or 8
 */
export function randomEmpirical(source: Source) {
  return (values: ArrayLike<number>): (() => number) => {
    const n = values.length;
    if (n === 1) {
      const only = values[0];
      return () => only;
    }
    const table = Float64Array.from(values);
    return () => table[(source() * n) | 0];
  };
}
