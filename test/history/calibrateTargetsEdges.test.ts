/**
 * Edges of the calibration to several targets (src/history/calibrateTargets.ts), each figure derived
 * here rather than read from the code:
 *
 * - refusals: every problem is checked as its code, its parameters and its path, for inputs built so
 *   that exactly one cause applies (a daily benefit on a risk without days, no claimants among the
 *   draws, paid at exactly the floor or the ceiling, counts at the boundaries of their checks);
 * - `costAbove` on payouts whose crossing is known by hand (the identity, a deductible of 1,000);
 * - `familyCost`: the documented map (level, cv) = (eᵘ, eᵛ), Pareto shape 1 + eᵛ, and its walls, tried
 *   just inside and just outside each bound (no double u has eᵘ exactly at a bound, so the bounds
 *   themselves cannot be hit);
 * - `targetRows` on a hand-made model: paid is floor + the mean for a benefit paying the whole cost,
 *   counts n·S(x) with S the lognormal's 1 − Φ((ln x − μ)/σ) (Φ from test/helpers/erfc.ts), the
 *   Pareto largest's normal score Φ⁻¹((1 − S(M))ⁿ) at points where S(M) is chosen (so (1 − S)ⁿ is
 *   1e-25, 0.3, 0.8 or 1 − 1e-20), Φ⁻¹ by bisection on Φ and on its upper tail;
 * - whole fits whose targets are generated from known parameters (exactly consistent, so the fit
 *   must return those parameters): a daily floor of 50·9 = 450 added to paid, a paid total divided
 *   by the claimants, paid with the largest alone, counts and the largest without any benefit;
 * - the start points: Nelder–Mead is wrapped to record where it starts; the starts must be five
 *   points of the documented 25 × 25 grid (ln scale − 5 + 10i/24, vLo + (vHi − vLo)j/24 with the
 *   family's range) that are best among the grid, or, under a tight paid tolerance, points of the paid
 *   target's valley (for a benefit paying the whole cost above a floor F, the level T − F, at
 *   v = vLo + (vHi − vLo)j/48); the reported fit is the best of the five refinements.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Benefit, CostDist, CostRisk } from '../../src/domain/scenario.ts';
import {
  calibrateTargets,
  costAbove,
  familyCost,
  targetRows,
  type TargetCalibration,
  type TargetCalibrationResult,
} from '../../src/history/calibrateTargets.ts';
import type { Minimum, NelderMeadOptions } from '../../src/history/nelderMead.ts';
import type { Targets } from '../../src/history/readTargets.ts';
import { erfc, phi } from '../helpers/erfc.ts';
import { bands, whole } from './targetBenefits.ts';

interface Start {
  f: (x: number[]) => number;
  x0: number[];
  options: NelderMeadOptions | undefined;
  result: Minimum;
}
const record = vi.hoisted(() => ({ starts: [] as Start[] }));
vi.mock('../../src/history/nelderMead.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/history/nelderMead.ts')>();
  return {
    ...mod,
    nelderMead: (f: (x: number[]) => number, x0: readonly number[], options?: NelderMeadOptions) => {
      const result = mod.nelderMead(f, x0, options);
      record.starts.push({ f, x0: [...x0], options, result });
      return result;
    },
  };
});

type Model = Parameters<typeof targetRows>[0];

const daily: Benefit = { id: 'allowance', risk: 'r', type: 'daily', perDay: 50 };
const risk: CostRisk = { id: 'r', kind: 'cost', rate: 0.03, cost: { dist: 'lognormal', mean: 1000, cv: 2 } };
/** With days of mean 9: the daily benefit's expected payment is 50 · 9 = 450, the floor of paid. */
const withDays: CostRisk = { ...risk, days: { dist: 'poisson', mean: 9 } };
const FLOOR = 50 * 9;

