/**
 * A cost benefit (bands or steps) as a piecewise-linear function of the self-paid cost X:
 * piece k covers [x[k], x[k+1]) (the last piece runs to `end`) and pays a[k] + s[k]·X.
 * Pieces are right-continuous, so a step benefit's jump at `from + k·step` belongs to
 * the piece that starts there. This is the form in which exact expectations
 * (Σ over pieces of a·P(piece) + s·E[X; piece]) and sampling tables are computed.
 *
 * Bands with a cap become `g(min(X, x*))`, where x* is the smallest cost at which the
 * banded sum reaches the cap; steps without a cap have infinitely many pieces, so the
 * caller says how far to go (`limit`) and `end` records where the description stops.
 */
import type { BandsBenefit, StepsBenefit } from '../domain/scenario.ts';

export interface Piecewise {
  x: Float64Array;
  a: Float64Array;
  s: Float64Array;
  /** The pieces describe the benefit on [0, end); Infinity when complete. */
  end: number;
}

interface Piece {
  x: number;
  a: number;
  s: number;
}

function fromPieces(pieces: Piece[], end: number): Piecewise {
  const n = pieces.length;
  const pw = { x: new Float64Array(n), a: new Float64Array(n), s: new Float64Array(n), end };
  pieces.forEach((p, i) => {
    pw.x[i] = p.x;
    pw.a[i] = p.a;
    pw.s[i] = p.s;
  });
  return pw;
}

/** Applies `min(·, cap)` to nondecreasing pieces, cutting the piece in which the cap is reached. */
function capPieces(pieces: Piece[], cap: number | undefined): Piece[] {
  if (cap === undefined) return pieces;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const v0 = p.a + p.s * p.x;
    if (v0 >= cap) {
      out.push({ x: p.x, a: cap, s: 0 });
      return out;
    }
    out.push(p);
    const next = pieces[i + 1];
    const vEnd = next === undefined ? (p.s > 0 ? Infinity : v0) : p.a + p.s * next.x;
    if (p.s > 0 && vEnd > cap) {
      const xStar = (cap - p.a) / p.s;
      if (next === undefined || xStar < next.x) {
        out.push({ x: xStar, a: cap, s: 0 });
        return out;
      }
    }
  }
  return out;
}

/** Bands (deductible, cap) as pieces on [0, ∞). */
export function bandsPiecewise(b: BandsBenefit): Piecewise {
  const d = b.deductible ?? 0;
  const pieces: Piece[] = [];
  if (d > 0) pieces.push({ x: 0, a: 0, s: 0 });
  let lower = 0;
  let paid = 0; // benefit accumulated below the band
  for (const band of b.bands) {
    const start = d + lower;
    pieces.push({ x: start, a: paid - band.rate * start, s: band.rate });
    if (band.upTo === null) {
      lower = Infinity;
      break;
    }
    paid += band.rate * (band.upTo - lower);
    lower = band.upTo;
  }
  if (lower !== Infinity) pieces.push({ x: d + lower, a: paid, s: 0 });
  return fromPieces(merge(capPieces(pieces, b.cap)), Infinity);
}

/**
 * Steps as pieces: 0 below from + step, then perStep·k on [from + k·step, from + (k+1)·step),
 * at most `cap`. Without a cap, pieces are produced up to `limit` (`end` is then where they stop).
 * Written straight into the typed arrays (a heavy tail asks for 100,000 pieces): the count is
 * found first by the same walk, then each piece is computed with the same arithmetic.
 */
export function stepsPiecewise(b: StepsBenefit, limit = Infinity): Piecewise {
  const cap = b.cap ?? Infinity;
  // n: the pieces (the zero piece and k = 1..n−1); end: where the description stops.
  let n = 1;
  let end = Infinity;
  for (let k = 1; ; k++) {
    const x = b.from + k * b.step;
    if (x >= limit) {
      end = x > limit ? limit : x;
      break;
    }
    n++;
    if (Math.min(k * b.perStep, cap) >= cap) break;
  }
  const pw = { x: new Float64Array(n), a: new Float64Array(n), s: new Float64Array(n), end };
  for (let k = 1; k < n; k++) {
    pw.x[k] = b.from + k * b.step;
    pw.a[k] = Math.min(k * b.perStep, cap);
  }
  return pw;
}

/**
 * Σ_j c_j·f_j (c_j = 1 without `factors`) on the union of the breakpoints, for pieces that all
 * start at 0 (every benefit pays 0 below its first piece). The union is made in typed arrays
 * (sorted, duplicates dropped): a steps benefit under a large limit can have millions of pieces,
 * more than a Set holds (2^24).
 */
export function addPiecewise(
  pws: readonly Piecewise[],
  factors?: readonly number[],
): { x: Float64Array; a: Float64Array; s: Float64Array } {
  if (pws.length === 1 && (!factors || factors[0] === 1)) return { x: pws[0].x, a: pws[0].a, s: pws[0].s };
  let total = 0;
  for (const pw of pws) total += pw.x.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const pw of pws) {
    all.set(pw.x, at);
    at += pw.x.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < total; i++) if (n === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  const x = all.slice(0, n);
  const a = new Float64Array(n);
  const s = new Float64Array(n);
  pws.forEach((pw, j) => {
    const c = factors ? factors[j] : 1;
    let k = 0;
    for (let i = 0; i < n; i++) {
      while (k + 1 < pw.x.length && pw.x[k + 1] <= x[i]) k++;
      if (pw.x[k] > x[i]) continue; // before the benefit's first piece
      a[i] += c * pw.a[k];
      s[i] += c * pw.s[k];
    }
  });
  return { x, a, s };
}

/** Joins neighbouring pieces that describe the same line (e.g. a zero-rate band after a zero deductible piece). */
function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.a === p.a && last.s === p.s) continue;
    if (last && last.x === p.x) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/** The value of the piecewise function at x (for tests and table edges). */
export function piecewiseAt(pw: Piecewise, x: number): number {
  let lo = 0,
    hi = pw.x.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pw.x[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return pw.a[lo] + pw.s[lo] * x;
}
