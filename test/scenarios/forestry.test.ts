/**
 * Inner Mongolia's forestry group (scenarios/inner-mongolia-forestry-2019.json) against the
 * report's own figures: each derived figure of its `source` worked again here from the reported
 * ones, the calibration target reproduced by the exact expectation, and the result checked
 * against the one real loss ratio the sources give for Inner Mongolia (Hohhot's); and Hulunbuir's
 * tail (398 claims paid above 5,000, 129 above 10,000, the largest 141,242.9) against the best
 * single family and this file's two-part cost (its risks `inpatient` and `inpatient-severe`, one
 * claimant rate thinned by the share p), each worked here from closed forms (lognormal by Φ of
 * test/helpers/erfc.ts, Pareto II by its power law, the mixture by its weights), and the four free
 * parameters refitted here by least squares on the targets' z.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { calibrateTargets } from '../../src/history/calibrateTargets.ts';
import { rateSpread } from '../../src/history/rateSpread.ts';
import { phi } from '../helpers/erfc.ts';
import { nelderMead } from '../../src/history/nelderMead.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const FILE = 'inner-mongolia-forestry-2019.json';
/** Reported: the forestry group to date, over the scheme's four years. */
const CLAIMS = 10_300;
const PAID = 8_545_000;
const YEARS = 4;
/** Reported: Hulunbuir, the only region giving claims and claimants. */
const HULUNBUIR = { enrolments: 651_656, claimants: 16_719, claims: 27_352 };
/** Reported: the group's women's health, and Hohhot's inpatient money. */
const WOMEN = { claimants: 28, paid: 643_000 };
const HOHHOT = { paid: 9_111_314.67, contributions: 27_285_600 };

/** Hulunbuir's tail (seed 004), among its 16,719 claimants, by payout. */
const TAIL = {
  draws: 16_719,
  above: [
    [5000, 398],
    [10000, 129],
  ] as const,
  largest: 141_242.9,
};
/** The file's table (50% to 5,000, 80% to 50,000, 90% above, at most 250,000) inverted: the cost that is paid t. */
const costAt = (t: number) =>
  t <= 2500 ? t / 0.5 : t <= 38500 ? 5000 + (t - 2500) / 0.8 : 50000 + (t - 38500) / 0.9;
interface Cost {
  sf: (x: number) => number;
  /** E[min(X, u)]. */
  lev: (u: number) => number;
}
const lognormal = (m: number, cv: number): Cost => {
  const s2 = Math.log(1 + cv * cv);
  const s = Math.sqrt(s2);
  const mu = Math.log(m) - s2 / 2;
  const sf = (x: number) => 1 - phi((Math.log(x) - mu) / s);
  return { sf, lev: (u) => m * phi((Math.log(u) - mu - s2) / s) + u * sf(u) };
};
const pareto = (scale: number, shape: number): Cost => ({
  sf: (x) => Math.pow(scale / (x + scale), shape),
  lev: (u) => (scale / (shape - 1)) * (1 - Math.pow(scale / (u + scale), shape - 1)),
});
/**
 * Gamma by its regularised lower incomplete function, from the series
 * P(a, x) = xᵃ e⁻ˣ Σₙ xⁿ / Γ(a + n + 1) (every x here is below 2), with Γ(a + 1) from
 * ln Γ(1 + a) = −γa + Σₖ≥₂ ζ(k)(−a)ᵏ/k for the small shapes (a < 0.1) the fits reach.
 */
const ZETA = [0, 0, 1.6449340668482264, 1.2020569031595942, 1.0823232337111381, 1.03692775514337];
const lnGamma1 = (a: number): number =>
  a >= 1
    ? Math.log(a) + lnGamma1(a - 1) // Γ(a + 1) = a Γ(a)
    : -0.5772156649015329 * a + ZETA.slice(2).reduce((s, z, i) => s + (z * (-a) ** (i + 2)) / (i + 2), 0);
