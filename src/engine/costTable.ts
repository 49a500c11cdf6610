/**
 * Sampling tables: a claimant's benefit drawn by inverting its tabulated distribution.
 *
 * Why: drawing the cost and evaluating the bands costs a normal deviate, an exp and a band
 * search per claimant (about 22–40 M claimants/s in JS, as measured for this project); the benefit
 * b(X) is a nondecreasing function of X, so b(X) = b(Q(U)) with U uniform, and b∘Q can be
 * tabulated once per scenario. A draw then costs one 32-bit random number and one table read.
 *
 * The table: U's range [0, 1) is cut into T = 2^bits cells of equal probability. In cell c,
 * X runs over [Q(c/T), Q((c+1)/T)) and the benefit over [B_lo, B_hi]. The table stores the
 * cell's exact conditional mean m_c (from limited expected values, see expectedBenefit.ts) and
 * a slope s_c; a draw in the cell returns m_c + s_c·(f − ½) with f the rest of U's bits. Hence:
 * - the mean is exact (each cell's mean is exact, and f − ½ averages to 0);
 * - every draw lies in the cell's true range [B_lo, B_hi], so the tabulated benefit's
 *   distribution function is within 1/T of the true one everywhere (Kolmogorov distance ≤ 1/T),
 *   never exceeds a cap, never goes below 0;
 * - cells at and above `tailStart` (at least the last one, where X is unbounded) are not
 *   tabulated: X is drawn exactly from the conditional tail, X = Q(1 − q) with q uniform on
 *   (0, (T − tailStart)/T], and the benefit evaluated exactly. Where every benefit is constant
 *   on those cells (a cap reached below them) the table is exact there and no tail is drawn.
 * s_c = max(0, min(B_hi − B_lo, 2(m_c − B_lo), 2(B_hi − m_c))): as steep as the cell's range
 * allows while keeping every draw inside it.
 */
import type { Piecewise } from '../benefits/piecewise.ts';
import type { ContinuousCost } from './costDistribution.ts';

export interface CostTable {
  bits: number;
  /** Cells ≥ tailStart are sampled exactly from the conditional tail. T when none is. */
  tailStart: number;
  /** One table per benefit: interleaved [m_0, s_0, m_1, s_1, …] for cells below tailStart. */
  tables: Float64Array[];
}

export const DEFAULT_TABLE_BITS = 16;

/** The cell edges Q(c/T), c = 0..T, computed from the nearer end for accuracy. */
export function cellEdges(X: ContinuousCost, bits: number): Float64Array {
  const T = 2 ** bits;
  const edges = new Float64Array(T + 1);
  for (let c = 0; c < T; c++) edges[c] = c <= T / 2 ? X.quantile(c / T) : X.quantileUpper((T - c) / T);
  edges[T] = Infinity;
  return edges;
}

/**
 * Builds one table per benefit over the shared cost X. `maxPieces` bounds the work for benefits
 * with very many pieces (uncapped steps under a heavy tail): cells beyond the last described
 * piece are left to exact tail sampling.
 */
