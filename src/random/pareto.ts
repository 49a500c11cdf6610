/**
 * Pareto II (Lomax) variates by inversion: P(X > x) = (s/(x + s))^α, so with U uniform on
 * [0, 1), X = s((1 − U)^{−1/α} − 1) = s·expm1(−ln(1 − U)/α), computed with `log1p` and
 * `expm1` so that small draws keep their relative precision. One uniform per draw.
 */
import type { Source } from './source.ts';

/**
 * `randomPareto(source)(scale, shape)`: scale s > 0, shape α > 0 (not validated here; the
 * scenario validator asks α > 1 so that the mean s/(α − 1) exists).
 * @example randomPareto(createStream('huzhu', 0).next)(10000, 2.5)() // mean 6,666.67
 */
export function randomPareto(source: Source) {
  return (scale: number, shape: number): (() => number) => {
    const invShape = 1 / shape;
    return () => scale * Math.expm1(-Math.log1p(-source()) * invShape);
  };
}