const gammaP = (a: number, x: number) => {
  let term = Math.exp(-lnGamma1(a)); // 1 / Γ(a + 1)
  let sum = term;
  for (let n = 1; n < 200; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return Math.exp(a * Math.log(x) - x) * sum;
};
const gamma = (m: number, cv: number): Cost => {
  const a = 1 / (cv * cv);
  const theta = m / a;
  if (a >= 0.1) throw new Error('the series here is for small shapes');
  return {
    sf: (x) => 1 - gammaP(a, x / theta),
    lev: (u) => m * gammaP(a + 1, u / theta) + u * (1 - gammaP(a, u / theta)),
  };
};
/** A share p of claimants with cost b, the rest with cost a. */
const mixed = (p: number, a: Cost, b: Cost): Cost => ({
  sf: (x) => (1 - p) * a.sf(x) + p * b.sf(x),
  lev: (u) => (1 - p) * a.lev(u) + p * b.lev(u),
});
/** Paid per claimant: 0.5·E[min(X, 5000)] + 0.8·(E[min(X, 50000)] − …) + 0.9·(E[min(X, x_cap)] − …). */
const paid = (X: Cost) =>
  0.5 * X.lev(5000) + 0.8 * (X.lev(50000) - X.lev(5000)) + 0.9 * (X.lev(costAt(250000)) - X.lev(50000));
/** Φ⁻¹ by bisection on the test's own Φ. */
const phiInv = (q: number) => {
  let [lo, hi] = [-40, 40];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};
/** Paid per claimant against T at a 0.5% tolerance; each count's fitted value and Poisson z; the largest's place P(max ≤ M) = (1 − S)ⁿ and its normal score. */
const tail = (X: Cost) => {
  const perClaimant = paid(X);
  const counts = TAIL.above.map(([t, n]) => {
    const m = TAIL.draws * X.sf(costAt(t));
    return { m, z: (n - m) / Math.sqrt(m) };
  });
  const below = Math.pow(1 - X.sf(costAt(TAIL.largest)), TAIL.draws);
  return { perClaimant, zPaid: (T - perClaimant) / (0.005 * T), counts, below, zLargest: phiInv(below) };
};
const within1 = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(0.01);
/** Paid per inpatient claimant, the target: 8.545 M over 10,300 claims / (27,352 / 16,719) claims a claimant. */
const T = PAID / (CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants));

/** This file's two-part cost: the share p from its two rates, each part's cost from its risk. */
const FILE_RISKS = readScenarioFile(FILE).risks;
const costOf = (id: string) => {
  const r = FILE_RISKS.find((x) => x.id === id);
  if (r?.kind !== 'cost' || !('cost' in r) || !r.cost) throw new Error(`cost risk ${id} expected`);
  return r.cost;
};
const rateOf = (id: string) => {
  const r = FILE_RISKS.find((x) => x.id === id) as { rate?: unknown };
  if (typeof r.rate !== 'number') throw new Error(`one rate for ${id} expected`);
  return r.rate;
};
const SHARE = rateOf('inpatient-severe') / (rateOf('inpatient') + rateOf('inpatient-severe'));
const BODY = (() => {
  const c = costOf('inpatient');
  if (c.dist !== 'lognormal') throw new Error('lognormal expected');
  return lognormal(c.mean, c.cv);
})();
const SEVERE = (() => {
  const c = costOf('inpatient-severe');
  if (c.dist !== 'pareto') throw new Error('Pareto II expected');
  return pareto(c.scale, c.shape);
})();

