/**
 * Adaptive Simpson quadrature, for tests only: an independent route to expectations
 * (E[min(X, u)] = ∫_0^u S(x) dx) that shares no formula with the closed forms under test.
 */
export function integrate(f: (x: number) => number, a: number, b: number, tol = 1e-10, depth = 50): number {
  const simpson = (l: number, r: number, fl: number, fm: number, fr: number) =>
    ((r - l) / 6) * (fl + 4 * fm + fr);
  const rec = (
    l: number,
    r: number,
    fl: number,
    fm: number,
    fr: number,
    whole: number,
    eps: number,
    d: number,
  ): number => {
    const m = (l + r) / 2,
      lm = (l + m) / 2,
      rm = (m + r) / 2;
    const flm = f(lm),
      frm = f(rm);
    const left = simpson(l, m, fl, flm, fm),
      right = simpson(m, r, fm, frm, fr);
    if (d <= 0 || Math.abs(left + right - whole) <= 15 * eps)
      return left + right + (left + right - whole) / 15;
    return rec(l, m, fl, flm, fm, left, eps / 2, d - 1) + rec(m, r, fm, frm, fr, right, eps / 2, d - 1);
  };
  const fa = f(a),
    fb = f(b),
    fm = f((a + b) / 2);
  return rec(a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), tol, depth);
}

/** ∫ over [a, b] cut at the given points (kinks), each piece integrated adaptively. */
export function integratePieces(f: (x: number) => number, points: number[], tol = 1e-9): number {
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) sum += integrate(f, points[i], points[i + 1], tol);
  return sum;
}
