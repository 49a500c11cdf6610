/**
 * Hangzhou 2016 (scenarios/hangzhou-2016.json) as the merged three-project scheme the report
 * describes, priced by its stated standard (break even or a slight deficit, with a 2 M backstop),
 * and its sixth year under the ASSUMED trends (scenarios/hangzhou-2021-projected.json). Every
 * project's expected payout is worked out by hand in test/helpers/hangzhou.ts — lognormal limited
 * expected values, the negative binomial's probabilities, the gamma-mixed Poisson's P(N ≥ 1) —
 * never by the engine; the engine's expectation must match.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { fundOf } from '../../src/engine/fund.ts';
import { simulate, simulateExact } from '../../src/engine/simulate.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import {
  HANGZHOU_2016,
  HANGZHOU_2021,
  mergedExpected,
  mergedProbAbove,
  type Merged,
} from '../helpers/hangzhou.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

/** The merged scheme's figures as a file writes them. */
function figuresOf(file: string): Merged {
  const s = readScenarioFile(file);
  const rate = (id: string) => s.risks.find((r) => r.id === id)!.rate as number;
  const inpatient = s.risks.find((r) => r.id === 'inpatient')!;
  return {
    members: (s.members as { count: number }).count,
    inpatientRate: rate('inpatient'),
    costMean: (inpatient as { cost: { mean: number } }).cost.mean,
    criticalRate: rate('critical-illness'),
    womenRate: rate('women-special'),
  };
}

function expectEngineToMatch(file: string) {
  const e = expectedPayout(resolveScheme(readScenarioFile(file)));
  const mine = mergedExpected(figuresOf(file));
  const by = Object.fromEntries(e.benefits.map((b) => [b.id, b.expected]));
  expect(by['self-pay'] / mine.payout.selfPay).toBeCloseTo(1, 6);
  expect(by['allowance'] / mine.payout.allowance).toBeCloseTo(1, 6);
  expect(by['critical-illness'] / mine.payout.critical).toBeCloseTo(1, 6);
  expect(by['women-special'] / mine.payout.women).toBeCloseTo(1, 6);
  expect(e.payout / mine.mu).toBeCloseTo(1, 6);
}

describe('Hangzhou 2016: the merged city-level scheme', () => {
  const { mu } = mergedExpected(HANGZHOU_2016);

  it('has the three projects: the published table, an allowance, critical illness and women’s special illness', () => {
    const s = readScenarioFile('hangzhou-2016.json');
    expect(s.benefits.map((b) => [b.id, b.type])).toEqual([
      ['self-pay', 'bands'],
      ['allowance', 'daily'],
      ['critical-illness', 'lump-sum'],
      ['women-special', 'lump-sum'],
    ]);
    expect(figuresOf('hangzhou-2016.json')).toEqual(HANGZHOU_2016);
    expect(s.members).toMatchObject({ count: 720_000, femaleShare: 0.5 });
    expect(s.fund).toMatchObject({ backstop: 2_000_000 });
  });

  it('expects each project’s payout as worked out by hand, to 1e-6', () => {
    expectEngineToMatch('hangzhou-2016.json');
  });

  it('says in its notes what each project is expected to pay (34.68 M: 18.57 + 6.57 + 7.19 + 2.36 M)', () => {
    const { payout } = mergedExpected(HANGZHOU_2016);
    const m = (x: number) => (x / 1e6).toFixed(2);
    const notes = readScenarioFile('hangzhou-2016.json').notes!;
    for (const part of [
      `pay ${m(mu)} M`,
      `self-paid cost ${m(payout.selfPay)} M`,
      `allowance ${m(payout.allowance)} M`,
      `critical illness ${m(payout.critical)} M`,
      `women's special illness ${m(payout.women)} M`,
    ])
      expect(notes).toContain(part);
  });

  it('charges 48 yuan, the whole-yuan price at or below break-even: a slight deficit the backstop covers', () => {
    const s = resolveScheme(readScenarioFile('hangzhou-2016.json'));
    expect(mu / 720_000).toBeGreaterThan(48);
    expect(mu / 720_000).toBeLessThan(49);
    expect(s.contributions.map((c) => c.amount)).toEqual([Math.floor(mu / 720_000)]);
    const f = fundOf(s);
    expect(f.net).toBe(48 * 720_000);
    expect(mu - f.net).toBeGreaterThan(0);
    expect(mu - f.net).toBeLessThan(2_000_000);
  });
});

