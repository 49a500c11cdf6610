/**
 * Newton's iteration x ← step(x), where the caller's `step` is the Newton step for its equation
 * (x − f(x)/f'(x), or the same on a transformed scale), and `guard(next, x)` may replace a step
 * that leaves the domain (for instance by halving x towards 0). Stops when
 * |next − x| ≤ tolerance·|x| and returns that `next`; after `maxIterations` steps it returns the
 * last iterate. Quadratic convergence near a simple root of a smooth f; no convergence is
 * promised from a poor start, so callers give a good starting value (and the guard). Never
 * throws; a NaN step fails the stopping test, so the iteration runs out and returns NaN.
 *
 * The gamma quantile (stats/special.ts, `newtonInverse`) keeps its own Newton iteration: it
 * works on the logarithm of a tail probability inside a bracket that every evaluation narrows,
 * and its fallback (bisection, geometric while the bracket spans orders of magnitude) comes
 * after the stopping test, which this guard-then-test loop cannot reproduce step for step.
 * @example newton((x) => x - (x * x - 2) / (2 * x), 1, { tolerance: 1e-15, maxIterations: 50 }) // 1.4142135623730951
 */
export interface NewtonOptions {
  tolerance: number;
  maxIterations: number;
  guard?: (next: number, x: number) => number;
}

export function newton(step: (x: number) => number, x0: number, o: NewtonOptions): number {
  let x = x0;
  for (let i = 0; i < o.maxIterations; i++) {
    let next = step(x);
    if (o.guard) next = o.guard(next, x);
    if (Math.abs(next - x) <= o.tolerance * Math.abs(x)) return next;
    x = next;
  }
  return x;
}
