/**
 * Calibration to several targets at once (src/history/calibrateTargets.ts): targets computed here
 * from closed forms written out in the test (lognormal by Φ from test/helpers/erfc.ts, Pareto II
 * and an integer-shape gamma by their elementary survival functions) are fitted back to the
 * parameters that made them; each row's z is the stated standardised error; inconsistent or too
 * few targets are the stated problems.
 */
import { describe, expect, it } from 'vitest';
import type { Benefit, CostRisk } from '../../src/domain/scenario.ts';
import {
  calibrateTargets,
  costAbove,
  nelderMead,
  readTargets,
  type TargetCalibration,
  type Targets,
} from '../../src/history/index.ts';
import { phi } from '../helpers/erfc.ts';
import { bands, whole } from './targetBenefits.ts';
import { worded } from './worded.ts';

const risk: CostRisk = { id: 'r', kind: 'cost', rate: 0.03, cost: { dist: 'lognormal', mean: 1000, cv: 2 } };
/** The cost at which the forestry table pays t (t below 38,500 + 0.9·…: inverted by hand). */
const costAt = (t: number) =>
  t <= 2500 ? t / 0.5 : t <= 38500 ? 5000 + (t - 2500) / 0.8 : 50000 + (t - 38500) / 0.9;
const bandsPay = (x: number) =>
  Math.min(
    250000,
    0.5 * Math.min(x, 5000) + 0.8 * Math.max(0, Math.min(x, 50000) - 5000) + 0.9 * Math.max(0, x - 50000),
  );

/** The lognormal of mean m and cv c, written out: S, E[min(X, u)], the quantile (by bisection on Φ). */
function lognormal(m: number, c: number) {
  const s2 = Math.log(1 + c * c);
  const s = Math.sqrt(s2);
  const mu = Math.log(m) - s2 / 2;
  const sf = (x: number) => 1 - phi((Math.log(x) - mu) / s);
  const lev = (u: number) => m * phi((Math.log(u) - mu - s2) / s) + u * sf(u);
  const quantile = (p: number) => {
    let lo = -40,
      hi = 40;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (phi(mid) < p) lo = mid;
      else hi = mid;
    }
    return Math.exp(mu + s * lo);
  };
  return { sf, lev, quantile };
}

const ok = (r: ReturnType<typeof calibrateTargets>): TargetCalibration => {
  if (!r.ok) throw new Error(JSON.stringify(worded(r).problems));
  return r;
};

