/**
 * Direct tests of src/engine/fft/exactAccuracy.ts (exactRefusal at and one double either side of
 * each tolerance, the order of the checks, the figures each refusal carries; accurateAggregate's
 * second pass) and src/engine/fft/benchExact.ts (what it returns).
 *
 * The distributions are written by hand: four cells of ¼ on a lattice of 1,000 (so a quantile is
 * the grid point where the distribution function first reaches p, and P(S > x) is 1 − F at the
 * grid point at or below x), with a coarse twin shifted in origin (every quantile moves by the
 * shift) or with one cell moved by a binary fraction (P(S > x) moves by it). Tolerances: mean
 * 1e-6·E[S] (1 yuan on E[S] = 10⁶), negatives 1e-8, probabilities 1e-4 of estimated error
 * (|ΔP|/3), quantiles 1e-3 of max(Q(.995) − Q(.005), sd) (3 yuan on Q(.995) − Q(.005) = 3,000).
 * accurateAggregate runs on small schemes: a lump sum (exact, passes), exponential claims of
 * mean 1,000 truncated where λ·P(X > x) = ε/4 (ε = 0.1: E[S] short by λ·θ·e^{−x/θ} = 25 of
 * 2,000, and more for the mass the window misses: refused for its mean), and the same capped at
 * 500 with ε = 1e-10 read at x = 0, where P_h(S > 0) =
 * 1 − pmf[0]/2 and pmf[0] ≈ e^{−λ}(1 + λh/(2θ)) moves by about 7e-3 from h to 2h on 1,024 points
 * (refused for its span) but by 2^8 times less on 2^18.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../../src/domain/defaults.ts';
import type { Scenario } from '../../../src/domain/scenario.ts';
import { benchExact } from '../../../src/engine/fft/benchExact.ts';
import { exactAggregate } from '../../../src/engine/fft/exactAggregate.ts';
import {
  accurateAggregate,
  EXACT_TOLERANCE,
  ExactRefusedError,
  exactRefusal,
  FINE_GRID,
} from '../../../src/engine/fft/exactAccuracy.ts';
import type { LatticeDistribution } from '../../../src/engine/fft/latticeDistribution.ts';
import { nextDown, nextUp } from '../../helpers/nextUp.ts';

type Agg = Parameters<typeof exactRefusal>[0];

const lattice = (cdf: number[], origin = 0): LatticeDistribution => {
  const pmf = cdf.map((c, i) => c - (i > 0 ? cdf[i - 1] : 0));
  return { origin, h: 1000, pmf: Float64Array.from(pmf), cdf: Float64Array.from(cdf), lattice: true };
};

/** Cells of ¼ at 0, 1,000, 2,000, 3,000; E[S] = 10⁶ only as the reference for the mean check. */
const agg = (over: Partial<Agg> = {}): Agg => {
  const d = lattice([0.25, 0.5, 0.75, 1]);
  return { ...d, mean: 1e6, sd: 1000, expected: 1e6, negativeMass: 0, coarse: d, ...over };
};

const none = { points: [], levels: [] };

const refusal = (a: Agg, targets: Parameters<typeof exactRefusal>[1]) => exactRefusal(a, targets);

