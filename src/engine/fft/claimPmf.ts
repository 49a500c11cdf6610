/**
 * One claimant's (or event's) payment Y of a compound component on the grid 0, h, 2h, …:
 * each part discretised (discretise.ts), then the parts, independent, convolved; a mixture part
 * (share classes, a limit given the days) is the probability-weighted sum of its branches' pmfs.
 *
 *   pmf[j] = P(Y_h = j·h),   Y_h = Σ_parts round(part)   (round = split, down or up)
 *
 * The convolution is direct, with the sparser part outside (a days part has a few dozen
 * atoms, a continuous part a dense run up to its cap), so it costs nnz(a)·len(b).
 * `splitTerms` counts the parts that are not exactly on the grid: each adds to Y_h an
 * independent, mean-zero (under `split`) rounding error of range < h (couplingBound.ts).
 */
import type { CompoundComponent, Part } from './buildComponents.ts';
import { addAtom, discretiseCost, ON_GRID, type Rounding } from './discretise.ts';

export interface ClaimPmf {
  pmf: Float64Array;
  splitTerms: number;
}

export function claimPmf(c: CompoundComponent, h: number, mode: Rounding): ClaimPmf {
  return partsPmf(c.parts, h, mode);
}

/** The pmf of a sum of independent parts, and how many of them were rounded. */
function partsPmf(parts: Part[], h: number, mode: Rounding): ClaimPmf {
  let pmf: Float64Array | null = null;
  let splitTerms = 0;
  for (const part of parts) {
    const { pmf: p, terms } = partPmf(part, h, mode);
    splitTerms += terms;
    pmf = pmf === null ? p : convolve(pmf, p);
  }
  return { pmf: pmf ?? Float64Array.of(1), splitTerms };
}

/** Whether `span` is a whole multiple of h. */
export function onGrid(span: number | null, h: number): boolean {
  if (span === null) return false;
  const u = span / h;
  return Math.abs(u - Math.round(u)) <= ON_GRID * Math.max(1, u);
}

/**
 * One part on the grid and its rounded terms (0 or 1; a mixture: the most of any branch, each
 * branch's pmf weighted by its probability).
 */
function partPmf(part: Part, h: number, mode: Rounding): { pmf: Float64Array; terms: number } {
  if (part.kind === 'mixture') {
    let out = new Float64Array(1),
      terms = 0;
    for (const b of part.branches) {
      const own = partsPmf(b.parts, h, mode);
      terms = Math.max(terms, own.splitTerms);
      if (own.pmf.length > out.length) {
        const wider = new Float64Array(own.pmf.length);
        wider.set(out);
        out = wider;
      }
      for (let j = 0; j < own.pmf.length; j++) out[j] += b.prob * own.pmf[j];
    }
    return { pmf: out, terms };
  }
  const K = Math.max(1, Math.ceil(part.top / h - ON_GRID));
  if (part.kind === 'continuous')
    return { pmf: discretiseCost(part.payout, h, K, mode), terms: onGrid(part.lattice, h) ? 0 : 1 };
  const out = new Float64Array(K + 1);
  let exact = true;
  for (let i = 0; i < part.values.length; i++)
    exact = addAtom(out, part.values[i], part.probs[i], h, mode) && exact;
  return { pmf: out, terms: exact ? 0 : 1 };
}

/** The convolution of two pmfs on the same grid (length len(a) + len(b) − 1). */
export function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const nnz = (x: Float64Array) => {
    let n = 0;
    for (const v of x) if (v !== 0) n++;
    return n;
  };
  const [outer, inner] = nnz(a) * b.length <= nnz(b) * a.length ? [a, b] : [b, a];
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < outer.length; i++) {
    const p = outer[i];
    if (p === 0) continue;
    for (let j = 0; j < inner.length; j++) out[i + j] += p * inner[j];
  }
  return out;
}
