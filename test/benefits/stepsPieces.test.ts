/**
 * stepsPiecewise (src/benefits/piecewise.ts) where a description must stop: at a `limit` that
 * falls on a jump or between two, and at a cap that is not a whole number of steps; and
 * benefitCurve (src/benefits/curve.ts) for a table that never pays. Pieces worked by hand from
 * the definition: steps pay perStep × k on [from + k·step, from + (k+1)·step), at most the cap.
 */
import { describe, expect, it } from 'vitest';
import { benefitCurve, defaultMaxCost, flatFrom } from '../../src/benefits/curve.ts';
import { stepsPiecewise } from '../../src/benefits/piecewise.ts';
import type { BandsBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { wenzhou } from '../helpers/fixtures.ts';

const open: StepsBenefit = { ...wenzhou, cap: undefined }; // 1,000 per full 10,000 above 20,000

const pieces = (pw: ReturnType<typeof stepsPiecewise>) => ({
  x: Array.from(pw.x),
  a: Array.from(pw.a),
  s: Array.from(pw.s),
  end: pw.end,
});

describe('uncapped steps up to a limit', () => {
  it('a limit on a jump (50,000) stops before that jump: pieces at 0, 30,000 and 40,000, ending at 50,000', () => {
    expect(pieces(stepsPiecewise(open, 50000))).toEqual({
      x: [0, 30000, 40000],
      a: [0, 1000, 2000],
      s: [0, 0, 0],
      end: 50000,
    });
  });
  it('a limit between jumps (45,000) ends the description at the limit', () => {
    expect(pieces(stepsPiecewise(open, 45000))).toEqual({
      x: [0, 30000, 40000],
      a: [0, 1000, 2000],
      s: [0, 0, 0],
      end: 45000,
    });
  });
});

describe('capped steps', () => {
  it('a cap of 2,500 (not a whole number of 1,000 steps) is reached at the third jump, 50,000, and the description is complete', () => {
    expect(pieces(stepsPiecewise({ ...wenzhou, cap: 2500 }))).toEqual({
      x: [0, 30000, 40000, 50000],
      a: [0, 1000, 2000, 2500],
      s: [0, 0, 0, 0],
      end: Infinity,
    });
  });
});

describe('a banded table that never pays', () => {
  const nothing: BandsBenefit = { id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0 }] };
  it('is flat from 0 and is drawn, flat at 0, to 100,000', () => {
    expect(flatFrom(nothing)).toBe(0);
    expect(defaultMaxCost(nothing)).toBe(100000);
    expect(benefitCurve(nothing)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 100000, pays: 0 },
    ]);
  });
});
