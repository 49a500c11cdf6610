/**
 * The robust rule the data checks use to question a figure against its peers (other years of
 * one scheme, or other regions): a value is out of line when it is **more than 4 times, or less
 * than a quarter of, the median of the others** (the leave-one-out median, so that the value
 * questioned does not pull the yardstick towards itself). It needs at least 3 others (the median
 * of 2 is their mean, which one wild value drags along); a median
 * of 0 judges nothing. Why not a MAD rule: with 4–10 peers the MAD is itself noisy, and a
 * factor of the median reads directly as "8,296 a claim is 9.2 times the 905 of the others",
 * which is how a planner checks it. Ratios are scale-free, so the rule suits averages (yuan)
 * and rates (per member) alike; the factor 4 leaves room for real differences between schemes
 * (averages of 800–2,300 a claimant in Inner Mongolia) and catches slips of a decimal place.
 * @example outOfLine([1357, 1425, 1492, 8296]) // [{ index: 3, median: 1425, ratio: 5.82… }]
 */

export const OUT_OF_LINE_FACTOR = 4;
export const MIN_PEERS = 3;

/** The median of `xs` (the mean of the two middle values for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export interface OutOfLine {
  index: number;
  /** The median of the other values. */
  median: number;
  /** value / median. */
  ratio: number;
}

/** The values more than `factor` times, or less than 1/`factor` of, the median of the others. */
export function outOfLine(
  values: readonly number[],
  factor = OUT_OF_LINE_FACTOR,
  minPeers = MIN_PEERS,
): OutOfLine[] {
  const out: OutOfLine[] = [];
  if (values.length < minPeers + 1) return out;
  values.forEach((v, index) => {
    const m = median(values.filter((_, j) => j !== index));
    if (!(m > 0)) return;
    const ratio = v / m;
    if (ratio > factor || ratio < 1 / factor) out.push({ index, median: m, ratio });
  });
  return out;
}

/**
 * The power of ten (10^±1 … 10^±4) that brings `ratio` within a factor 2 of 1, if any:
 * the misprint a decimal slip or a mix-up of wan (10,000 yuan) and yuan would make. 9.17 → 0.1.
 */
export function decimalSlip(ratio: number): number | undefined {
  for (const k of [1, 2, 3, 4]) {
    for (const f of [10 ** -k, 10 ** k]) {
      const r = ratio * f;
      if (r >= 0.5 && r <= 2) return f;
    }
  }
  return undefined;
}