describe('fitting a family and its two parameters to several targets at once', () => {
  it('recovers a lognormal (mean 2,400, cv 1.2) from paid per claimant, two counts above payouts and the largest', () => {
    const L = lognormal(2400, 1.2);
    const n = 16719;
    // E[b(X)] = 0.5·E[min(X, 5000)] + 0.8·(E[min(X, 50000)] − E[min(X, 5000)]) + 0.9·(E[X] − E[min(X, 50000)]),
    // less 0.9·E[(X − x_cap)+] for the cap at x_cap = costAt(250000).
    const xCap = costAt(250000);
    const paid = 0.5 * L.lev(5000) + 0.8 * (L.lev(50000) - L.lev(5000)) + 0.9 * (L.lev(xCap) - L.lev(50000));
    const largest = bandsPay(L.quantile(Math.pow(2, -1 / n)));
    const targets: Targets = {
      members: 651656,
      claimants: n,
      paidPerClaimant: paid,
      above: [
        { threshold: 5000, count: n * L.sf(costAt(5000)) },
        { threshold: 10000, count: n * L.sf(costAt(10000)) },
      ],
      largest,
    };
    const r = ok(calibrateTargets(targets, risk, [bands]));
    expect(r.fits[0].family).toBe('lognormal');
    const cost = r.fits[0].cost;
    expect(cost.dist === 'lognormal' && cost.mean / 2400).toBeCloseTo(1, 4);
    expect(cost.dist === 'lognormal' && cost.cv / 1.2).toBeCloseTo(1, 4);
    expect(r.fits[0].objective).toBeLessThan(1e-6);
    for (const row of r.fits[0].rows) expect(Math.abs(row.z)).toBeLessThan(1e-3);
    expect(r.risk.cost).toEqual(cost);
    expect(r.risk.rate).toBe(n / 651656);
    expect(r.claimRate).toBe(n / 651656);
    expect(r).toMatchObject({ draws: n, on: 'payout', targets: 4, parameters: 2 });
    expect(r.fits.map((f) => f.family).sort()).toEqual(['gamma', 'lognormal', 'pareto']);
    expect(r.fits[1].objective).toBeGreaterThan(1);
  });

  it('recovers a Pareto II (scale 3,000, shape 2.5) from its mean and counts above costs', () => {
    const [s, a, n] = [3000, 2.5, 5000];
    const sf = (x: number) => Math.pow(s / (x + s), a);
    const q = Math.pow(2, -1 / n); // the median of the maximum of n: Q(2^(−1/n)) = s·((1 − p)^(−1/α) − 1)
    const targets: Targets = {
      paidPerClaimant: s / (a - 1),
      paidTolerance: 0.001,
      above: [
        { threshold: 5000, count: n * sf(5000) },
        { threshold: 20000, count: n * sf(20000) },
      ],
      largest: s * (Math.pow(1 - q, -1 / a) - 1),
      on: 'cost',
      draws: n,
    };
    const r = ok(calibrateTargets(targets, risk, [whole]));
    expect(r.fits[0].family).toBe('pareto');
    const cost = r.fits[0].cost;
    expect(cost.dist === 'pareto' && cost.scale / s).toBeCloseTo(1, 5);
    expect(cost.dist === 'pareto' && cost.shape / a).toBeCloseTo(1, 5);
    expect(r.claimRate).toBeNull();
    expect(r.risk.rate).toBe(risk.rate);
  });

  it('recovers a gamma of shape 4 (mean 1,500, cv 0.5) from two counts above costs alone', () => {
    const theta = 1500 / 4;
    // Shape 4: S(x) = e^(−y)·(1 + y + y²/2 + y³/6), y = x/θ.
    const sf = (x: number) => {
      const y = x / theta;
      return Math.exp(-y) * (1 + y + (y * y) / 2 + (y * y * y) / 6);
    };
    const n = 10000;
    const targets: Targets = {
      above: [
        { threshold: 2000, count: n * sf(2000) },
        { threshold: 4000, count: n * sf(4000) },
      ],
      on: 'cost',
      draws: n,
      families: ['gamma'],
    };
    const r = ok(calibrateTargets(targets, risk, [whole]));
    expect(r.fits).toHaveLength(1);
    const cost = r.fits[0].cost;
    expect(cost.dist === 'gamma' && cost.mean / 1500).toBeCloseTo(1, 5);
    expect(cost.dist === 'gamma' && cost.cv).toBeCloseTo(0.5, 5);
    expect(r.targets).toBe(2);
    expect(r.draws).toBe(n);
  });
});

