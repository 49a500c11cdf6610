/**
 * Bisection on a predicate: given a point where `isInside` holds and one where it does not,
 * halve the interval between them, mid = (inside + outside)/2, keeping one end of each kind,
 * for `maxIterations` steps or until |outside − inside| ≤ `tolerance`.
 *
 * The ends need not be ordered (inside may lie above outside). For a monotone predicate, such
 * as f(x) ≤ c with f nondecreasing, the boundary lies between the two ends returned; each step
 * halves the distance, so reaching a width w from a width W takes ⌈log₂(W/w)⌉ evaluations, and
 * a tolerance of 0 runs every step (the ends stop moving once they are adjacent doubles).
 * Never throws; the predicate is trusted at the ends as given (not re-evaluated there). A NaN
 * midpoint (NaN ends) fails the predicate unless the predicate says otherwise.
 * @example bisect((x) => x * x <= 2, 1, 2, { tolerance: 1e-12, maxIterations: 100 }) // { inside: 1.41421356237…, outside: 1.41421356237… }
 */
export interface Bisection {
  /** The last point at which the predicate held. */
  inside: number;
  /** The last point at which it did not. */
  outside: number;
}

export interface BisectOptions {
  /** Stop once |outside − inside| ≤ tolerance (default 0: run every step). */
  tolerance?: number;
  maxIterations: number;
}

export function bisect(
  isInside: (x: number) => boolean,
  inside: number,
  outside: number,
  o: BisectOptions,
): Bisection {
  const tolerance = o.tolerance ?? 0;
  for (let i = 0; i < o.maxIterations && Math.abs(outside - inside) > tolerance; i++) {
    const mid = (inside + outside) / 2;
    if (isInside(mid)) inside = mid;
    else outside = mid;
  }
  return { inside, outside };
}

/**
 * A bracket for `bisect` by geometric steps: while `isInside(outside)` holds and |outside| <
 * `limit`, the outer end becomes the inner one and moves `factor` times further from 0
 * (outside ← factor·outside). Returns the last two ends; the caller checks
 * `isInside(outside)` again when the limit may have been reached (then there is no bracket
 * within it). `outside` must be nonzero. Never throws.
 * @example expandBracket((x) => x < 100, 0, 1) // { inside: 64, outside: 128 }
 */
export function expandBracket(
  isInside: (x: number) => boolean,
  inside: number,
  outside: number,
  factor = 2,
  limit = Infinity,
): Bisection {
  while (isInside(outside) && Math.abs(outside) < limit) {
    inside = outside;
    outside *= factor;
  }
  return { inside, outside };
}