describe('Inner Mongolia forestry: every derived figure from the reported ones', () => {
  const claimants = CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants);
  const rate = HULUNBUIR.claimants / HULUNBUIR.enrolments;

  it("takes Hulunbuir's claimant rate (2.566 per 100), not a claims rate, split 94.4 : 5.6 over the two inpatient risks, and four years", () => {
    const s = readScenarioFile(FILE);
    const [body, severe] = s.risks;
    expect([body.id, severe.id]).toEqual(['inpatient', 'inpatient-severe']);
    const r = (x: (typeof s.risks)[number]) => (x.kind === 'cost' && 'rate' in x ? (x.rate as number) : NaN);
    expect(r(body) + r(severe)).toBeCloseTo(rate, 5);
    within1(r(body), (1 - SHARE) * rate);
    within1(r(severe), SHARE * rate);
    expect(s.members).toMatchObject({ count: Math.round(claimants / YEARS / rate / 100) * 100 });
    expect(s.members).toMatchObject({ count: 61_300 });
  });

  it('pays both inpatient risks by the same table', () => {
    const s = readScenarioFile(FILE);
    const [aid, severe] = s.benefits;
    expect([aid.risk, severe.risk]).toEqual(['inpatient', 'inpatient-severe']);
    const { id: _a, risk: _r, ...table } = aid;
    const { id: _b, risk: _s, ...same } = severe;
    expect(same).toEqual(table);
  });

  it('pays 1,357 per inpatient claimant (8.545 M / 6,296), by the exact expectation, to 0.5%', () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const e = expectedPayout(s);
    const paidOut = e.benefits
      .filter((b) => b.id.startsWith('inpatient-aid'))
      .reduce((sum, b) => sum + b.expected, 0);
    const expectedClaimants = (s.risks[0].rates.all + s.risks[1].rates.all) * s.groups[0].count;
    expect(paidOut / expectedClaimants / (PAID / claimants)).toBeCloseTo(1, 2);
  });

  it('reads the reported 85.45 M as a misprint (8,296 a claim), takes 10,300 / 1.636 = 6,296 claimants, and not the 4.2 claims per 100', () => {
    within1(85_450_000 / CLAIMS, 8296);
    within1(HULUNBUIR.claims / HULUNBUIR.claimants, 1.636);
    within1(claimants, 6296);
    within1(HULUNBUIR.claims / HULUNBUIR.enrolments, 0.042);
    within1(PAID / claimants, 1357);
    const text = readScenarioFile(FILE).source!;
    for (const part of [
      '8,296 a claim',
      '10,300 claims / 1.636 claims a claimant = 6,296 claimants',
      '4.2 per 100',
    ])
      expect(text).toContain(part);
  });

  it('pays Ulanqab 2020’s 234,800 of self-paid cost 204,820 by the assumed table (the report: 200,700)', () => {
    const [aid] = readScenarioFile(FILE).benefits;
    if (aid.type !== 'bands') throw new Error('bands expected');
    // 0.5 × 5,000 + 0.8 × 45,000 + 0.9 × 184,800, by the file's own bands
    let [lower, pay] = [0, 0];
    for (const band of aid.bands) {
      const upper = band.upTo ?? Infinity;
      pay += band.rate * Math.max(0, Math.min(234_800, upper) - lower);
      lower = upper;
    }
    expect(Math.min(pay, aid.cap ?? Infinity)).toBeCloseTo(204_820, 6);
    expect(readScenarioFile(FILE).source).toContain('this table pays 204,820');
  });

  it("puts the group's own women's health in: 28 claimants, 22,964 each, over four years", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const women = s.groups[0].count * s.groups[0].femaleShare;
    const risk = s.risks.find((r) => r.id === 'women-health')!;
    expect(risk.rates.all).toBeCloseTo(WOMEN.claimants / YEARS / women, 6);
    const lump = s.benefits.find((b) => b.id === 'women-health')!;
    expect(lump.type === 'lump-sum' && lump.amount).toBe(Math.round(WOMEN.paid / WOMEN.claimants));
    const e = expectedPayout(s).benefits.find((b) => b.id === 'women-health')!;
    expect(e.expected).toBeCloseTo(
      (WOMEN.paid / YEARS) * ((risk.rates.all * women * YEARS) / WOMEN.claimants),
      -2,
    );
  });

  it("runs an inpatient loss ratio within a tenth of Hohhot's real one, 33.4%", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const inpatient = expectedPayout(s)
      .benefits.filter((b) => b.id.startsWith('inpatient-aid'))
      .reduce((sum, b) => sum + b.expected, 0);
    const lossRatio = inpatient / (100 * s.groups[0].count);
    within1(lossRatio, 0.348);
    expect(readScenarioFile(FILE).source).toContain('34.8 yuan a member on 100, 34.8%');
    const hohhot = HOHHOT.paid / HOHHOT.contributions;
    expect(hohhot).toBeCloseTo(0.334, 3);
    expect(Math.abs(lossRatio / hohhot - 1)).toBeLessThan(0.1);
  });

  it("uses Xilingol's rate spread over its three whole years (0.22) for women's health, and for the two inpatient risks the rateCv whose independent rate factors give their payout one factor's variance (0.27)", () => {
    const spread = rateSpread([
      { year: 2020, members: 68_727, claimants: 2_054 },
      { year: 2021, members: 79_944, claimants: 3_944 },
      { year: 2022, members: 106_094, claimants: 4_527 },
    ])!;
    const cv = Math.round(spread.cv * 100) / 100;
    expect(cv).toBe(0.22);
    // its interval, checked against Q's definition in test/history/rateSpread.test.ts
    expect(readScenarioFile(FILE).source).toContain(
      `90% interval ${spread.low.toFixed(2)}–${spread.high.toFixed(2)}`,
    );
    const s = resolveScheme(readScenarioFile(FILE));
    expect(s.risks.find((r) => r.id === 'women-health')!.rateCv).toBe(cv);
    // Var from the rate factor: one factor, cv²(E₁ + E₂)²; two independent ones, c²(E₁² + E₂²).
    const [E1, E2] = [(1 - SHARE) * paid(BODY), SHARE * paid(SEVERE)];
    within1(paid(BODY), 1145);
    within1(paid(SEVERE), 4936);
    within1(E2 / (E1 + E2), 0.204);
    const c = (cv * (E1 + E2)) / Math.hypot(E1, E2);
    within1(c, 0.268);
    within1(Math.hypot(E1, E2) / (E1 + E2), 0.82);
    for (const r of s.risks.slice(0, 2)) expect(r.rateCv).toBe(Math.round(c * 100) / 100);
    // The count of all inpatient claimants: rate spread c·√((1 − p)² + p²).
    within1(0.27 * Math.hypot(1 - SHARE, SHARE), 0.255);
    const text = readScenarioFile(FILE).source!;
    expect(text).toContain('to 82% of one factor');
    expect(text).toContain(
      'rateCv 0.27 = 0.22 × (E₁ + E₂) / √(E₁² + E₂²), E₁ = 0.944 × 1,145 and E₂ = 0.056 × 4,936',
    );
    expect(text).toContain('a rate spread of 0.255 instead of 0.22');
  });
});