describe('exactRefusal, check by check', () => {
  it('the tolerances', () => {
    expect(EXACT_TOLERANCE).toEqual({ mean: 1e-6, negative: 1e-8, probability: 1e-4, quantile: 1e-3 });
    expect(FINE_GRID).toBe(2 ** 18);
  });
  it('mean: 1 yuan off E[S] = 10⁶ either way passes, one double more is refused with both figures', () => {
    expect(refusal(agg({ mean: 1e6 + 1 }), none)).toBeNull();
    expect(refusal(agg({ mean: 1e6 - 1 }), none)).toBeNull();
    expect(refusal(agg({ mean: nextUp(1e6 + 1) }), none)).toEqual({
      code: 'mean-off',
      params: { mean: nextUp(1e6 + 1), expected: 1e6 },
    });
    expect(refusal(agg({ mean: nextDown(1e6 - 1) }), none)?.code).toBe('mean-off');
    expect(refusal(agg({ mean: NaN }), none)?.code).toBe('mean-off');
  });
  it('negative mass: 1e-8 passes, the next double is refused with its mass', () => {
    expect(refusal(agg({ negativeMass: 1e-8 }), none)).toBeNull();
    expect(refusal(agg({ negativeMass: nextUp(1e-8) }), none)).toEqual({
      code: 'negative',
      params: { mass: nextUp(1e-8) },
    });
    expect(refusal(agg({ negativeMass: NaN }), none)?.code).toBe('negative');
  });
  it('the mean is checked first, then the negatives', () => {
    expect(refusal(agg({ mean: 0, negativeMass: 1 }), none)?.code).toBe('mean-off');
  });
  it('probability: P(S > 1,000) off by 3·2^−14 (error 2^−14 < 1e-4) passes; by 3·2^−13 (1.2e-4) refused, with which, at and error', () => {
    const twin = (delta: number) => ({ ...agg(), coarse: lattice([0.25, 0.5 + delta, 0.75, 1]) });
    const deficit = { points: [{ which: 'deficit' as const, at: 1000 }], levels: [] };
    expect(refusal(twin(3 * 2 ** -14), deficit)).toBeNull();
    expect(refusal(twin(-3 * 2 ** -14), deficit)).toBeNull();
    expect(refusal(twin(3 * 2 ** -13), deficit)).toEqual({
      code: 'coarse-probability',
      params: { which: 'deficit', at: 1000, error: 2 ** -13 },
    });
    expect(refusal(twin(-3 * 2 ** -13), deficit)?.code).toBe('coarse-probability');
    // Every point is checked: the first passes (x = 2,500: no change there), the second fails.
    const both = {
      points: [
        { which: 'deficit' as const, at: 2500 },
        { which: 'beyond-backstop' as const, at: 1500 },
      ],
      levels: [],
    };
    expect(refusal(twin(3 * 2 ** -13), both)).toEqual({
      code: 'coarse-probability',
      params: { which: 'beyond-backstop', at: 1500, error: 2 ** -13 },
    });
  });
  it('quantile: on a 99% range of 3,000 the tolerance is 3 yuan, so a twin 9 yuan off passes and 9 + 1e-9 is refused', () => {
    // Q(.995) = 3,000, Q(.005) = 0; the twin's quantiles are all shifted by its origin.
    const shifted = (dx: number, sd = 1000) => agg({ sd, coarse: lattice([0.25, 0.5, 0.75, 1], dx) });
    const median = { points: [], levels: [0.5] };
    expect(refusal(shifted(9), median)).toBeNull();
    expect(refusal(shifted(-9), median)).toBeNull();
    expect(refusal(shifted(9 + 1e-9), median)).toEqual({
      code: 'coarse-quantile',
      params: { level: 0.5, error: (9 + 1e-9 + 1000 - 1000) / 3, scale: 3000 },
    });
    expect(refusal(shifted(-9 - 1e-9), median)?.code).toBe('coarse-quantile');
    // The range is Q(.995) − Q(.005), not their sum: the same cells from 10,000 still measure 3,000.
    const far = (dx: number) =>
      agg({ ...lattice([0.25, 0.5, 0.75, 1], 10_000), coarse: lattice([0.25, 0.5, 0.75, 1], 10_000 + dx) });
    expect(refusal(far(9), median)).toBeNull();
    expect(refusal(far(9 + 1e-6), median)).toMatchObject({
      code: 'coarse-quantile',
      params: { scale: 3000 },
    });
    // With sd 6,000 above the range, the scale is the sd: 18 passes, 18 + 1e-9 is refused.
    expect(refusal(shifted(18, 6000), median)).toBeNull();
    expect(refusal(shifted(18 + 1e-9, 6000), median)).toMatchObject({ params: { scale: 6000 } });
    // Every level is checked: a twin with 0.9 at 2,000 has the same Q(.25) = 0 but Q(.8) = 2,000, not 3,000.
    const two = { points: [], levels: [0.25, 0.8] };
    expect(refusal(agg({ coarse: lattice([0.25, 0.5, 0.9, 1]) }), two)).toEqual({
      code: 'coarse-quantile',
      params: { level: 0.8, error: 1000 / 3, scale: 3000 },
    });
  });
  it('probabilities are checked before quantiles; without a coarse twin neither is', () => {
    const a = agg({ coarse: lattice([0.2, 0.5, 0.75, 1], 100) });
    const targets = { points: [{ which: 'deficit' as const, at: 0 }], levels: [0.5] };
    expect(refusal(a, targets)?.code).toBe('coarse-probability');
    expect(refusal({ ...a, coarse: null }, targets)).toBeNull();
  });
});

