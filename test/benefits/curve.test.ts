import { describe, expect, it } from 'vitest';
import { payExact } from '../../src/benefits/exact.ts';
import { benefitCurve, defaultMaxCost, flatFrom, MAX_JUMPS } from '../../src/benefits/curve.ts';
import type { BandsBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { hangzhou, jiaxing, wenzhou } from '../helpers/fixtures.ts';

const has = (points: { cost: number; pays: number }[], cost: number, pays: number) =>
  points.some((p) => p.cost === cost && p.pays === pays);

/** The value of the drawn polyline at x (the last segment containing x, so a riser reads its top). */
function drawnAt(points: { cost: number; pays: number }[], x: number): number {
  for (let i = points.length - 1; i > 0; i--) {
    const a = points[i - 1],
      b = points[i];
    if (a.cost <= x && x <= b.cost)
      return a.cost === b.cost ? b.pays : a.pays + ((b.pays - a.pays) * (x - a.cost)) / (b.cost - a.cost);
  }
  throw new Error(`x ${x} outside the curve`);
}

describe('bands', () => {
  const curve = benefitCurve(hangzhou);
  it('Hangzhou passes through (1,000, 200), (12,000, 6,500) and (50,000, 30,200) and is flat after 50,000', () => {
    expect(has(curve, 1000, 200)).toBe(true);
    expect(drawnAt(curve, 12000)).toBe(6500);
    expect(has(curve, 50000, 30200)).toBe(true);
    expect(curve.filter((p) => p.cost >= 50000).every((p) => p.pays === 30200)).toBe(true);
  });
  it('Hangzhou is drawn through its kinks only: 0, 1,000, 10,000, 15,000, 50,000, then 60,000', () => {
    expect(curve).toEqual([
      { cost: 0, pays: 0 },
      { cost: 1000, pays: 200 },
      { cost: 10000, pays: 4700 },
      { cost: 15000, pays: 9200 },
      { cost: 50000, pays: 30200 },
      { cost: 60000, pays: 30200 },
    ]);
  });
  it('runs to 1.2 × the cost at which the benefit stops growing', () => {
    expect(flatFrom(hangzhou)).toBe(50000);
    expect(defaultMaxCost(hangzhou)).toBe(60000);
    expect(flatFrom(jiaxing)).toBe(60000); // half of 60,000 reaches the 30,000 cap
    expect(benefitCurve(jiaxing)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 60000, pays: 30000 },
      { cost: 72000, pays: 30000 },
    ]);
  });
  it('marks a deductible and a cap that binds inside a band', () => {
    const b: BandsBenefit = {
      id: 'b',
      risk: 'r',
      type: 'bands',
      deductible: 500,
      bands: [
        { upTo: 1000, rate: 0.5 },
        { upTo: null, rate: 0.3 },
      ],
      cap: 1000,
    };
    // 500 at 1,500, then 0.3 more per yuan: the cap binds at 1,500 + 500 / 0.3 = 3,166.67
    const curve = benefitCurve(b);
    expect(curve.slice(0, 3)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 500, pays: 0 },
      { cost: 1500, pays: 500 },
    ]);
    expect(curve[3].cost).toBeCloseTo(3166.6667, 3);
    expect(curve[3].pays).toBe(1000);
    expect(curve).toHaveLength(5);
  });
  it('draws an uncapped benefit to max(100,000, 2 × its last kink)', () => {
    const open: BandsBenefit = { ...jiaxing, cap: undefined };
    expect(flatFrom(open)).toBe(Infinity);
    expect(benefitCurve(open)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 100000, pays: 50000 },
    ]);
    const far: BandsBenefit = {
      id: 'b',
      risk: 'r',
      type: 'bands',
      bands: [
        { upTo: 80000, rate: 0.2 },
        { upTo: null, rate: 0.5 },
      ],
    };
    expect(defaultMaxCost(far)).toBe(160000);
  });
  it('stops at a given maxCost, with the exact value there', () => {
    expect(benefitCurve(hangzhou, 12000)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 1000, pays: 200 },
      { cost: 10000, pays: 4700 },
      { cost: 12000, pays: 6500 },
    ]);
  });
});

describe('steps', () => {
  const curve = benefitCurve(wenzhou);
  it('Wenzhou jumps from 0 to 1,000 at 30,000: two points at 30,000 draw the riser', () => {
    const i = curve.findIndex((p) => p.cost === 30000);
    expect(curve.slice(0, i + 2)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 30000, pays: 0 },
      { cost: 30000, pays: 1000 },
    ]);
  });
  it('Wenzhou to 45,000 is the doc example: (0, 0), a riser at 30,000, a riser at 40,000, flat to 45,000', () => {
    expect(benefitCurve(wenzhou, 45000)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 30000, pays: 0 },
      { cost: 30000, pays: 1000 },
      { cost: 40000, pays: 1000 },
      { cost: 40000, pays: 2000 },
      { cost: 45000, pays: 2000 },
    ]);
  });
  it('Wenzhou pays 2,000 at 45,000 on the drawn curve, and reaches its 50,000 cap at 520,000', () => {
    expect(drawnAt(curve, 45000)).toBe(2000);
    expect(flatFrom(wenzhou)).toBe(520000);
    expect(has(curve, 520000, 49000) && has(curve, 520000, 50000)).toBe(true);
    expect(curve.at(-1)).toEqual({ cost: 624000, pays: 50000 });
    expect(curve).toHaveLength(1 + 2 * 50 + 1);
  });
  it('agrees with the exact evaluation everywhere between the jumps', () => {
    for (let x = 0; x <= 624000; x += 1234.5) expect(drawnAt(curve, x)).toBe(payExact(wenzhou, x).toNumber());
  });
  it('jumps at decimal costs for a decimal step (at 0.3, not at 3 × 0.1 = 0.30000000000000004)', () => {
    const b: StepsBenefit = { id: 's', risk: 'r', type: 'steps', from: 0, step: 0.1, perStep: 1, cap: 5 };
    const c = benefitCurve(b);
    expect(c.filter((p) => p.cost === 0.3).map((p) => p.pays)).toEqual([2, 3]);
    expect(c.at(-1)).toEqual({ cost: 0.6, pays: 5 });
  });
  it('draws an uncapped step benefit to max(100,000, 2 × its first jump)', () => {
    const open: StepsBenefit = { ...wenzhou, cap: undefined };
    const c = benefitCurve(open);
    expect(c.at(-1)).toEqual({ cost: 100000, pays: 8000 });
    expect(c.filter((p) => p.cost === 100000).map((p) => p.pays)).toEqual([7000, 8000]);
  });
  it('refuses more jumps than a chart can show', () => {
    const fine: StepsBenefit = { id: 's', risk: 'r', type: 'steps', from: 0, step: 1, perStep: 1 };
    expect(() => benefitCurve(fine, MAX_JUMPS + 10)).toThrow(RangeError);
    expect(benefitCurve(fine, MAX_JUMPS)).toHaveLength(1 + 2 * MAX_JUMPS);
  });
});

it('rejects a maxCost that is not positive and finite', () => {
  expect(() => benefitCurve(hangzhou, 0)).toThrow(RangeError);
  expect(() => benefitCurve(hangzhou, Infinity)).toThrow(RangeError);
  expect(() => benefitCurve(hangzhou, NaN)).toThrow(RangeError);
});

it('does not modify the benefit', () => {
  const copy = structuredClone(wenzhou);
  benefitCurve(wenzhou);
  expect(wenzhou).toEqual(copy);
});