export function buildCostTable(
  X: ContinuousCost,
  benefits: Piecewise[],
  bits = DEFAULT_TABLE_BITS,
): CostTable {
  const T = 2 ** bits;
  const edges = cellEdges(X, bits);
  // Cells whose upper edge lies beyond a benefit's described range are sampled exactly.
  let tailStart = T - 1;
  for (const pw of benefits) while (tailStart > 0 && edges[tailStart] > pw.end) tailStart--;
  // If every benefit is constant over the whole tail, tabulate it too: it is exact.
  if (tailStart === T - 1 && benefits.every((pw) => constantFrom(pw, edges[T - 1]))) tailStart = T;

  const tables = benefits.map((pw) => {
    const { probBetween, meanBetween } = intervals(X);
    const table = new Float64Array(2 * tailStart);
    const n = pw.x.length;
    let k = 0; // the piece containing the cell's lower edge
    for (let c = 0; c < tailStart; c++) {
      const lo = edges[c],
        hi = edges[c + 1];
      while (k + 1 < n && pw.x[k + 1] <= lo) k++;
      // Walk the pieces that overlap [lo, hi); j ends on the piece just below hi.
      let mass = 0,
        sum = 0;
      let j = k;
      for (let start = lo; ; j++) {
        const next = j + 1 < n ? pw.x[j + 1] : Infinity;
        const end = next < hi ? next : hi;
        const p = probBetween(start, end);
        mass += p;
        sum += pw.a[j] * p + (pw.s[j] !== 0 ? pw.s[j] * meanBetween(start, end) : 0);
        if (end >= hi) break;
        start = end;
      }
      const bLo = pw.a[k] + pw.s[k] * lo;
      const bHi = hi === Infinity ? (pw.s[j] > 0 ? Infinity : pw.a[j]) : pw.a[j] + pw.s[j] * hi;
      const m = mass > 0 ? Math.min(Math.max(sum / mass, bLo), bHi) : bLo;
      const slope = Math.max(0, Math.min(bHi - bLo, 2 * (m - bLo), 2 * (bHi - m)));
      table[2 * c] = m;
      table[2 * c + 1] = Number.isFinite(slope) ? slope : 0;
    }
    return table;
  });
  return { bits, tailStart, tables };
}

function constantFrom(pw: Piecewise, x: number): boolean {
  if (pw.end !== Infinity) return false;
  let k = pw.x.length - 1;
  while (k > 0 && pw.x[k] > x) k--;
  for (let j = k; j < pw.x.length; j++) if (pw.s[j] !== 0) return false;
  const v = pw.a[k] + pw.s[k] * x;
  for (let j = k + 1; j < pw.x.length; j++) if (pw.a[j] !== v) return false;
  return true;
}

/**
 * `X.probBetween` and `X.meanBetween` with the same values to the last bit, for a walk over
 * adjacent intervals (each interval's upper end is the next one's lower end): the distribution's
 * functions at the last two ends are kept, so each end is evaluated once instead of twice.
 * As costDistribution.ts computes them: below the median from the left (cdf, E[X; X ≤ x]),
 * above it from the right (sf, E[X; X > x]); E[X; X ≤ x] = meanBetween(0, x) for x ≤ median and
 * E[X; X > x] = meanBetween(x, ∞) exactly (the other end contributes an exact 0).
 */
function intervals(X: ContinuousCost) {
  interface Point {
    x: number;
    cdf: number;
    sf: number;
    lower: number;
    upper: number;
  }
  // Two slots, reused (no allocation per end): b the last end seen, a the one before.
  let a: Point = { x: NaN, cdf: NaN, sf: NaN, lower: NaN, upper: NaN },
    b: Point = { x: NaN, cdf: NaN, sf: NaN, lower: NaN, upper: NaN };
  const at = (x: number): Point => {
    if (x === b.x) return b;
    if (x === a.x) return a;
    const slot = a;
    a = b;
    b = slot;
    b.x = x;
    b.cdf = b.sf = b.lower = b.upper = NaN;
    return b;
  };
  const below = (x: number) => {
    const p = at(x);
    return Number.isNaN(p.cdf) ? (p.cdf = X.cdf(x)) : p.cdf;
  };
  const above = (x: number) => {
    const p = at(x);
    return Number.isNaN(p.sf) ? (p.sf = X.sf(x)) : p.sf;
  };
  const lower = (x: number) => {
    const p = at(x);
    return Number.isNaN(p.lower) ? (p.lower = X.meanBetween(0, x)) : p.lower;
  };
  const upper = (x: number) => {
    const p = at(x);
    return Number.isNaN(p.upper) ? (p.upper = X.meanBetween(x, Infinity)) : p.upper;
  };
  const median = X.median;
  return {
    probBetween(lo: number, hi: number): number {
      if (hi <= lo) return 0;
      if (hi <= median) {
        const l = below(lo);
        return below(hi) - l;
      }
      const l = above(lo);
      return l - above(hi);
    },
    meanBetween(lo: number, hi: number): number {
      if (hi <= lo) return 0;
      if (hi <= median) {
        const l = lower(lo);
        return lower(hi) - l;
      }
      const l = upper(lo);
      return l - upper(hi);
    },
  };
}
