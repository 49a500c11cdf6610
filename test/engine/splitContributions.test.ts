import { describe, expect, it } from 'vitest';
import { splitContributions } from '../../src/engine/splitContributions.ts';

describe('splitContributions', () => {
  it("gives the total and the member's own share apart (30 of 100 is 30%)", () => {
    expect(
      splitContributions([
        { payer: 'member', amount: 30 },
        { payer: 'union', amount: 50 },
        { payer: 'employer', amount: 20 },
      ]),
    ).toEqual({ total: 100, member: 30, memberShare: 0.3 });
  });
  it('adds several member rows together (12 + 24 of 36 + 36 + 48 = 120: 30%)', () => {
    const s = splitContributions([
      { payer: 'member', amount: 12 },
      { payer: 'union', amount: 48 },
      { payer: 'member', amount: 24 },
      { payer: 'employer', amount: 36 },
    ]);
    expect(s.total).toBe(120);
    expect(s.member).toBe(36);
    expect(s.memberShare).toBeCloseTo(0.3, 15);
  });
  it("counts a row being typed (no number yet) as 0 and a row without payer as no one's", () => {
    expect(
      splitContributions([
        { payer: 'member', amount: '12a' },
        { amount: 40 },
        null as unknown as { payer?: unknown },
      ]),
    ).toEqual({ total: 40, member: 0, memberShare: 0 });
  });
  it('has no share when nothing is paid', () => {
    expect(splitContributions([])).toEqual({ total: 0, member: 0, memberShare: null });
    expect(splitContributions([{ payer: 'member', amount: 0 }])).toEqual({
      total: 0,
      member: 0,
      memberShare: null,
    });
  });
});
