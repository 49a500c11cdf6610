import { describe, expect, it } from 'vitest';
import { randomEmpirical } from '../../src/random/empirical.ts';
import { createStream } from '../../src/random/source.ts';
import { gammaQuantileUpper } from '../../src/stats/special.ts';

const source = () => createStream('test', 0).next;

/** Chi-square statistic of observed counts against expected ones, and its α = 0.001 critical value 2·Q⁻¹(df/2, 0.001). */
function chiSquare(observed: number[], expected: number[]): { stat: number; critical: number } {
  let stat = 0;
  for (let i = 0; i < observed.length; i++) stat += (observed[i] - expected[i]) ** 2 / expected[i];
  return { stat, critical: 2 * gammaQuantileUpper(0.001, (observed.length - 1) / 2) };
}

describe('randomEmpirical', () => {
  it('draws each listed value with probability 1/n (chi-square, 100,000 draws, α = 0.001)', () => {
    const values = [3, 5, 8, 13, 21, 34, 55];
    const f = randomEmpirical(source())(values);
    const counts = new Map<number, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const v = f();
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    const { stat, critical } = chiSquare(
      values.map((v) => counts.get(v)!),
      values.map(() => n / values.length),
    );
    expect(critical).toBeCloseTo(22.4577, 3); // χ²₆ at 0.999
    expect(stat).toBeLessThan(critical);
  });

  it('weights repeated values by their multiplicity', () => {
    const f = randomEmpirical(source())([1, 1, 2]);
    const n = 90_000;
    let ones = 0;
    for (let i = 0; i < n; i++) if (f() === 1) ones++;
    expect(Math.abs(ones - (2 * n) / 3)).toBeLessThan(5 * Math.sqrt((n * 2) / 9));
  });

  it('copies the values when it is built', () => {
    const values = [10, 20];
    const f = randomEmpirical(source())(values);
    values[0] = 99;
    values[1] = 99;
    for (let i = 0; i < 100; i++) expect([10, 20]).toContain(f());
  });

  it('with one value is that constant and draws nothing from the source', () => {
    const next = source();
    const f = randomEmpirical(next)(new Float64Array([42]));
    expect([f(), f()]).toEqual([42, 42]);
    expect(next()).toBe(source()());
  });

  it('gives the same sequence for the same seed and stream', () => {
    const draw = (next: () => number) => {
      const f = randomEmpirical(next)([1, 2, 3, 4]);
      return Array.from({ length: 200 }, f);
    };
    expect(draw(source())).toEqual(draw(source()));
    expect(draw(createStream('test', 1).next)).not.toEqual(draw(source()));
  });
});