describe('Hangzhou 2016: every figure its source and notes state, worked by hand', () => {
  const { mu, payout } = mergedExpected(HANGZHOU_2016);
  const income = 48 * 720_000;
  const text = () => readScenarioFile('hangzhou-2016.json');
  const within1 = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(0.01);

  it('pays at most 30,200 = 200 + 4,500 + 4,500 + 21,000, what the published bands pay at 50,000', () => {
    const b = text().benefits.find((x) => x.id === 'self-pay')!;
    if (b.type !== 'bands') throw new Error('bands expected');
    const parts = b.bands.map(
      (band, i) => band.rate * ((band.upTo ?? 0) - (i ? (b.bands[i - 1].upTo ?? 0) : 0)),
    );
    expect(parts).toEqual([200, 4500, 4500, 21_000]);
    expect(b.cap).toBe(30_200);
    expect(text().source).toContain('at most 30,200 = 200 + 4,500 + 4,500 + 21,000');
  });

  it('expects 34.68 M, 48.17 a member, against 34.56 M of income at 48: the slight deficit of 0.12 M', () => {
    within1(mu, 34.68e6);
    within1(mu / 720_000, 48.17);
    within1(income, 34.56e6);
    // 122,518: the deficit is a difference of two close figures, printed to the 10,000 (2%)
    expect((mu - income) / 1e6).toBeCloseTo(0.12, 2);
    expect(text().source).toContain(
      `expected payout is ${(mu / 1e6).toFixed(2)} M, ${(mu / 720_000).toFixed(2)} yuan a member`,
    );
    expect(text().source).toContain(`slight deficit (${((mu - income) / 1e6).toFixed(2)} M)`);
    expect(text().notes).toContain(`income is ${(income / 1e6).toFixed(2)} M`);
  });

  it('takes women’s special illness from the forestry group: 643,000 / 28 = 22,964 once, at its 0.0285 per 100 women', () => {
    const s = text();
    const lump = s.benefits.find((b) => b.id === 'women-special')!;
    expect(lump.type === 'lump-sum' && lump.amount).toBe(Math.round(643_000 / 28));
    const forestry = readScenarioFile('inner-mongolia-forestry-2019.json');
    const rateOf = (f: typeof s, id: string) => (f.risks.find((r) => r.id === id) as { rate: number }).rate;
    expect(rateOf(s, 'women-special')).toBe(rateOf(forestry, 'women-health'));
    // 28 claimants over 4 years among the forestry group's 24,520 women
    within1(rateOf(s, 'women-special'), 28 / 4 / 24_520);
  });

  it('judged at the old 36 yuan, project (1) alone would show a large surplus: 18.57 M over 25.92 M = 72%', () => {
    within1(payout.selfPay / (36 * 720_000), 0.72);
    expect(text().source).toContain(
      `a large surplus, ${Math.round((payout.selfPay / (36 * 720_000)) * 100)}%`,
    );
  });

  it('runs a deficit about half the time, and beyond the 2 M backstop in 23.6% of years (exact method): by hand within 1%', () => {
    // worked by hand: gamma rate factors on a grid, normal given them (test/helpers/hangzhou.ts)
    const deficit = mergedProbAbove(HANGZHOU_2016, income);
    const beyond = mergedProbAbove(HANGZHOU_2016, income + 2_000_000);
    expect(Math.abs(deficit - 0.5)).toBeLessThan(0.025);
    within1(beyond, 0.236);
    expect(text().notes).toContain(`(${(beyond * 100).toFixed(1)}% by the exact method at rateCv 0.1;`);
    // the exact method the notes name agrees with the hand's
    const exact = simulateExact(text()).report.simulated;
    within1(exact.probBeyondBackstop, beyond);
    within1(exact.probDeficit, deficit);
  });

  it('and in 23% of a 2,000-iteration run at the file’s seed, within sampling error of the hand’s 23.6%', async () => {
    const mc = (await simulate(text(), inlineRunner(), { iterations: 2000 })).report.simulated;
    const p = mergedProbAbove(HANGZHOU_2016, income + 2_000_000);
    expect(Math.round(mc.probBeyondBackstop * 100)).toBe(23);
    expect(Math.abs(mc.probBeyondBackstop - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / 2000));
    expect(text().notes).toContain('23% in a 2,000-iteration run');
  });
});

