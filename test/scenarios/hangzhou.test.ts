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
import { HANGZHOU_2016, HANGZHOU_2021, mergedExpected, type Merged } from '../helpers/hangzhou.ts';
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
