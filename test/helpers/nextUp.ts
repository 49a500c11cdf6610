/**
 * The neighbouring doubles of a number: `nextUp(x)` is the smallest double greater than x,
 * `nextDown(x)` the largest double less than x (Java's Math.nextUp / nextDown), so that a
 * boundary test can stand one step either side of a threshold and tell `>` from `>=`.
 *
 * @example nextUp(1) === 1 + Number.EPSILON; nextDown(1) === 1 - Number.EPSILON / 2
 */
const view = new DataView(new ArrayBuffer(8));

function step(x: number, up: boolean): number {
  if (Number.isNaN(x) || x === (up ? Infinity : -Infinity)) return x;
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  // Away from zero the bit pattern grows with |x|: one more step up for positive x, one fewer for negative.
  view.setBigUint64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

export const nextUp = (x: number): number => step(x, true);
export const nextDown = (x: number): number => step(x, false);
