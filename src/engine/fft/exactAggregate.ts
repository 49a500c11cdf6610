/**
 * The exact distribution of one period's total payout S, by fast Fourier transform of the
 * compound (mixed-Poisson) distributions of its risks, with every error bounded and reported.
 *
 *   ResolvedScheme ─ buildComponents ─▶ compound components (N mixed Poisson, claims Y)
 *                                          capped event risks ─ cappedEventPmf (Θ quadrature)
 *   1. window: Chernoff bounds from a provisional fine discretisation of every claim give
 *      [lo, hi] with P(S ∉ [lo, hi]) ≤ ε/8;
 *   2. grid: span h and size M (chooseGrid.ts): the smallest M = 2^10 … `gridSize` (2^16) whose
 *      predicted rounding noise adds at most `maxVarianceInflation` (2.5e-4) to Var S, smaller
 *      still when every payment lies on a lattice; origin a multiple of h;
 *   3. transform (aggregateTransform.ts): claims discretised on the grid (mean-preserving split
 *      by default), one real FFT per component, the negative-binomial / Poisson closed forms,
 *      one inverse FFT; the aliased mass P(S_h ∉ window) bounded by Chernoff from the same
 *      discretisation (if above ε/2, the window is recomputed from this discretisation's own
 *      Chernoff points and steps 2–3 repeated);
 *   4. errors: `aliasedMass` (window + truncated claims + the capped-event windows' tails),
 *      `neglectedMass` (caps that never bind + the Θ quadrature), and per report quantile the
 *      width of a guaranteed bracket of the true quantile (quantileBracket.ts), plus an estimate
 *      of the actual discretisation error by Richardson extrapolation: the quantiles recomputed
 *      at span 2h (size M/2) differ by ≈ 3× the error at h, since rounding noise moves quantiles
 *      by O(h²) (shown as `estimated`; null when nothing was rounded).
 *
 * The per-benefit means are the exact expectations (expected.ts); the discretisation preserves
 * them, so the mean of S_h equals E[S] up to the misplaced mass.
 *
 * @example exactAggregate(resolveScheme(hangzhou)).pmf // P(S = origin + i·h), i < 65,536
 */
import { QUANTILE_LEVELS, type Quantiles } from '../../domain/report.ts';
import type { ResolvedScheme } from '../../domain/scheme.ts';
import { cumulativeSum } from '../../stats/numerics/kahanCumulative.ts';
import { expectedPayout } from '../expected.ts';
import { aggregateTransform, type TransformResult } from './aggregateTransform.ts';
import { cappedEventPmf, type CappedEventPmf } from './cappedEventPmf.ts';
import {
  compoundCgf,
  lowerPoint,
  lowerTail,
  pmfCgf,
  sumCgf,
  upperPoint,
  upperTail,
  type Cgf,
} from './chernoff.ts';
import { chooseGrid, type Grid } from './chooseGrid.ts';
import { claimPmf, onGrid } from './claimPmf.ts';
import { buildComponents, type Component } from './buildComponents.ts';
import type { Rounding } from './discretise.ts';
import { commonLattice } from './lattice.ts';
import { latticeMoments, quantileAt, type LatticeDistribution } from './latticeDistribution.ts';
import { quantileBracket } from './quantileBracket.ts';
import { roundingDeviation } from './roundingDeviation.ts';

export interface ExactOptions {
  /** Largest FFT size M (a power of two); default 2^16. */
  gridSize?: number;
  /**
   * The grid is the smallest (from 2^10 up to `gridSize`) whose rounding adds at most this share
   * to Var S, as predicted by Σ_r λ_r·k_r·h²/6 (k_r rounded parts per claim; h²/6 the variance of
   * a split with a uniform fractional part); default 2.5e-4, which moves quantiles by about
   * 1e-4 to 3e-4 standard deviations of S.
   */
  maxVarianceInflation?: number;
  /** Target for the probability outside the grid (window tails, truncated claims); default 1e-10. */
  maxAliasedMass?: number;
  /** Caps whose expected number of binding members is at most this are ignored (and reported); default 1e-8. */
  maxNeglectedMass?: number;
  /**
   * How payments are put on the grid: `split` (mean-preserving, default), or `down` / `up`, the
   * stochastic lower / upper discretisations, which bracket the true distribution function (their
   * gap is about E[N]·h, so only `split` gets a useful error bound). Capped event risks whose
   * amounts have no lattice are split on their own span whatever this says.
   */
  rounding?: Rounding;
  /** Estimate the actual discretisation error at span 2h (default true). */
  estimate?: boolean;
  /** Θ quadrature for capped event risks: total-variation tolerance (1e-12) and node limit (4096). */
  quadrature?: { tolerance?: number; maxNodes?: number };
}

export type QuantileKey = keyof Quantiles;

