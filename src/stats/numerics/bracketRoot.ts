/**
 * A bracket around the root of a nondecreasing f, for `brentRoot`: from `start`, steps of
 * 1, 2, 4, … in x (the outer point at start ± 1, ± 3, ± 7, …) towards larger x when f(start) < 0
 * and towards smaller x otherwise, each clamped to [min, max], until the sign changes (f ≥ 0
 * going up, f ≤ 0 going down). Returns [lo, hi] with the two last points, lo = hi = start when
 * f(start) = 0, and null when the sign does not change within [min, max] (or f is NaN there).
 * Cost: about log₂|root − start| + 2 evaluations. Never throws.
 * @example bracketRoot((x) => x - 100, 0, -700, 700) // { lo: 63, hi: 127 }
 */
export function bracketRoot(
  f: (x: number) => number,
  start: number,
  min: number,
  max: number,
): { lo: number; hi: number } | null {
  const f0 = f(start);
  if (f0 === 0) return { lo: start, hi: start };
  const up = f0 < 0;
  let inner = start;
  for (let step = 1; ; step *= 2) {
    const outer = up ? Math.min(max, inner + step) : Math.max(min, inner - step);
    const fo = f(outer);
    if (up ? fo >= 0 : fo <= 0) return up ? { lo: inner, hi: outer } : { lo: outer, hi: inner };
    if (outer === (up ? max : min)) return null;
    inner = outer;
  }
}
