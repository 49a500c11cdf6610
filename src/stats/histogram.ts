/**
 * A histogram with "nice" equal-width bins, for the payout-distribution chart.
 *
 * The bin width is the smallest of 1, 2, 2.5 or 5 × 10^k that is at least span / bins, so the
 * edges read as round amounts (¥25万, ¥50万, …) and there are at most `bins + 1` bins. Edges
 * are whole multiples of the width, so two samples binned over the same `extent` (two scheme
 * versions drawn over each other) share every edge.
 *
 * Convention (as d3-array's `bin`): every bin is half-open [x0, x1) except the last, which also
 * holds its upper edge; counts sum to n. Cost O(n): one pass for the range, one to count;
 * the input may be sorted or not and is not modified.
 *
 * With `extent`, the width comes from the extent alone; a value outside it still gets counted,
 * in extra bins on the same grid (so the caller should pass an extent that covers every sample).
 * Throws a RangeError on a value that is not finite, on `bins` that is not a positive integer
 * and on an extent that is not finite or runs backwards.
 *
 * @example histogram(Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), { bins: 5 })
 * // [{ x0: 0, x1: 2, count: 2 }, { x0: 2, x1: 4, count: 2 }, …, { x0: 8, x1: 10, count: 2 }]
 */

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface HistogramOptions {
  /** The most bins wanted (one more may appear when the data straddle an edge); default 30. */
  bins?: number;
  /** The range to cut into bins, shared by several samples; default the data's own range. */
  extent?: [number, number];
}

export const DEFAULT_BINS = 30;

/**
 * The nice bin grid for a range: width, and the inverse width when the width is below 1
 * (so that edges k / inverse are the nearest doubles to the decimal edges, as in d3's ticks).
 */
export interface BinGrid {
  width: number;
  /** 1 / width as an exact integer when width < 1, otherwise 0. */
  inverse: number;
}

const NICE = [1, 2, 2.5, 5, 10];

/** The smallest width in {1, 2, 2.5, 5} × 10^k that is at least span / bins (1 for a zero span). */
export function niceGrid(span: number, bins: number): BinGrid {
  const raw = span / bins;
  if (!(raw > 0)) return { width: 1, inverse: 0 };
  const k = Math.floor(Math.log10(raw));
  for (const f of NICE) {
    const width = k >= 0 ? f * 10 ** k : f / 10 ** -k;
    // A relative tolerance keeps span / bins = 2.0000000000000004 on the width 2.
    if (width >= raw * (1 - 1e-12)) {
      return width < 1 ? { width, inverse: Math.round(1 / width) } : { width, inverse: 0 };
    }
  }
  /* c8 ignore next */
  throw new Error('unreachable: 10 × 10^k is always at least raw');
}

/** The k-th edge of the grid, k·width, rounded as its decimal value would be. */
function edge(grid: BinGrid, k: number): number {
  return grid.inverse > 0 ? k / grid.inverse : k * grid.width;
}

/** The grid index k with edge(k) ≤ x < edge(k + 1). */
function gridIndex(grid: BinGrid, x: number): number {
  let k = Math.floor(grid.inverse > 0 ? x * grid.inverse : x / grid.width);
  while (edge(grid, k) > x) k--;
  while (edge(grid, k + 1) <= x) k++;
  return k;
}

/** Smallest and largest value, in one pass; throws on a value that is not finite. */
function range(values: ArrayLike<number>): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`histogram of a value that is not finite (${v} at ${i})`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function checkOptions(bins: number, extent: [number, number] | undefined): void {
  if (!(Number.isInteger(bins) && bins > 0))
    throw new RangeError(`histogram bins must be a positive integer, not ${bins}`);
  if (extent && !(Number.isFinite(extent[0]) && Number.isFinite(extent[1]) && extent[0] <= extent[1])) {
    throw new RangeError(`histogram extent [${extent[0]}, ${extent[1]}] is not a finite, increasing range`);
  }
}

export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): HistogramBin[] {
  const bins = options.bins ?? DEFAULT_BINS;
  const extent = options.extent;
  checkOptions(bins, extent);
  const n = values.length;
  if (n === 0 && !extent) return [];
  const [dataLo, dataHi] = range(values);
  const [lo, hi] = extent ?? [dataLo, dataHi];
  const grid = niceGrid(hi - lo, bins);
  // The grid cells that hold the extent and the data; the last cell is closed above, so a
  // top value lying exactly on an edge is counted in the cell below it.
  const first = gridIndex(grid, Math.min(lo, dataLo));
  const top = Math.max(hi, dataHi);
  let last = gridIndex(grid, top);
  if (last > first && edge(grid, last) === top) last--;
  const counts = new Float64Array(last - first + 1);
  for (let i = 0; i < n; i++) {
    const k = gridIndex(grid, values[i]);
    counts[(k > last ? last : k) - first]++;
  }
  return Array.from(counts, (count, j) => ({
    x0: edge(grid, first + j),
    x1: edge(grid, first + j + 1),
    count,
  }));
}
