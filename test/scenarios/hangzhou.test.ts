/**
 * Hangzhou 2016 (scenarios/hangzhou-2016.json) as the merged three-project scheme the report
 * describes, priced by its stated standard (break even or a slight deficit, with a 2 M backstop).
 * Every project's expected payout is derived here in closed form or by a plain sum — lognormal
 * limited expected values (Φ from test/helpers/erfc.ts), the negative binomial's probabilities,
 * the gamma-mixed Poisson's P(N ≥ 1) — never by the engine; the engine's expectation must match.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { fundOf } from '../../src/engine/fund.ts';
import { phi } from '../helpers/erfc.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const MEMBERS = 720_000;
const CV_RATE = 0.1;

/** E[min(X, u)] of a lognormal with mean m and cv c (u = Infinity: m). */
function lev(m: number, c: number, u: number): number {
  if (u === Infinity) return m;
  const s = Math.sqrt(Math.log(1 + c * c));
  const z = (Math.log(u) - (Math.log(m) - (s * s) / 2)) / s;
  return m * phi(z - s) + u * (1 - phi(z));
}

/** The published table as layers: Σ rate × (E[min(X, top)] − E[min(X, bottom)]). */
function selfPay(m: number, c: number): number {
  const layers: [number, number, number][] = [
    [0, 1000, 0.2],
    [1000, 10_000, 0.5],
    [10_000, 15_000, 0.9],
    [15_000, 50_000, 0.6],
  ];
  return layers.reduce((s, [lo, hi, r]) => s + r * (lev(m, c, hi) - lev(m, c, lo)), 0);
}

/** E[min(D, n)] for D negative binomial with mean m and cv c, by summing its probabilities. */
function nbLimitedMean(m: number, c: number, n: number): number {
  const v = (c * m) ** 2;
  const p = m / v;
  const r = (m * p) / (1 - p);
  let pk = Math.pow(p, r);
  let cdf = 0;
  let e = 0;
  for (let k = 0; k < n; k++) {
    e += k * pk;
    cdf += pk;
    pk *= ((k + r) / (k + 1)) * (1 - p);
  }
  return e + n * (1 - cdf);
}

/** P(N ≥ 1) for N Poisson(λΘ), Θ gamma with mean 1 and cv c: 1 − (1 + λc²)^(−1/c²). */
const atLeastOne = (lambda: number, c: number) => 1 - Math.pow(1 + lambda * c * c, -1 / (c * c));

describe('Hangzhou 2016: the merged city-level scheme', () => {
  const parts = {
    selfPay: MEMBERS * 0.04 * selfPay(1564, 3),
    allowance: MEMBERS * 0.04 * 30 * nbLimitedMean(9, 0.9, 15),
    critical: MEMBERS * atLeastOne(0.0025, CV_RATE) * 4000,
    women: MEMBERS * 0.5 * atLeastOne(0.000285, CV_RATE) * 22_964,
  };
  const mu = parts.selfPay + parts.allowance + parts.critical + parts.women;

  it('has the three projects: the published table, an allowance, critical illness and women’s special illness', () => {
    const s = readScenarioFile('hangzhou-2016.json');
    expect(s.benefits.map((b) => [b.id, b.type])).toEqual([
      ['self-pay', 'bands'],
      ['allowance', 'daily'],
      ['critical-illness', 'lump-sum'],
      ['women-special', 'lump-sum'],
    ]);
    expect(s.members).toMatchObject({ count: MEMBERS });
    expect(s.fund).toMatchObject({ backstop: 2_000_000 });
  });

  it('expects each project’s payout as derived here, to 1e-6', () => {
    const e = expectedPayout(resolveScheme(readScenarioFile('hangzhou-2016.json')));
    const by = Object.fromEntries(e.benefits.map((b) => [b.id, b.expected]));
    expect(by['self-pay'] / parts.selfPay).toBeCloseTo(1, 6);
    expect(by['allowance'] / parts.allowance).toBeCloseTo(1, 6);
    expect(by['critical-illness'] / parts.critical).toBeCloseTo(1, 6);
    expect(by['women-special'] / parts.women).toBeCloseTo(1, 6);
    expect(e.payout / mu).toBeCloseTo(1, 6);
  });

  it('charges 48 yuan, the whole-yuan price at or below break-even: a slight deficit the backstop covers', () => {
    const s = resolveScheme(readScenarioFile('hangzhou-2016.json'));
    expect(mu / MEMBERS).toBeGreaterThan(48);
    expect(mu / MEMBERS).toBeLessThan(49);
    expect(s.contributions.map((c) => c.amount)).toEqual([Math.floor(mu / MEMBERS)]);
    const f = fundOf(s);
    expect(f.net).toBe(48 * MEMBERS);
    expect(mu - f.net).toBeGreaterThan(0);
    expect(mu - f.net).toBeLessThan(2_000_000);
  });
});
