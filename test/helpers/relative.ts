/**
 * A relative-tolerance assertion: |actual − expected| ≤ tol·|expected| (so an expected 0 asks for
 * exactly 0), with both figures and the relative error in the failure's message.
 */
import { expect } from 'vitest';

export function expectRel(actual: number, expected: number, tol: number): void {
  const err = Math.abs(actual - expected);
  expect(
    err,
    `expected ${expected}, got ${actual} (relative error ${(err / Math.abs(expected)).toExponential(2)} > ${tol})`,
  ).toBeLessThanOrEqual(tol * Math.abs(expected));
}