describe("each target's row: observed, fitted and the standardised error", () => {
  it('reports counts with their Poisson z, paid with its tolerance, the largest as a normal score, claimants exactly', () => {
    const targets: Targets = {
      members: 651656,
      claimants: 16719,
      paidPerClaimant: 1357,
      paidTolerance: 0.005,
      above: [
        { threshold: 5000, count: 398 },
        { threshold: 10000, count: 129 },
      ],
      largest: 141243,
      families: ['lognormal'],
    };
    const r = ok(calibrateTargets(targets, risk, [bands]));
    const fit = r.fits[0];
    const c = fit.cost;
    if (c.dist !== 'lognormal') throw new Error('lognormal expected');
    const L = lognormal(c.mean, c.cv);
    const n = 16719;
    const [claimants, paid, above5, above10, largest] = fit.rows;
    expect(claimants).toEqual({ kind: 'claimants', observed: n, fitted: n, se: Math.sqrt(n), z: 0 });
    const xCap = costAt(250000);
    const e = 0.5 * L.lev(5000) + 0.8 * (L.lev(50000) - L.lev(5000)) + 0.9 * (L.lev(xCap) - L.lev(50000));
    expect(paid.kind).toBe('paidPerClaimant');
    expect(paid.fitted / e).toBeCloseTo(1, 6);
    expect(paid.z).toBeCloseTo((1357 - paid.fitted) / (0.005 * 1357), 9);
    for (const [row, t, N] of [
      [above5, 5000, 398],
      [above10, 10000, 129],
    ] as const) {
      const m = n * L.sf(costAt(t));
      expect(row).toMatchObject({ kind: 'above', threshold: t, observed: N });
      expect(row.fitted / m).toBeCloseTo(1, 5);
      expect(row.se).toBeCloseTo(Math.sqrt(row.fitted), 9);
      expect(row.z).toBeCloseTo((N - row.fitted) / Math.sqrt(row.fitted), 9);
    }
    // The largest: Φ⁻¹(P(max ≤ M)) with P(max ≤ M) = (1 − S(x_M))ⁿ; fitted, the median of the maximum.
    const pBelow = Math.pow(1 - L.sf(costAt(141243)), n);
    expect(phi(largest.z)).toBeCloseTo(pBelow, 5);
    expect(largest.fitted / bandsPay(L.quantile(Math.pow(2, -1 / n)))).toBeCloseTo(1, 4);
    expect(largest.se).toBeNull();
    expect(fit.objective).toBeCloseTo(
      fit.rows.reduce((s, x) => s + x.z * x.z, 0),
      9,
    );
  });

  it('finds the cost above which the table pays more than t, also at a step', () => {
    expect(costAbove(bandsPay, 5000) / 8125).toBeCloseTo(1, 10);
    expect(costAbove(bandsPay, 141243) / costAt(141243)).toBeCloseTo(1, 10);
    expect(costAbove(bandsPay, 250000)).toBe(Infinity);
    expect(costAbove((x) => (x >= 300 ? 100 : 0), 50) / 300).toBeCloseTo(1, 10);
    expect(costAbove((x) => x + 1, 0)).toBe(0);
  });
});

