import { describe, expect, it } from 'vitest';
import { payExact } from '../../src/benefits/exact.ts';
import { payFast } from '../../src/benefits/fast.ts';
import { bandsPiecewise, piecewiseAt, stepsPiecewise } from '../../src/benefits/piecewise.ts';
import type { BandsBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { createStream } from '../../src/random/source.ts';
import { beijing, hangzhou, jiaxing, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';

const money = (u: number, max: number) => Math.round(u * max * 100) / 100;

/** A random banded table: up to 5 bands, optional open last band, deductible and cap. */
function randomBands(next: () => number): BandsBenefit {
  const n = 1 + Math.floor(next() * 5);
  let upTo = 0;
  const bands = Array.from({ length: n }, (_, i) => {
    upTo += money(next(), 20000) + 0.01;
    upTo = Math.round(upTo * 100) / 100;
    return { upTo: i === n - 1 && next() < 0.5 ? null : upTo, rate: Math.round(next() * 100) / 100 };
  });
  return {
    id: 'b',
    risk: 'r',
    type: 'bands',
    bands,
    deductible: next() < 0.5 ? money(next(), 2000) : undefined,
    cap: next() < 0.7 ? money(next(), 40000) : undefined,
  };
}

function randomSteps(next: () => number): StepsBenefit {
  return {
    id: 's',
    risk: 'r',
    type: 'steps',
    from: money(next(), 30000),
    step: money(next(), 10000) + 1,
    perStep: money(next(), 2000) + 0.01,
    cap: next() < 0.7 ? money(next(), 60000) : undefined,
  };
}

describe('the fast float path agrees with the exact decimal path to within a fen', () => {
  const next = createStream('fast-vs-exact', 0).next;
  it('on 300 random banded tables × 20 random costs', () => {
    for (let t = 0; t < 300; t++) {
      const b = randomBands(next);
      const fast = payFast(b);
      for (let i = 0; i < 20; i++) {
        const x = money(next(), 120000);
        expect(Math.abs(fast(x) - payExact(b, x).toNumber())).toBeLessThanOrEqual(0.0051);
      }
    }
  });
  it('on 300 random step tables × 20 random costs', () => {
    for (let t = 0; t < 300; t++) {
      const b = randomSteps(next);
      const fast = payFast(b);
      for (let i = 0; i < 20; i++) {
        const x = money(next(), 400000);
        expect(Math.abs(fast(x) - payExact(b, x).toNumber())).toBeLessThanOrEqual(0.0051);
      }
    }
  });
  it('on the tables from the sources at their worked examples', () => {
    expect(payFast(hangzhou)(12000)).toBeCloseTo(6500, 9);
    expect(payFast(hangzhou)(50000)).toBe(30200);
    expect(payFast(jiaxing)(70000)).toBe(30000);
    expect(payFast(wenzhou)(45000)).toBe(2000);
    expect(payFast(jiaxingDaily)(20)).toBe(450);
    expect(payFast(beijing)(5)).toBe(16000);
  });
});

describe('the piecewise-linear form of a cost benefit equals the benefit', () => {
  const next = createStream('piecewise', 0).next;
  it('for random banded tables at random costs and at every knot', () => {
    for (let t = 0; t < 200; t++) {
      const b = randomBands(next);
      const pw = bandsPiecewise(b);
      const fast = payFast(b);
      const xs = [
        ...Array.from({ length: 20 }, () => money(next(), 120000)),
        ...pw.x,
        ...Array.from(pw.x, (x) => x + 0.01),
      ];
      for (const x of xs) expect(piecewiseAt(pw, x)).toBeCloseTo(fast(x), 6);
    }
  });
  it('for random step tables, with and without a cap', () => {
    for (let t = 0; t < 200; t++) {
      const b = randomSteps(next);
      const pw = stepsPiecewise(b, 1e6);
      const fast = payFast(b);
      for (let i = 0; i < 20; i++) {
        const x = money(next(), 400000);
        if (x < pw.end) expect(piecewiseAt(pw, x)).toBeCloseTo(fast(x), 6);
      }
    }
  });
  it('Hangzhou has pieces starting at 0, 1,000, 10,000, 15,000 and 50,000 (the cap is reached exactly there)', () => {
    expect(Array.from(bandsPiecewise(hangzhou).x)).toEqual([0, 1000, 10000, 15000, 50000]);
    expect(Array.from(bandsPiecewise(hangzhou).s)).toEqual([0.2, 0.5, 0.9, 0.6, 0]);
  });
  it('Jiaxing is cut at 60,000 where 50% reaches the 30,000 cap', () => {
    expect(Array.from(bandsPiecewise(jiaxing).x)).toEqual([0, 60000]);
  });
});