describe("Hulunbuir's tail against the forestry cost, as the file's source states it", () => {
  const source = () => readScenarioFile(FILE).source!;

  it('the best single family, lognormal (2,521, cv 0.966), pays 1,352 and gives 541 and 90, the largest at its 99.98% point; the fitter finds it', () => {
    const X = lognormal(2521, 0.966);
    within1(paid(X), 1352);
    const t = tail(X);
    within1(t.counts[0].m, 541);
    within1(t.counts[1].m, 90);
    within1(t.counts[0].z, -6.1);
    within1(t.counts[1].z, 4.1);
    expect(t.below).toBeCloseTo(0.9998, 4);
    within1(t.zLargest, 3.5);
    expect(source()).toContain(
      'lognormal with mean 2,521 and cv 0.966, pays 1,352 a claimant but gives 541 and 90 (z -6.1 and +4.1) and the largest at its 99.98% point (z +3.5)',
    );
    const s = readScenarioFile(FILE);
    const r = calibrateTargets(
      {
        members: 651_656,
        claimants: 16_719,
        paidPerClaimant: T,
        paidTolerance: 0.005,
        above: TAIL.above.map(([threshold, count]) => ({ threshold, count })),
        largest: TAIL.largest,
      },
      s.risks[0] as Parameters<typeof calibrateTargets>[1],
      s.benefits,
    );
    if (!r.ok) throw new Error('calibration refused');
    expect(r.fits.map((f) => f.family)).toEqual(['lognormal', 'pareto', 'gamma']);
    const best = r.fits[0].cost;
    if (best.dist !== 'lognormal') throw new Error('lognormal expected');
    within1(best.mean, 2521);
    within1(best.cv, 0.966);
    within1(r.fits[0].objective, 67);
    within1(r.fits[1].objective, 174);
    within1(r.fits[2].objective, 191);
  });

  it('refitted here by least squares on the same z’s, the best lognormal is (2,521, 0.966) at a sum of squares of 67, Pareto II’s best 174 and gamma’s 191', () => {
    const ssq = (X: Cost) => {
      const t = tail(X);
      return t.zPaid ** 2 + t.counts.reduce((s, c) => s + c.z ** 2, 0) + t.zLargest ** 2;
    };
    const fit = (make: (x: number[]) => Cost, start: number[]) => {
      let best = nelderMead((x) => ssq(make(x)), start, { step: 0.3 });
      for (let i = 0; i < 3; i++) best = nelderMead((x) => ssq(make(x)), best.x, { step: 0.05 });
      return best;
    };
    const ln = fit((x) => lognormal(Math.exp(x[0]), Math.exp(x[1])), [Math.log(2000), 0]);
    within1(Math.exp(ln.x[0]), 2521);
    within1(Math.exp(ln.x[1]), 0.966);
    within1(ln.fx, 67);
    const par = fit((x) => pareto(Math.exp(x[0]), 1 + Math.exp(x[1])), [Math.log(10_000), Math.log(3)]);
    within1(par.fx, 174);
    expect(source()).toContain('a sum of squares of 67 on 2 degrees of freedom');
    const gam = fit((x) => gamma(Math.exp(x[0]), Math.exp(x[1])), [Math.log(2000), Math.log(12)]);
    console.log(
      'GAM',
      Math.exp(gam.x[0]),
      Math.exp(gam.x[1]),
      gam.fx,
      JSON.stringify(tail(gamma(1889.74, 11.7425))),
    );
    within1(Math.exp(gam.x[0]), 1890);
    within1(Math.exp(gam.x[1]), 11.74);
    within1(gam.fx, 191);
    expect(source()).toContain('Pareto II and gamma fit worse (174 and 191)');
  });

  it("this file's two-part cost (5.6% Pareto II, the rest lognormal) reproduces every Hulunbuir target within its Poisson error (|z| ≤ 2) and pays 1,357 a claimant", () => {
    within1(SHARE, 0.056);
    const t = tail(mixed(SHARE, BODY, SEVERE));
    expect(Math.abs(t.perClaimant / T - 1)).toBeLessThan(0.005);
    for (const c of t.counts) expect(Math.abs(c.z)).toBeLessThanOrEqual(2);
    expect(Math.abs(t.zLargest)).toBeLessThanOrEqual(2);
    // The source's fit, target by target: fitted within 1%, z to the two decimals it prints.
    within1(t.perClaimant, 1357.2);
    expect(t.zPaid).toBeCloseTo(0.01, 2);
    within1(t.counts[0].m, 398.0);
    within1(t.counts[1].m, 129.0);
    for (const c of t.counts) expect(c.z).toBeCloseTo(0, 2);
    within1(t.below, 0.5);
    expect(t.zLargest).toBeCloseTo(0, 2);
    expect(source()).toContain(
      'lognormal mean 2,228 and cv 0.715, Pareto II scale 12,857 and shape 2.749. The fit (target, fitted, z): paid a claimant 1,357, 1,357.2, 0.01; claimants above 5,000 paid 398, 398.0, 0.00; above 10,000 129, 129.0, 0.00; the largest 141,243 at its 50.0% point, z 0.00',
    );
    expect(source()).toContain('p = 5.6% is ASSUMED');
  });

  it('four targets leave a valley: at shares of 1% and 10% the parameters the source names meet every target too', () => {
    for (const [p, X] of [
      [0.01, mixed(0.01, lognormal(2212, 0.852), pareto(685_900, 25.56))],
      [0.1, mixed(0.1, lognormal(2221, 0.675), pareto(8008, 2.539))],
    ] as const) {
      const t = tail(X);
      within1(t.perClaimant, T);
      within1(t.counts[0].m, 398);
      within1(t.counts[1].m, 129);
      expect(Math.abs(t.zLargest), `share ${p}`).toBeLessThan(0.05);
    }
    expect(source()).toContain(
      'at 1%, lognormal mean 2,212 and cv 0.852 with Pareto scale 685,900 and shape 25.56; at 10%, 2,221 and 0.675 with 8,008 and 2.539',
    );
  });

  it("refitted here at p = 5.6% (least squares on the four z's, from a start well away), the free parameters come back to the file's within 1%", () => {
    const sumZ2 = ([lm, lcv, ls, la]: number[]) => {
      const t = tail(
        mixed(0.056, lognormal(Math.exp(lm), Math.exp(lcv)), pareto(Math.exp(ls), 1 + Math.exp(la))),
      );
      return t.zPaid ** 2 + t.counts.reduce((s, c) => s + c.z ** 2, 0) + t.zLargest ** 2;
    };
    let best = nelderMead(sumZ2, [Math.log(2000), Math.log(0.6), Math.log(10_000), Math.log(1.5)], {
      step: 0.3,
    });
    for (let i = 0; i < 3; i++) best = nelderMead(sumZ2, best.x, { step: 0.05 });
    expect(best.fx).toBeLessThan(1e-4);
    const [m, cv, scale, shape] = [
      Math.exp(best.x[0]),
      Math.exp(best.x[1]),
      Math.exp(best.x[2]),
      1 + Math.exp(best.x[3]),
    ];
    const body = costOf('inpatient');
    const severe = costOf('inpatient-severe');
    if (body.dist !== 'lognormal' || severe.dist !== 'pareto') throw new Error('two-part cost expected');
    within1(m, body.mean);
    within1(cv, body.cv);
    within1(scale, severe.scale);
    within1(shape, severe.shape);
  });
});
