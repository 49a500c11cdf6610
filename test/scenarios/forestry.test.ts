/**
 * Inner Mongolia's forestry group (scenarios/inner-mongolia-forestry-2019.json) against the
 * report's own figures: each derived figure of its `source` worked again here from the reported
 * ones, the calibration target reproduced by the exact expectation, and the result checked
 * against the one real loss ratio the sources give for Inner Mongolia (Hohhot's); and Hulunbuir's
 * tail (398 claims paid above 5,000, 129 above 10,000, the largest 141,242.9) against this file's
 * cost, the best single family and the two-part cost its `source` names, each worked here from
 * closed forms (lognormal by Φ of test/helpers/erfc.ts, Pareto II by its power law).
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { calibrateTargets } from '../../src/history/calibrateTargets.ts';
import { rateSpread } from '../../src/history/rateSpread.ts';
import { phi } from '../helpers/erfc.ts';
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

describe('Inner Mongolia forestry: every derived figure from the reported ones', () => {
  const claimants = CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants);
  const rate = HULUNBUIR.claimants / HULUNBUIR.enrolments;

  it("takes Hulunbuir's claimant rate (2.566 per 100), not a claims rate, and four years", () => {
    const s = readScenarioFile(FILE);
    const inpatient = s.risks[0];
    expect(inpatient.kind === 'cost' && 'rate' in inpatient && inpatient.rate).toBeCloseTo(rate, 5);
    expect(s.members).toMatchObject({ count: Math.round(claimants / YEARS / rate / 100) * 100 });
    expect(s.members).toMatchObject({ count: 61_300 });
  });

  it('pays 1,357 per inpatient claimant (8.545 M / 6,296), by the exact expectation, to 0.5%', () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const e = expectedPayout(s);
    const inpatient = e.benefits.find((b) => b.id === 'inpatient-aid')!;
    const expectedClaimants = s.risks[0].rates.all * s.groups[0].count;
    expect(inpatient.expected / expectedClaimants / (PAID / claimants)).toBeCloseTo(1, 2);
  });

  it("puts the group's own women's health in: 28 claimants, 22,964 each, over four years", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const women = s.groups[0].count * s.groups[0].femaleShare;
    expect(s.risks[1].rates.all).toBeCloseTo(WOMEN.claimants / YEARS / women, 6);
    const lump = s.benefits[1];
    expect(lump.type === 'lump-sum' && lump.amount).toBe(Math.round(WOMEN.paid / WOMEN.claimants));
    const e = expectedPayout(s).benefits.find((b) => b.id === 'women-health')!;
    expect(e.expected).toBeCloseTo(
      (WOMEN.paid / YEARS) * ((s.risks[1].rates.all * women * YEARS) / WOMEN.claimants),
      -2,
    );
  });

  it("runs an inpatient loss ratio within a tenth of Hohhot's real one, 33.4%", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const inpatient = expectedPayout(s).benefits.find((b) => b.id === 'inpatient-aid')!;
    const lossRatio = inpatient.expected / (100 * s.groups[0].count);
    const hohhot = HOHHOT.paid / HOHHOT.contributions;
    expect(hohhot).toBeCloseTo(0.334, 3);
    expect(Math.abs(lossRatio / hohhot - 1)).toBeLessThan(0.1);
  });

  it("uses Xilingol's rate spread over its three whole years (0.22) for both projects", () => {
    const spread = rateSpread([
      { year: 2020, members: 68_727, claimants: 2_054 },
      { year: 2021, members: 79_944, claimants: 3_944 },
      { year: 2022, members: 106_094, claimants: 4_527 },
    ])!;
    const s = resolveScheme(readScenarioFile(FILE));
    for (const r of s.risks) expect(r.rateCv).toBe(Math.round(spread.cv * 100) / 100);
  });
});

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
const mixed = (p: number, a: Cost, b: Cost): Cost => ({
  sf: (x) => (1 - p) * a.sf(x) + p * b.sf(x),
  lev: (u) => (1 - p) * a.lev(u) + p * b.lev(u),
});
/** Paid per claimant: 0.5·E[min(X, 5000)] + 0.8·(E[min(X, 50000)] − …) + 0.9·(E[min(X, x_cap)] − …). */
const paid = (X: Cost) =>
  0.5 * X.lev(5000) + 0.8 * (X.lev(50000) - X.lev(5000)) + 0.9 * (X.lev(costAt(250000)) - X.lev(50000));