const lump: Scenario = {
  format: 'huzhu-scenario/1',
  name: 'accuracy units',
  members: { count: 100 },
  contributions: [{ payer: 'member', amount: 50 }],
  risks: [{ id: 'e', kind: 'event', rate: 0.05 }],
  benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 }],
};

const exponential: Scenario = {
  ...lump,
  members: { count: 20 },
  risks: [{ id: 'c', kind: 'cost', rate: 0.1, cost: { dist: 'gamma', mean: 1000, cv: 1 } }],
  benefits: [{ id: 'all', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }],
};

const atZero = { points: [{ which: 'deficit' as const, at: 0 }], levels: [0.5] };

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ExactRefusedError) return e;
    throw e;
  }
  return null;
};

describe('accurateAggregate', () => {
  it('passes a distribution that passes as it is', () => {
    const a = accurateAggregate(resolveScheme(lump), {}, atZero);
    expect(a.gridSize).toBe(64);
    expect(a.mean).toBeCloseTo(5000, 8);
  });
  it('refuses a mean 25 yuan or more short of 2,000 (claims truncated at λ·P(X > x) = 0.025, window ε = 0.1) without a second pass', () => {
    const e = thrown(() => accurateAggregate(resolveScheme(exponential), { maxAliasedMass: 0.1 }, atZero));
    expect(e?.refusal.code).toBe('mean-off');
    expect(e?.name).toBe('ExactRefusedError');
    expect(e?.message).toMatch(/^the exact method refuses this scenario: mean-off \{"mean":19\d\d\./);
    if (e?.refusal.code === 'mean-off') {
      expect(e.refusal.params.expected).toBe(2000);
      expect(e.refusal.params.mean).toBeLessThan(2000 - 25 * 0.99);
      // the refusal is of the distribution as first computed: no pass on 2^18 points
      expect(e.refusal.params.mean).toBe(
        exactAggregate(resolveScheme(exponential), { maxAliasedMass: 0.1 }).mean,
      );
    }
  });
  it('recomputes a distribution refused for its span on 2^18 points; keeps a caller’s own grid size (refused)', () => {
    // capped at 500 (a shorter claim pmf on the fine grid than the uncapped one)
    const s = resolveScheme({
      ...exponential,
      benefits: [{ ...exponential.benefits[0], cap: 500 } as Scenario['benefits'][number]],
    });
    const fine = accurateAggregate(s, {}, atZero);
    expect(fine.gridSize).toBe(2 ** 18);
    const e = thrown(() => accurateAggregate(s, { gridSize: 1024 }, atZero));
    expect(e?.refusal.code).toBe('coarse-probability');
  });
  it('recomputes a distribution refused for a quantile’s span on 2^18 points too', () => {
    // 2 members, claims capped at 2,000: on 1,024 points Q(.99) moves by some 14 yuan from h to 2h
    // (estimated error ≈ 4.6 against 1e-3 of a 2,300 range); on 2^18 points it passes.
    const s = resolveScheme({
      ...exponential,
      members: { count: 2 },
      benefits: [{ ...exponential.benefits[0], cap: 2000 } as Scenario['benefits'][number]],
    });
    const quantiles = { points: [], levels: [0.5, 0.75, 0.9, 0.95, 0.99, 0.995] };
    expect(exactRefusal(exactAggregate(s), quantiles)?.code).toBe('coarse-quantile');
    const fine = accurateAggregate(s, {}, quantiles);
    expect(fine.gridSize).toBe(2 ** 18);
    expect(exactRefusal(fine, quantiles)).toBeNull();
  });
});

describe('benchExact', () => {
  it('times `runs` runs after the warm-up: min ≤ median, and the grid size of the scheme', () => {
    const b = benchExact(lump, 3, 1);
    expect(b.runs).toBe(3);
    expect(b.gridSize).toBe(64);
    expect(b.min).toBeGreaterThanOrEqual(0);
    expect(b.median).toBeGreaterThanOrEqual(b.min);
    expect(b.median).toBeLessThan(10_000);
  });
  it('reports the grid size without a warm-up too (it is read from the timed runs)', () => {
    expect(benchExact(lump, 1, 0)).toMatchObject({ runs: 1, gridSize: 64 });
  });
});