export interface ExactAggregate extends LatticeDistribution {
  /** Grid size M. */
  gridSize: number;
  mean: number;
  sd: number;
  /** E[S] exactly (expected.ts). */
  expected: number;
  /** Bound on the probability the grid misplaces: wrapped around its window, truncated claims. */
  aliasedMass: number;
  /** Bound on the total-variation error of the approximations: ignored caps, Θ quadrature. */
  neglectedMass: number;
  discretisationError: {
    /** Width of a guaranteed interval holding both the true quantile and the reported one (yuan). */
    quantiles: Quantiles;
    /** Richardson estimate of the actual error of the reported quantile (yuan); null when exact. */
    estimated: Quantiles | null;
  };
  /** The same distribution at span 2h (size M/2), behind `estimated`; null when exact. */
  coarse: LatticeDistribution | null;
  /** Σ of the negative probabilities the inverse transform gave (set to 0): round-off, ~1e-17 per point. */
  negativeMass: number;
  benefits: { id: string; expected: number }[];
  /** Milliseconds: components (set-up, capped events), window, transform, bounds, total. */
  timings: { setup: number; window: number; transform: number; bounds: number; total: number };
}

const PROVISIONAL_POINTS = 512;
const MIN_GRID = 1 << 10;

export function exactAggregate(s: ResolvedScheme, options: ExactOptions = {}): ExactAggregate {
  const t0 = performance.now();
  const maxSize = options.gridSize ?? 1 << 16;
  const inflation = options.maxVarianceInflation ?? 2.5e-4;
  const eps = options.maxAliasedMass ?? 1e-10;
  const rounding = options.rounding ?? 'split';
  const quad = {
    tolerance: options.quadrature?.tolerance ?? 1e-12,
    maxNodes: options.quadrature?.maxNodes ?? 4096,
  };
  const expected = expectedPayout(s);
  const components = buildComponents(s, {
    truncationBudget: eps / 4,
    maxNeglectedMass: options.maxNeglectedMass ?? 1e-8,
  });
  const events = new Map<Component, CappedEventPmf>();
  for (const c of components) if (c.kind === 'capped-event') events.set(c, cappedEventPmf(c, quad));
  const t1 = performance.now();

  // 1. The window, from a provisional fine discretisation of each claim.
  const scale = Math.max(expected.payout, 1);
  const prov = provisional(components, events);
  let lo = components.length === 0 ? 0 : Math.max(0, lowerPoint(prov.cgf, eps / 16, scale));
  let hi = components.length === 0 ? 0 : upperPoint(prov.cgf, eps / 16, scale);
  const { lattice, allLattice } = latticeInfo(components, events);
  const t2 = performance.now();

  // 2–3. Grid and transform; widen the window while the aliased mass is above ε/2.
  let grid: Grid, run: TransformResult, window: number;
  for (let attempt = 0; ; attempt++) {
    grid =
      components.length === 0
        ? { h: 1, M: MIN_GRID, origin: 0 }
        : smallestGrid(lo, hi, maxSize, lattice, allLattice, prov, inflation);
    run = aggregateTransform(components, events, grid, rounding);
    // S_h lives on multiples of h: outside the window means ≤ origin − h or ≥ origin + M·h.
    window =
      (grid.origin > 0 ? lowerTail(run.cgf, grid.origin - grid.h / 2, scale) : 0) +
      upperTail(run.cgf, grid.origin + grid.M * grid.h - grid.h / 2, scale);
    if (window <= eps / 2 || attempt >= 3 || components.length === 0) break;
    // The discretised claims reach further than the provisional ones (rounding up or down moves
    // the total by up to E[N]·h): take the window from their own Chernoff points, 5% wider.
    const width = hi - lo;
    lo = Math.max(0, Math.min(lo, lowerPoint(run.cgf, eps / 16, scale)) - width / 20);
    hi = Math.max(hi, upperPoint(run.cgf, eps / 16, scale)) + width / 20;
  }
  const t3 = performance.now();

  // 4. Distribution, moments and error bounds.
  const dist: LatticeDistribution = {
    origin: grid.origin,
    h: grid.h,
    pmf: run.pmf,
    cdf: cumulativeSum(run.pmf),
    lattice: run.exact,
  };
  const { mean, sd } = latticeMoments(dist, (expected.payout - grid.origin) / grid.h);
  let aliasedMass = window,
    neglectedMass = 0;
  for (const c of components) {
    if (c.kind === 'compound') {
      aliasedMass += c.truncated;
      neglectedMass += c.neglected;
    } else {
      const own = events.get(c)!;
      aliasedMass += own.outside;
      neglectedMass += own.neglected + own.quadrature;
    }
  }
  const deviation = (eta: number) => roundingDeviation(run.units, grid.h, eta, rounding === 'split');
  const misplaced = aliasedMass + neglectedMass;
  const quantiles = levels((p) => {
    const b = quantileBracket(dist, p, misplaced, deviation);
    return b.upper - b.lower;
  });
  let estimated: Quantiles | null = null,
    coarseDist: LatticeDistribution | null = null;
  if (options.estimate !== false && !run.exact && rounding === 'split' && grid.M >= 8) {
    const coarse: Grid = {
      h: 2 * grid.h,
      M: grid.M / 2,
      origin: 2 * grid.h * Math.floor(grid.origin / (2 * grid.h)),
    };
    const r2 = aggregateTransform(components, events, coarse, 'split');
    const d2: LatticeDistribution = {
      origin: coarse.origin,
      h: coarse.h,
      pmf: r2.pmf,
      cdf: cumulativeSum(r2.pmf),
      lattice: r2.exact,
    };
    estimated = levels((p) => Math.abs(quantileAt(d2, p) - quantileAt(dist, p)) / 3);
    coarseDist = d2;
  }
  const t4 = performance.now();
  return {
    ...dist,
    gridSize: grid.M,
    mean,
    sd,
    expected: expected.payout,
    aliasedMass,
    neglectedMass,
    discretisationError: { quantiles, estimated },
    coarse: coarseDist,
    negativeMass: run.negativeMass,
    benefits: expected.benefits,
    timings: { setup: t1 - t0, window: t2 - t1, transform: t3 - t2, bounds: t4 - t3, total: t4 - t0 },
  };
}