/** Each count's fitted value and Poisson z, and the largest's place P(max ≤ M) = (1 − S)ⁿ. */
const tail = (X: Cost) => {
  const counts = TAIL.above.map(([t, n]) => {
    const m = TAIL.draws * X.sf(costAt(t));
    return { m, z: (n - m) / Math.sqrt(m) };
  });
  return { counts, below: Math.pow(1 - X.sf(costAt(TAIL.largest)), TAIL.draws) };
};
const within1 = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(0.01);

describe("Hulunbuir's tail against the forestry cost, as the file's source states it", () => {
  const source = () => readScenarioFile(FILE).source!;

  it("this file's cost gives 889 and 389 claimants above 5,000 and 10,000 paid (2.2 and 3.0 times 398 and 129), the largest at its 6.7% point", () => {
    const s = readScenarioFile(FILE);
    const cost = s.risks[0].kind === 'cost' ? s.risks[0].cost : null;
    if (cost?.dist !== 'lognormal') throw new Error('lognormal expected');
    const t = tail(lognormal(cost.mean, cost.cv));
    within1(t.counts[0].m, 889);
    within1(t.counts[1].m, 389);
    within1(t.counts[0].z, -16.5);
    within1(t.counts[1].z, -13.2);
    within1(t.below, 0.067);
    expect(source()).toContain(
      'gives 889 and 389 claimants above 5,000 and 10,000 (2.2 and 3.0 times; z -16.5 and -13.2)',
    );
    expect(source()).toContain('6.7% point');
  });

  it('the best single family, lognormal (2,521, cv 0.966), pays 1,352 and gives 541 and 90, the largest at its 99.98% point; the fitter finds it', () => {
    const X = lognormal(2521, 0.966);
    within1(paid(X), 1352);
    const t = tail(X);
    within1(t.counts[0].m, 541);
    within1(t.counts[1].m, 90);
    within1(t.counts[0].z, -6.1);
    within1(t.counts[1].z, 4.1);
    expect(t.below).toBeCloseTo(0.9998, 4);
    expect(source()).toContain(
      'lognormal with mean 2,521 and cv 0.966, pays 1,352 a claimant but gives 541 and 90',
    );
    const s = readScenarioFile(FILE);
    const r = calibrateTargets(
      {
        members: 651_656,
        claimants: 16_719,
        paidPerClaimant: PAID / (CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants)),
        paidTolerance: 0.005,
        above: TAIL.above.map(([threshold, count]) => ({ threshold, count })),
        largest: TAIL.largest,
      },
      s.risks[0] as Parameters<typeof calibrateTargets>[1],
      s.benefits,
    );
    if (!r.ok) throw new Error('calibration refused');
    expect(r.fits.map((f) => f.family)).toEqual(['lognormal', 'gamma', 'pareto']);
    const best = r.fits[0].cost;
    if (best.dist !== 'lognormal') throw new Error('lognormal expected');
    within1(best.mean, 2521);
    within1(best.cv, 0.966);
    within1(r.fits[0].objective, 67);
    within1(r.fits[1].objective, 154);
    within1(r.fits[2].objective, 174);
  });

  it('the two-part cost the source names reproduces 1,357 a claimant, both counts and the largest within their error (|z| < 2)', () => {
    const X = mixed(0.056, lognormal(2245, 0.753), pareto(9476, 2.357));
    within1(paid(X), PAID / (CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants)));
    within1(paid(X), 1356);
    const t = tail(X);
    within1(t.counts[0].m, 408);
    within1(t.counts[1].m, 121);
    for (const c of t.counts) expect(Math.abs(c.z)).toBeLessThan(2);
    // The largest's normal score: P(max ≤ M) = 0.37, Φ(−0.3) ≈ 0.38.
    within1(t.below, 0.37);
    expect(t.below).toBeGreaterThan(phi(-2));
    expect(t.below).toBeLessThan(phi(2));
    expect(source()).toContain(
      '5.6% of claimants with a Pareto II cost (scale 9,476, shape 2.357) and the rest lognormal (mean 2,245, cv 0.753) pay 1,356 a claimant and give 408 and 121',
    );
  });
});
