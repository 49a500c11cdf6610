/**
 * The fixed (degenerate) distribution: every draw is the same value (`{ dist: "fixed" }`
 * days). It takes a source only to have the shape of every other sampler, and draws nothing
 * from it, so it leaves the stream untouched.
 */
import type { Source } from './source.ts';

/**
 * `randomFixed(source)(value)`: `() => value`.
 * @example randomFixed(createStream('huzhu', 0).next)(7)() // 7
 */
export function randomFixed(_source: Source) {
  return (value: number): (() => number) =>
    () =>
      value;
}