interface Provisional {
  cgf: Cgf;
  variance: number;
  /** Per compound component: λ and the lattice of each part (null: always rounded). */
  rounded: { lambda: number; lattices: (number | null)[] }[];
}

/** Λ and Var S from every claim discretised on a fine provisional span (top / 512). */
function provisional(components: Component[], events: Map<Component, CappedEventPmf>): Provisional {
  const cgfs: Cgf[] = [];
  let variance = 0;
  const rounded: Provisional['rounded'] = [];
  for (const c of components) {
    if (c.kind === 'capped-event') {
      const own = events.get(c)!;
      cgfs.push(pmfCgf(own.pmf, own.span, 0, own.origin));
      variance += pmfVariance(own.pmf, own.span);
      continue;
    }
    const hc = c.parts.reduce((sum, p) => sum + p.top, 0) / PROVISIONAL_POINTS;
    const { pmf } = claimPmf(c, hc, 'split');
    let m1 = 0,
      m2 = 0;
    for (let j = 0; j < pmf.length; j++) {
      m1 += j * hc * pmf[j];
      m2 += (j * hc) ** 2 * pmf[j];
    }
    variance += c.lambda * m2 + (c.lambda * c.rateCv * m1) ** 2;
    cgfs.push(compoundCgf(pmf, hc, c.lambda, c.rateCv));
    rounded.push({ lambda: c.lambda, lattices: c.parts.map((p) => p.lattice) });
  }
  return { cgf: sumCgf(cgfs), variance, rounded };
}

function pmfVariance(pmf: Float64Array, span: number): number {
  let m1 = 0,
    m2 = 0;
  for (let j = 0; j < pmf.length; j++) {
    m1 += j * pmf[j];
    m2 += j * j * pmf[j];
  }
  return span * span * (m2 - m1 * m1);
}

/** The smallest grid (M = 2^10, 2^11, …, maxSize) whose predicted rounding variance Σ λ·k·h²/6 is within `inflation`·Var S. */
function smallestGrid(
  lo: number,
  hi: number,
  maxSize: number,
  lattice: number | null,
  allLattice: boolean,
  prov: Provisional,
  inflation: number,
): Grid {
  for (let M = MIN_GRID; ; M *= 2) {
    const grid = chooseGrid(lo, hi, M, lattice, allLattice);
    if (M >= maxSize) return grid;
    let noise = 0;
    for (const r of prov.rounded)
      for (const g of r.lattices) if (!onGrid(g, grid.h)) noise += (r.lambda * grid.h * grid.h) / 6;
    if (noise <= inflation * prov.variance) return grid;
  }
}

function levels(f: (p: number) => number): Quantiles {
  return Object.fromEntries(QUANTILE_LEVELS.map(([k, p]) => [k, f(p)])) as unknown as Quantiles;
}

/** The lattice of all lattice-valued payments, and whether every payment is on it. */
function latticeInfo(
  components: Component[],
  events: Map<Component, CappedEventPmf>,
): { lattice: number | null; allLattice: boolean } {
  let lattice: number | null = null,
    allLattice = true,
    any = false;
  const add = (g: number | null) => {
    if (g === null) {
      allLattice = false;
      return;
    }
    lattice = any ? commonLattice(lattice, g) : g;
    any = true;
  };
  for (const c of components) {
    if (c.kind === 'compound') for (const p of c.parts) add(p.lattice);
    else {
      const own = events.get(c)!;
      add(own.splitPerEvent ? null : own.span);
    }
  }
  return { lattice, allLattice: allLattice && any };
}
