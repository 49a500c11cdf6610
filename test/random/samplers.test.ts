import { describe, expect, it } from 'vitest';
import type { CostDist, DaysDist } from '../../src/domain/scenario.ts';
import { randomEmpirical } from '../../src/random/empirical.ts';
import { randomGammaMeanCv } from '../../src/random/gamma.ts';
import { randomLognormal } from '../../src/random/lognormal.ts';
import { randomNegativeBinomial } from '../../src/random/negativeBinomial.ts';
import { randomPareto } from '../../src/random/pareto.ts';
import { randomPoisson } from '../../src/random/poisson.ts';
import { costSampler, daysSampler } from '../../src/random/samplers.ts';
import { createStream } from '../../src/random/source.ts';

const source = () => createStream('test', 0).next;
const draws = (f: () => number, n = 200) => Array.from({ length: n }, f);

describe('costSampler', () => {
  it('dispatches each cost distribution to its sampler, drawing the same numbers from the same stream', () => {
    const cases: [CostDist, () => number][] = [
      [{ dist: 'lognormal', mean: 4000, cv: 2 }, randomLognormal(source())(4000, 2)],
      [{ dist: 'gamma', mean: 3000, cv: 0.8 }, randomGammaMeanCv(source())(3000, 0.8)],
      [{ dist: 'pareto', scale: 10000, shape: 2.5 }, randomPareto(source())(10000, 2.5)],
      [{ dist: 'empirical', values: [100, 2500, 80000] }, randomEmpirical(source())([100, 2500, 80000])],
    ];
    for (const [dist, direct] of cases) expect(draws(costSampler(source(), dist))).toEqual(draws(direct));
  });

  it('gives the Hangzhou inpatient cost its mean of 4,000 (lognormal, cv 2: 400,000 draws, 5 standard errors)', () => {
    const f = costSampler(source(), { dist: 'lognormal', mean: 4000, cv: 2 });
    let s = 0;
    for (let i = 0; i < 400_000; i++) s += f();
    expect(Math.abs(s / 400_000 - 4000)).toBeLessThan((5 * 8000) / Math.sqrt(400_000));
  });

  it('treats cv = 0 as the constant mean', () => {
    expect(draws(costSampler(source(), { dist: 'gamma', mean: 500, cv: 0 }), 3)).toEqual([500, 500, 500]);
    expect(draws(costSampler(source(), { dist: 'lognormal', mean: 500, cv: 0 }), 3)).toEqual([500, 500, 500]);
  });
});

describe('daysSampler', () => {
  it('dispatches each days distribution to its sampler, drawing the same numbers from the same stream', () => {
    const cases: [DaysDist, () => number][] = [
      [{ dist: 'poisson', mean: 7 }, randomPoisson(source())(7)],
      [{ dist: 'negative-binomial', mean: 9, cv: 0.9 }, randomNegativeBinomial(source())(9, 0.9)],
      [{ dist: 'empirical', values: [1, 3, 3, 12] }, randomEmpirical(source())([1, 3, 3, 12])],
    ];
    for (const [dist, direct] of cases) expect(draws(daysSampler(source(), dist))).toEqual(draws(direct));
  });

  it('gives the fixed value every time', () => {
    expect(draws(daysSampler(source(), { dist: 'fixed', value: 5 }), 4)).toEqual([5, 5, 5, 5]);
  });

  it('draws non-negative integers for every days distribution', () => {
    for (const dist of [
      { dist: 'poisson', mean: 40 },
      { dist: 'negative-binomial', mean: 9, cv: 0.9 },
      { dist: 'empirical', values: [0, 2, 30] },
    ] as DaysDist[]) {
      for (const d of draws(daysSampler(source(), dist), 2000))
        expect(Number.isInteger(d) && d >= 0).toBe(true);
    }
  });
});