/** The lognormal of mean m and cv c: S(x) = 1 − Φ((ln x − μ)/σ), σ² = ln(1 + c²), μ = ln m − σ²/2. */
function lognormalSf(m: number, c: number) {
  const s2 = Math.log(1 + c * c);
  const mu = Math.log(m) - s2 / 2;
  return (x: number) => 1 - phi((Math.log(x) - mu) / Math.sqrt(s2));
}
/** The lognormal's p-quantile, by bisection on Φ. */
function lognormalQuantile(m: number, c: number, p: number) {
  const s2 = Math.log(1 + c * c);
  return Math.exp(Math.log(m) - s2 / 2 + Math.sqrt(s2) * normalInverse(p));
}
/** Φ⁻¹(p) by bisection; p below ½ on Φ itself, above ½ on the upper tail ½·erfc(z/√2) of 1 − p. */
function normalInverse(p: number, upper = 1 - p): number {
  let lo = -40,
    hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const below = p < 0.5 ? phi(mid) < p : erfc(mid / Math.SQRT2) / 2 > upper;
    if (below) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const ok = (r: TargetCalibrationResult): TargetCalibration => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const problemsOf = (t: Targets, benefits: Benefit[] = [bands], on: CostRisk = risk) => {
  const r = calibrateTargets(t, on, benefits);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const belowFloor = (target: number, floor: number) => ({
  at: { path: 'paidPerClaimant' },
  code: 'calBelowFloor',
  params: { target, floor },
});

describe('refusals: one cause, its code, parameters and path', () => {
  it("a daily benefit on a risk without days names that benefit; another risk's benefits are not looked at", () => {
    const otherDaily: Benefit = { ...daily, id: 'other', risk: 'q' };
    const t: Targets = {
      members: 1000,
      claimants: 100,
      paidPerClaimant: 800,
      above: [{ threshold: 1000, count: 5 }],
      on: 'cost',
    };
    expect(problemsOf(t, [otherDaily, whole, daily])).toEqual([
      { at: { path: 'benefits[2]' }, code: 'calNeedsDays', params: { benefit: 'allowance' } },
    ]);
  });

  it('a daily benefit does not stand against paid alone (no counts, no largest): only too few targets', () => {
    expect(problemsOf({ paidPerClaimant: 800 }, [bands, daily], withDays)).toEqual([
      { at: { path: '(root)' }, code: 'tgtTooFew', params: { targets: 1, parameters: 2 } },
    ]);
  });

  it('without a cost benefit: refused by payout or with paid, accepted for counts of the cost', () => {
    const noBenefit = { at: { path: 'risk' }, code: 'calNoCostBenefit', params: { risk: 'r' } };
    expect(problemsOf({ above: [{ threshold: 10, count: 1 }], largest: 20, draws: 5 }, [])).toEqual([
      noBenefit,
    ]);
    const onCost: Targets = { members: 100, claimants: 10, largest: 50, on: 'cost' };
    expect(problemsOf({ ...onCost, paid: 1000 }, [])).toEqual([noBenefit]);
    expect(problemsOf({ ...onCost, paidPerClaimant: 100 }, [])).toEqual([noBenefit]);
  });

  it('a steps benefit is a cost benefit', () => {
    const steps: Benefit = { id: 's', risk: 'r', type: 'steps', from: 1000, step: 1000, perStep: 100 };
    expect(problemsOf({ members: 100, claimants: 10, paidPerClaimant: 0, largest: 50 }, [steps])).toEqual([
      belowFloor(0, 0),
    ]);
  });

  it('claimants without members are asked for members', () => {
    expect(problemsOf({ claimants: 100, paidPerClaimant: 800, largest: 9000 })).toEqual([
      { at: { path: 'members' }, code: 'tgtRatePair', params: {} },
    ]);
  });

  it('as many claimants as members is a rate of 1, not above it', () => {
    expect(problemsOf({ members: 100, claimants: 100, paidPerClaimant: 0, largest: 50 })).toEqual([
      belowFloor(0, 0),
    ]);
  });

  it('no claimants: counts among none, and a total paid to none', () => {
    const none = { at: { path: 'claimants' }, code: 'calNoClaimants', params: {} };
    expect(
      problemsOf({ members: 10, claimants: 0, above: [{ threshold: 1000, count: 0 }], largest: 500 }),
    ).toEqual([none]);
    expect(
      problemsOf({ members: 10, claimants: 0, paid: 100, draws: 5, above: [{ threshold: 1000, count: 1 }] }),
    ).toEqual([none]);
  });

  it('paid at exactly the floor (450 from the daily benefit) or exactly the ceiling (the cap) is refused', () => {
    const tail = { above: [{ threshold: 1000, count: 5 }], draws: 100, on: 'cost' as const };
    expect(problemsOf({ ...tail, paidPerClaimant: FLOOR }, [whole, daily], withDays)).toEqual([
      belowFloor(FLOOR, FLOOR),
    ]);
    expect(problemsOf({ members: 1000, claimants: 100, paidPerClaimant: 250000, largest: 1000 })).toEqual([
      {
        at: { path: 'paidPerClaimant' },
        code: 'calAboveCeiling',
        params: { target: 250000, ceiling: 250000 },
      },
    ]);
  });

  // Paid per claimant 0 is below the floor 0: a problem that stops the fit after the counts are checked.
  const tailOnly = (t: Targets) => problemsOf({ members: 1000, claimants: 100, paidPerClaimant: 0, ...t });
  it('counts at the boundaries of their checks', () => {
    // Equal thresholds are out of order.
    expect(
      tailOnly({
        above: [
          { threshold: 1000, count: 5 },
          { threshold: 1000, count: 5 },
        ],
      }),
    ).toEqual([
      { at: { path: 'above[1].threshold' }, code: 'tgtThresholdOrder', params: { previous: 1000 } },
      belowFloor(0, 0),
    ]);
    // All 100 claimants above 1,000 is possible; no largest to contradict it.
    expect(tailOnly({ above: [{ threshold: 1000, count: 100 }] })).toEqual([belowFloor(0, 0)]);
    // None above the cap is consistent; one above the cap itself is not; none above the largest either.
    expect(
      tailOnly({
        above: [
          { threshold: 1000, count: 3 },
          { threshold: 2000, count: 0 },
          { threshold: 300000, count: 0 },
        ],
        largest: 2000,
      }),
    ).toEqual([belowFloor(0, 0)]);
    expect(tailOnly({ above: [{ threshold: 250000, count: 1 }] })).toEqual([
      {
        at: { path: 'above[0].threshold' },
        code: 'tgtAboveMostPaid',
        params: { threshold: 250000, most: 250000 },
      },
      belowFloor(0, 0),
    ]);
  });
});

describe('the cost above which the payout exceeds t', () => {
  it('finds crossings below 1, between powers of two and at the end of a deductible', () => {
    expect(costAbove((x) => x, 0.1) / 0.1).toBeCloseTo(1, 12);
    expect(costAbove((x) => x, 3) / 3).toBeCloseTo(1, 12);
    expect(costAbove((x) => x, 700) / 700).toBeCloseTo(1, 12);
    // Pays nothing up to 1,000: more than 0 only above 1,000 (although it pays 0 = t from 0 on).
    expect(costAbove((x) => Math.max(0, x - 1000), 0) / 1000).toBeCloseTo(1, 12);
    // a crossing at 0 itself (pay(0) = t, pay(x) > t for every x > 0): the smallest positive double
    expect(costAbove((x) => x, 0)).toBe(Number.MIN_VALUE);
    // 5 + 2x rounds to 5 below x ≈ 2.2e-16 (half a unit in the last place of 5 is 4.4e-16)
    const x = costAbove((c) => 2 * c + 5, 5);
    expect(2 * x + 5).toBeGreaterThan(5);
    expect(x).toBeLessThan(1e-15);
  });
});

describe('the cost distribution at an unconstrained point', () => {
  const [u, v] = [Math.log(2000), Math.log(1.5)];
  it('maps (u, v) to (eᵘ, eᵛ), the Pareto shape to 1 + eᵛ', () => {
    expect(familyCost('lognormal', u, v)).toEqual({ dist: 'lognormal', mean: Math.exp(u), cv: Math.exp(v) });
    expect(familyCost('gamma', u, v)).toEqual({ dist: 'gamma', mean: Math.exp(u), cv: Math.exp(v) });
    expect(familyCost('pareto', u, v)).toEqual({
      dist: 'pareto',
      scale: Math.exp(u),
      shape: 1 + Math.exp(v),
    });
  });
  it('walls: level in (0, 1e9], cv in (0, 100] (gamma from 0.01), shape in (1, 1000]', () => {
    const e = 1e-9;
    for (const family of ['lognormal', 'gamma', 'pareto'] as const) {
      expect(familyCost(family, -800, v)).toBeNull(); // eᵘ = 0
      expect(familyCost(family, 30, v)).toBeNull();
      expect(familyCost(family, Math.log(1e9) + e, v)).toBeNull();
      expect(familyCost(family, Math.log(1e9) - e, v)).not.toBeNull();
    }
    for (const family of ['lognormal', 'gamma'] as const) {
      expect(familyCost(family, u, Math.log(100) + e)).toBeNull();
      expect(familyCost(family, u, Math.log(100) - e)).not.toBeNull();
    }
    expect(familyCost('lognormal', u, -800)).toBeNull(); // cv = 0
    expect(familyCost('lognormal', u, Math.log(0.005))).not.toBeNull();
    expect(familyCost('gamma', u, Math.log(0.005))).toBeNull();
    expect(familyCost('gamma', u, Math.log(0.01) - e)).toBeNull();
    expect(familyCost('gamma', u, Math.log(0.01) + e)).not.toBeNull();
    expect(familyCost('pareto', u, -40)).toBeNull(); // 1 + e⁻⁴⁰ = 1
    expect(familyCost('pareto', u, Math.log(999) + e)).toBeNull();
    expect(familyCost('pareto', u, Math.log(999) - e)).not.toBeNull();
  });
});

describe("each target's row for a given cost", () => {
  const model = (m: Partial<Model>): Model => ({
    floor: 0,
    costBenefits: [],
    pay: (x) => x,
    tol: 0.01,
    perClaimant: null,
    draws: 1,
    above: [],
    largest: null,
    ...m,
  });

  it('paid is the floor plus the mean (a benefit paying all), counts n·S(x), none fitted above an unreachable x', () => {
    const cost: CostDist = { dist: 'lognormal', mean: 1000, cv: 2 };
    const S = lognormalSf(1000, 2);
    const rows = targetRows(
      model({
        floor: 100,
        costBenefits: [whole as Extract<Benefit, { type: 'bands' }>],
        tol: 0.02,
        perClaimant: 1200,
        draws: 500,
        above: [
          { threshold: 2000, count: 40, at: 2000 },
          { threshold: 1e7, count: 1, at: Infinity },
        ],
      }),
      cost,
    );
    expect(rows.map((r) => r.kind)).toEqual(['paidPerClaimant', 'above', 'above']);
    const [paid, above, never] = rows;
    expect(paid.observed).toBe(1200);
    expect(paid.fitted).toBeCloseTo(1100, 6);
    expect(paid.se).toBeCloseTo(24, 12);
    expect(paid.z).toBeCloseTo(100 / 24, 6);
    const m = 500 * S(2000);
    expect(above).toMatchObject({ threshold: 2000, observed: 40 });
    expect(above.fitted / m).toBeCloseTo(1, 6);
    expect(above.se! / Math.sqrt(m)).toBeCloseTo(1, 6);
    expect(above.z).toBeCloseTo((40 - m) / Math.sqrt(m), 5);
    // Fitted 0: the standard error is taken at the least count 1e-6, √1e-6 = 0.001.
    expect(never).toMatchObject({ threshold: 1e7, observed: 1, fitted: 0 });
    expect(never.se).toBeCloseTo(0.001, 12);
    expect(never.z).toBeCloseTo(1000, 6);
  });

  describe('the largest of n, a Pareto II (scale 1,000, shape 2), by its normal score', () => {
    const [s, a] = [1000, 2];
    const cost: CostDist = { dist: 'pareto', scale: s, shape: a };
    /** The x with S(x) = (s/(x + s))^a = q. */
    const at = (q: number) => s * (Math.pow(q, -1 / a) - 1);
    const largest = (n: number, M: number) =>
      targetRows(model({ draws: n, largest: { value: M, at: M } }), cost)[0];
    it.each([
      // (1 − S)ⁿ = 0.1²⁵ = 1e-25: far below the fitted maximum.
      [25, 0.9, 1e-25],
      [10, 1 - Math.pow(0.3, 1 / 10), 0.3],
      [10, 1 - Math.pow(0.8, 1 / 10), 0.8],
      // One draw, S = 1e-20: P(max ≤ M) = 1 − 1e-20, only the upper side holds it.
      [1, 1e-20, 1 - 1e-20],
    ])('n = %d, S(M) = %s: z = Φ⁻¹(%s)', (n, q, below) => {
      const row = largest(n, at(q));
      expect(row.kind).toBe('largest');
      expect(row.se).toBeNull();
      expect(row.observed).toBe(at(q));
      const z = below < 0.5 ? normalInverse(below) : normalInverse(below, n === 1 ? q : 1 - below);
      expect(row.z).toBeCloseTo(z, 5);
      // Fitted: the median of the maximum, Q(2^(−1/n)) = s·((1 − p)^(−1/a) − 1).
      expect(row.fitted / at(1 - Math.pow(2, -1 / n))).toBeCloseTo(1, 9);
    });
  });
});

describe('whole fits to targets generated from known parameters', () => {
  it('adds the daily floor to paid; divides a paid total by the claimants; the rate is claimants/members', () => {
    // Lognormal mean 2,400, cv 1.2 of the cost; paid per claimant = 450 + 2,400 (the benefit pays all).
    const [m, c, n] = [2400, 1.2, 4000];
    const S = lognormalSf(m, c);
    const t: Targets = {
      members: 100000,
      claimants: n,
      paid: n * (FLOOR + m),
      above: [
        { threshold: 3000, count: n * S(3000) },
        { threshold: 10000, count: n * S(10000) },
      ],
      on: 'cost',
      families: ['lognormal'],
    };
    const r = ok(calibrateTargets(t, withDays, [whole, daily]));
    const cost = r.fits[0].cost;
    expect(cost.dist === 'lognormal' && cost.mean / m).toBeCloseTo(1, 5);
    expect(cost.dist === 'lognormal' && cost.cv / c).toBeCloseTo(1, 5);
    expect(r.claimRate).toBe(n / 100000);
    expect(r.risk.rate).toBe(n / 100000);
    expect(r).toMatchObject({ draws: n, on: 'cost', targets: 3, parameters: 2 });
    const [claimants, paid] = r.fits[0].rows;
    expect(claimants).toEqual({ kind: 'claimants', observed: n, fitted: n, se: Math.sqrt(n), z: 0 });
    expect(paid.observed).toBeCloseTo(FLOOR + m, 9);
    expect(cost.dist === 'lognormal' && paid.fitted - cost.mean).toBeCloseTo(FLOOR, 6);
  });

  it('fits paid and the largest alone (no counts): draws are the claimants', () => {
    const [m, c, n] = [2400, 1.2, 1000];
    const t: Targets = {
      members: 50000,
      claimants: n,
      paidPerClaimant: m,
      largest: lognormalQuantile(m, c, Math.pow(2, -1 / n)),
      families: ['lognormal'],
    };
    const r = ok(calibrateTargets(t, risk, [whole]));
    const cost = r.fits[0].cost;
    expect(cost.dist === 'lognormal' && cost.mean / m).toBeCloseTo(1, 5);
    expect(cost.dist === 'lognormal' && cost.cv / c).toBeCloseTo(1, 4);
    expect(r).toMatchObject({ draws: n, on: 'payout', targets: 2 });
    expect(r.fits[0].rows.map((x) => x.kind)).toEqual(['claimants', 'paidPerClaimant', 'largest']);
  });

  it('fits counts and the largest of the cost with no benefit and no members; starts on the documented grid', () => {
    const [s, a, n] = [3000, 2.5, 5000];
    const sf = (x: number) => Math.pow(s / (x + s), a);
    const p = Math.pow(2, -1 / n);
    const t: Targets = {
      above: [
        { threshold: 5000, count: n * sf(5000) },
        { threshold: 20000, count: n * sf(20000) },
      ],
      largest: s * (Math.pow(1 - p, -1 / a) - 1),
      on: 'cost',
      draws: n,
    };
    record.starts = [];
    const r = ok(calibrateTargets(t, risk, []));
    const starts = record.starts;
    expect(r.fits[0].family).toBe('pareto');
    const cost = r.fits[0].cost;
    expect(cost.dist === 'pareto' && cost.scale / s).toBeCloseTo(1, 5);
    expect(cost.dist === 'pareto' && cost.shape / a).toBeCloseTo(1, 5);
    expect(r.claimRate).toBeNull();
    expect(r.risk.rate).toBe(risk.rate);
    expect(r).toMatchObject({ draws: n, on: 'cost', targets: 3 });
    for (const f of r.fits) expect(f.rows.map((x) => x.kind)).toEqual(['above', 'above', 'largest']);
    // Five refinements per family, in the order of the families, each with step 0.3.
    expect(starts).toHaveLength(15);
    const families = ['lognormal', 'gamma', 'pareto'] as const;
    families.forEach((family, k) => {
      const mine = starts.slice(5 * k, 5 * k + 5);
      const [vLo, vHi] =
        family === 'pareto' ? [Math.log(0.02), Math.log(50)] : [Math.log(0.05), Math.log(30)];
      const grid: number[][] = [];
      for (let i = 0; i <= 24; i++)
        for (let j = 0; j <= 24; j++)
          grid.push([Math.log(5000) - 5 + (10 * i) / 24, vLo + ((vHi - vLo) * j) / 24]);
      const f = mine[0].f;
      // The bounds are walls: the objective is Infinity outside them.
      expect(f([Math.log(1e9) + 1e-9, 0])).toBe(Infinity);
      expect(f([-800, 0])).toBe(Infinity);
      const values = grid.map((x) => f(x)).sort((x, y) => x - y);
      for (const st of mine) {
        expect(st.options).toEqual({ step: 0.3 });
        const i = ((st.x0[0] - Math.log(5000) + 5) * 24) / 10;
        const j = ((st.x0[1] - vLo) * 24) / (vHi - vLo);
        expect(Math.abs(i - Math.round(i))).toBeLessThan(1e-9);
        expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-9);
        expect(Math.round(i)).toBeGreaterThanOrEqual(0);
        expect(Math.round(i)).toBeLessThanOrEqual(24);
        expect(Math.round(j)).toBeGreaterThanOrEqual(0);
        expect(Math.round(j)).toBeLessThanOrEqual(24);
        // Among the five best grid points.
        expect(f(st.x0)).toBeLessThanOrEqual(values[4]);
      }
      // The family's fit is the best of its five refinements.
      const fit = r.fits.find((x) => x.family === family)!;
      const best = mine.reduce((b, x) => (x.result.fx < b.result.fx ? x : b));
      expect(fit.cost).toEqual(familyCost(family, best.result.x[0], best.result.x[1]));
      expect(fit.objective).toBeCloseTo(best.result.fx, 12);
    });
    // Ranked best first.
    for (let k = 1; k < r.fits.length; k++)
      expect(r.fits[k].objective).toBeGreaterThanOrEqual(r.fits[k - 1].objective);
  });

  it('fits a Pareto whose mean is near the level wall: shapes whose paid level lies beyond it are skipped', () => {
    // Scale 6e8, shape 2.2: mean 5e8; at shape − 1 above 2 the scale meeting paid would pass 1e9.
    const [s, a, n] = [6e8, 2.2, 1000];
    const sf = (x: number) => Math.pow(s / (x + s), a);
    const t: Targets = {
      paidPerClaimant: s / (a - 1),
      above: [
        { threshold: 1e9, count: n * sf(1e9) },
        { threshold: 3e9, count: n * sf(3e9) },
      ],
      on: 'cost',
      draws: n,
      families: ['pareto'],
    };
    const cost = ok(calibrateTargets(t, risk, [whole])).fits[0].cost;
    expect(cost.dist === 'pareto' && cost.scale / s).toBeCloseTo(1, 4);
    expect(cost.dist === 'pareto' && cost.shape / a).toBeCloseTo(1, 4);
  });

  it('under a tight paid tolerance starts in the paid valley: level T − floor, shapes on a 49-point grid', () => {
    // E[paid] = 450 + mean, so paid = 1,000 is met at mean 550 for every cv.
    const [m, c, n] = [550, 1, 2000];
    const S = lognormalSf(m, c);
    const t: Targets = {
      paidPerClaimant: FLOOR + m,
      paidTolerance: 1e-6,
      above: [
        { threshold: 500, count: n * S(500) },
        { threshold: 1500, count: n * S(1500) },
      ],
      on: 'cost',
      draws: n,
      families: ['lognormal'],
    };
    record.starts = [];
    const r = ok(calibrateTargets(t, withDays, [whole, daily]));
    const [vLo, vHi] = [Math.log(0.05), Math.log(30)];
    expect(record.starts).toHaveLength(5);
    for (const st of record.starts) {
      expect(st.x0[0]).toBeCloseTo(Math.log(m), 8);
      const j = ((st.x0[1] - vLo) * 48) / (vHi - vLo);
      expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-9);
      expect(Math.round(j)).toBeGreaterThanOrEqual(0);
      expect(Math.round(j)).toBeLessThanOrEqual(48);
    }
    const cost = r.fits[0].cost;
    expect(cost.dist === 'lognormal' && cost.mean / m).toBeCloseTo(1, 6);
    expect(cost.dist === 'lognormal' && cost.cv / c).toBeCloseTo(1, 5);
    expect(r.fits[0].rows.map((x) => x.kind)).toEqual(['paidPerClaimant', 'above', 'above']);
    expect(r.targets).toBe(3);
  });
});