describe('Hangzhou 2021 (projected): the merged scheme after five years of the assumed trends', () => {
  it('writes the 2016 figures carried five years (members +5%, rates +2%, self-paid cost +6% a year), rounded', () => {
    const v = figuresOf('hangzhou-2021-projected.json');
    expect(v.members).toBe(HANGZHOU_2021.members);
    for (const k of ['inpatientRate', 'costMean', 'criticalRate', 'womenRate'] as const)
      // to the 5 significant figures written at least (0.00031466 for 0.000314663)
      expect(Math.abs(v[k] / HANGZHOU_2021[k] - 1)).toBeLessThan(2e-5);
    const s = readScenarioFile('hangzhou-2021-projected.json');
    expect(s.contributions).toEqual(readScenarioFile('hangzhou-2016.json').contributions);
    expect(s.benefits).toEqual(readScenarioFile('hangzhou-2016.json').benefits);
  });

  it('expects each project’s payout as worked out by hand, to 1e-6', () => {
    expectEngineToMatch('hangzhou-2021-projected.json');
  });

  it('is carried from a projection whose expected payout passes income from its first year: 100.4% in 2016, 126.4% in 2020', () => {
    // year k of the projection (k = 0 is 2016), by the 2016 file's trends (the source's +5%, +2%, +6%):
    // members round(720,000 × 1.05^k), rates × 1.02^k, cost × 1.06^k, the contribution unchanged
    const base = readScenarioFile('hangzhou-2016.json');
    const trend = { members: 0, rate: 0, cost: 0, ...base.trend };
    expect(trend).toMatchObject({ members: 0.05, rate: 0.02, cost: 0.06, contribution: 0 });
    const v = figuresOf('hangzhou-2016.json');
    const price = base.contributions[0].amount;
    const ratios = [0, 1, 2, 3, 4, 5].map((k) => {
      const members = Math.round(v.members * (1 + trend.members) ** k);
      const { mu } = mergedExpected({
        members,
        inpatientRate: v.inpatientRate * (1 + trend.rate) ** k,
        costMean: v.costMean * (1 + trend.cost) ** k,
        criticalRate: v.criticalRate * (1 + trend.rate) ** k,
        womenRate: v.womenRate * (1 + trend.rate) ** k,
      });
      return { members, mu, ratio: mu / (price * members) };
    });
    expect(ratios.every((y) => y.ratio > 1)).toBe(true);
    expect(Math.abs(ratios[0].ratio / 1.004 - 1)).toBeLessThan(0.01);
    expect(Math.abs(ratios[4].ratio / 1.264 - 1)).toBeLessThan(0.01);
    // the sixth year is the file: its members and μ
    expect(ratios[5].members).toBe(HANGZHOU_2021.members);
    expect(ratios[5].mu / mergedExpected(HANGZHOU_2021).mu).toBeCloseTo(1, 9);
    const source = readScenarioFile('hangzhou-2021-projected.json').source;
    expect(source).toContain(
      `${(ratios[0].ratio * 100).toFixed(1)}% rising to ${(ratios[4].ratio * 100).toFixed(1)}% in 2020`,
    );
    expect(source).toContain(
      `contribution unchanged at 48 (income ${((48 * ratios[5].members) / 1e6).toFixed(2)} M)`,
    );
  });

  it('runs a deficit the backstop does not cover: μ 59.18 M against 44.11 M of income, 15.07 M (34%) short', () => {
    const v = figuresOf('hangzhou-2021-projected.json');
    const { mu } = mergedExpected(v);
    const income = 48 * v.members;
    const f = fundOf(resolveScheme(readScenarioFile('hangzhou-2021-projected.json')));
    expect(f.net).toBe(income);
    expect(f.reserve + f.backstop).toBe(2_000_000);
    expect(mu - income).toBeGreaterThan(f.reserve + f.backstop);
    const source = readScenarioFile('hangzhou-2021-projected.json').source;
    expect(source).toContain(`${(mu / 1e6).toFixed(2)} M`);
    expect(source).toContain(
      `exceeds income by ${((mu - income) / 1e6).toFixed(2)} M (${Math.round(((mu - income) / income) * 100)}%)`,
    );
  });
});