describe('inconsistent or too few targets are problems, one per cause', () => {
  const base: Targets = { members: 1000, claimants: 100, paidPerClaimant: 800 };
  const problems = (t: Targets, benefits: Benefit[] = [bands]) => {
    const r = calibrateTargets(t, risk, benefits);
    if (r.ok) throw new Error('expected problems');
    return worded(r).problems;
  };
  it('one cost target for two parameters', () => {
    expect(problems(base)).toEqual([
      {
        path: '(root)',
        message:
          '1 cost target (paid, counts above thresholds, the largest) for 2 parameters: give at least 2',
      },
    ]);
  });
  it('a count larger at a higher threshold, a count above its draws, a largest that contradicts a count', () => {
    expect(
      problems({
        ...base,
        above: [
          { threshold: 1000, count: 5 },
          { threshold: 2000, count: 7 },
          { threshold: 3000, count: 101 },
        ],
        largest: 2500,
      }),
    ).toEqual([
      {
        path: 'above[1].count',
        message:
          '7 above this threshold but 5 above the lower ¥1,000: a count above a higher threshold cannot be larger',
      },
      {
        path: 'above[2].count',
        message:
          '101 above this threshold but 7 above the lower ¥2,000: a count above a higher threshold cannot be larger',
      },
      { path: 'above[2].count', message: '101 is more than the 100 claimants it is among' },
      {
        path: 'above[2].count',
        message: 'the largest, ¥2,500, and 101 above ¥3,000 contradict each other',
      },
    ]);
  });
  it('equal counts at two thresholds are consistent: no claimant between them', () => {
    const r = calibrateTargets(
      {
        ...base,
        above: [
          { threshold: 1000, count: 5 },
          { threshold: 2000, count: 5 },
        ],
      },
      risk,
      [bands],
    );
    expect(r.ok).toBe(true);
  });
  it('thresholds out of order, a count above the caps, a largest at the cap', () => {
    expect(
      problems({
        ...base,
        above: [
          { threshold: 260000, count: 1 },
          { threshold: 9000, count: 1 },
        ],
        largest: 250000,
      }),
    ).toEqual([
      {
        path: 'above[0].threshold',
        message: 'no claimant can be paid more than ¥250,000 (the caps), so none above ¥260,000',
      },
      {
        path: 'above[0].count',
        message: 'the largest, ¥250,000, and 1 above ¥260,000 contradict each other',
      },
      { path: 'above[1].threshold', message: 'thresholds must increase: this one is not above ¥260,000' },
      {
        path: 'largest',
        message:
          'the largest, ¥250,000, is not below ¥250,000, the most the benefits pay (the caps): it says only that the cap was reached; give a count above a threshold below the cap instead',
      },
    ]);
  });
  it('members without claimants, counts without draws, paid without claimants, paid beyond the caps', () => {
    expect(problems({ members: 10, paid: 100, above: [{ threshold: 10, count: 1 }] })).toEqual([
      {
        path: 'claimants',
        message: 'members and claimants go together: the claimant rate is claimants / members',
      },
      {
        path: 'draws',
        message:
          'counts above thresholds and the largest need the number of claimants they are among (claimants or draws)',
      },
      { path: 'paid', message: 'a total paid needs the claimants it was paid to (or give paidPerClaimant)' },
    ]);
    expect(problems({ ...base, paidPerClaimant: 260000, largest: 1000 })).toEqual([
      {
        path: 'paidPerClaimant',
        message:
          'the observed ¥260,000 per claimant is not below ¥250,000, the most the benefits can pay one claimant (their caps): no cost distribution reaches it',
      },
    ]);
    expect(problems({ members: 10, claimants: 11, paid: 100, largest: 50 })).toEqual([
      { path: 'claimants', message: '11 claimants among 10 members: a claim rate must be at most 1' },
    ]);
  });
  it('a daily benefit on the risk cannot be fitted by payout counts; a risk without a cost benefit cannot by payout', () => {
    const daily: Benefit = { id: 'allowance', risk: 'r', type: 'daily', perDay: 50 };
    const withDays = { ...risk, days: { dist: 'poisson' as const, mean: 9 } };
    const r = calibrateTargets({ ...base, largest: 9000 }, withDays, [bands, daily]);
    expect(r.ok ? [] : worded(r).problems).toEqual([
      {
        path: 'benefits[1]',
        message:
          'the daily benefit "allowance" pays by days, not by the cost: counts and the largest by payout cannot be fitted to the cost alone (use "on": "cost")',
      },
    ]);
    expect(problems({ ...base, largest: 9000 }, [])).toEqual([
      { path: 'risk', message: 'no bands or steps benefit on "r": no payment depends on the cost' },
    ]);
  });
});

describe('targets read from plain data', () => {
  it('accepts the Hulunbuir targets as written in a JSON file', () => {
    const raw = JSON.parse(
      '{"members":651656,"claimants":16719,"paidPerClaimant":1357,"above":[{"threshold":5000,"count":398},{"threshold":10000,"count":129}],"largest":141243}',
    );
    expect(readTargets(raw)).toEqual({ ok: true, targets: raw });
  });
  it('lists every problem with its path', () => {
    const r = readTargets({
      members: 0,
      paid: 10,
      paidPerClaimant: 5,
      on: 'claims',
      paidTolerance: 2,
      above: [{ threshold: -1 }, 3],
      families: ['weibull'],
      extra: 1,
    });
    expect(r.ok ? [] : worded(r).problems.map((p) => p.path)).toEqual([
      'extra',
      'members',
      'paidTolerance',
      'on',
      'paidPerClaimant',
      'families',
      'above[0].count',
      'above[0].threshold',
      'above[1]',
    ]);
    expect(readTargets([1])).toEqual({
      ok: false,
      problems: [{ at: { path: '(root)' }, code: 'tgtNotObject', params: {} }],
    });
  });
});

describe('Nelder–Mead', () => {
  it("finds Rosenbrock's minimum at (1, 1) from (−1.2, 1)", () => {
    const m = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 6);
    expect(m.x[1]).toBeCloseTo(1, 6);
  });
  it('treats Infinity as worse than anything: a wall it does not cross', () => {
    const m = nelderMead(([x]) => (x < 0.5 ? Infinity : (x - 0.2) ** 2), [2]);
    expect(m.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(m.x[0]).toBeCloseTo(0.5, 4);
  });
});
