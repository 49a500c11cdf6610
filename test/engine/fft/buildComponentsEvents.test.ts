/**
 * The exact method's components of event risks (src/engine/fft/buildComponents.ts: `eventComponent`,
 * `eventCells`, `lumpOf`, `pays`, `eventPayment`, `capExcessProbability`), checked on small `/2`
 * scenarios against figures worked out here from the module's comment:
 * - a cell's events are Poisson(members·rate·Θ); each pays Y = Σ_b c_b·(amount_b·B_b +
 *   waiting_b·(1 − B_b)), B_b ~ Bernoulli(w_b), w_b = 1 − newShare·waitingDays/365, c_b the shares
 *   when b pays per share; events paying nothing are thinned away: λ = members·rate·P(Y > 0), Y
 *   given Y > 0 (one lump sum without a waiting amount: λ = members·rate·w, Y = amount);
 * - several cells: λ = Σ λ_cell, Y the λ-weighted mixture (merged atoms);
 * - a cap is neglected when Σ_cells members·P(K > ⌊cap/amount⌋) ≤ maxNeglectedMass, K ~ NB(mean
 *   rate·w, size 1/rateCv²) (Poisson at rateCv 0); with a waiting amount K counts all events
 *   (mean rate) and the larger of amount and waiting amount divides the cap;
 * - otherwise, or with a limit, the risk is a `capped-event` component of cells alike (same rate,
 *   waiting share and shares), each with its lump sums that ever pay and its limits.
 * See buildComponentsUnits.test.ts for cost risks and `limitedPieces`.
 */
import { describe, expect, it } from 'vitest';
import {
  buildComponents,
  type CappedEventComponent,
  type CappedLump,
  type Component,
} from '../../../src/engine/fft/buildComponents.ts';
import {
  asCompound,
  expectAtoms,
  near,
  negativeBinomialPmfs,
  poissonPmfs,
  scheme,
  tailFrom,
} from '../../helpers/components.ts';

const O = { truncationBudget: 1e-6, maxNeglectedMass: 1e-3 };
const build = (doc: Record<string, unknown>, o = O): Component[] => buildComponents(scheme(doc), o);

const event = (extra: Record<string, unknown> = {}) => ({ id: 'e', kind: 'event', rate: 0.04, ...extra });
const lump = (extra: Record<string, unknown> = {}) => ({
  id: 'L',
  risk: 'e',
  type: 'lump-sum',
  amount: 1000,
  ...extra,
});
/** w = 1 − newShare·waitingDays/365. */
const w = (newShare: number, days: number) => 1 - (newShare * days) / 365;

function asCapped(c: Component | undefined): CappedEventComponent {
  expect(c?.kind).toBe('capped-event');
  return c as CappedEventComponent;
}

/** The capped lump sum of a cell of `rate`, waiting share `newShare` (the module's CappedLump). */
function capped(
  rate: number,
  paid: number,
  o: { amount?: number; waitingAmount?: number; cap?: number; factor?: number } = {},
): CappedLump {
  return {
    lambda: rate * paid,
    paid,
    amount: o.amount ?? 1000,
    waitingAmount: o.waitingAmount ?? 0,
    cap: o.cap ?? Infinity,
    factor: o.factor ?? 1,
  };
}

function expectLumps(actual: CappedLump[], want: CappedLump[]) {
  expect(actual.length).toBe(want.length);
  want.forEach((l, i) => {
    near(actual[i].lambda, l.lambda, 1e-12, `lumps[${i}].lambda`);
    near(actual[i].paid, l.paid, 1e-12, `lumps[${i}].paid`);
    expect({ ...actual[i], lambda: 0, paid: 0 }).toEqual({ ...l, lambda: 0, paid: 0 });
  });
}

describe('one cell, no cap: a compound Poisson of the payments', () => {
  it('one lump sum: λ = members·rate = 40, one atom at the amount', () => {
    const cs = build({ risks: [event({ rateCv: 0.3 })], benefits: [lump()] });
    expect(cs.length).toBe(1);
    const c = asCompound(cs[0]);
    expect(c.risk).toBe('e');
    near(c.lambda, 1000 * 0.04);
    expect(c.rateCv).toBe(0.3);
    expect(c.truncated).toBe(0);
    expect(c.neglected).toBe(0);
    expect(c.parts.length).toBe(1);
    expectAtoms(c.parts[0], { values: [1000], probs: [1], top: 1000, lattice: 1000 });
  });

  it('stays compound with maxNeglectedMass 0: no cap neglects nothing (0 is not above 0)', () => {
    const cs = build(
      { risks: [event()], benefits: [lump()] },
      { truncationBudget: 1e-6, maxNeglectedMass: 0 },
    );
    expect(asCompound(cs[0]).neglected).toBe(0);
  });

  it('waiting days thin the events: λ = members·rate·w, w = 1 − 0.5·73/365 = 0.9', () => {
    const cs = build({
      members: { count: 1000, newShare: 0.5 },
      risks: [event()],
      benefits: [lump({ amount: 700, waitingDays: 73 })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 1000 * 0.04 * 0.9);
    expectAtoms(c.parts[0], { values: [700], probs: [1], top: 700, lattice: 700 });
  });

  it('per share: every member of the only cell holds 3 shares, Y = 3 × amount', () => {
    const cs = build({
      members: { groups: [{ id: 'g', count: 1000, holdings: [{ shares: 3, fraction: 1 }] }] },
      risks: [event()],
      benefits: [lump({ amount: 1000, perShare: true })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], { values: [3000], probs: [1], top: 3000, lattice: 3000 });
  });

  it('a waiting amount: Y = 200 with probability 1 − w = 0.1, 1000 with w = 0.9; every event pays', () => {
    const cs = build({
      members: { count: 1000, newShare: 0.5 },
      risks: [event()],
      benefits: [lump({ waitingDays: 73, waitingAmount: 200 })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], { values: [200, 1000], probs: [0.1, 0.9], top: 1000, lattice: 200 });
  });

  it('a waiting amount, per share (2 shares): 400 and 2000', () => {
    const cs = build({
      members: { groups: [{ id: 'g', count: 1000, newShare: 0.5, holdings: [{ shares: 2, fraction: 1 }] }] },
      risks: [event()],
      benefits: [lump({ waitingDays: 73, waitingAmount: 200, perShare: true })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], { values: [400, 2000], probs: [0.1, 0.9], top: 2000, lattice: 400 });
  });

  it('a waiting amount nobody waits for (newShare 0, w = 1): only the amount, no atom of probability 0', () => {
    const cs = build({
      risks: [event()],
      benefits: [lump({ waitingDays: 30, waitingAmount: 300 })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], { values: [1000], probs: [1], top: 1000, lattice: 1000 });
  });

  it('two lump sums, w 0.9 and 0.8: Y given Y > 0 and λ = members·rate·P(Y > 0) = 40 × 0.98', () => {
    // P(Y = 500) = 0.1·0.8, P(1000) = 0.9·0.2, P(1500) = 0.9·0.8; P(Y = 0) = 0.1·0.2.
    const cs = build({
      members: { count: 1000, newShare: 0.5 },
      risks: [event()],
      benefits: [lump({ id: 'A', waitingDays: 73 }), lump({ id: 'B', amount: 500, waitingDays: 146 })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40 * 0.98);
    expectAtoms(c.parts[0], {
      values: [500, 1000, 1500],
      probs: [0.08 / 0.98, 0.18 / 0.98, 0.72 / 0.98],
      top: 1500,
      lattice: 500,
    });
  });

  it('two lump sums of the same amount: equal sums merged (1000 with 0.1·0.8 + 0.9·0.2)', () => {
    const cs = build({
      members: { count: 1000, newShare: 0.5 },
      risks: [event()],
      benefits: [lump({ id: 'A', waitingDays: 73 }), lump({ id: 'B', waitingDays: 146 })],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40 * 0.98);
    expectAtoms(c.parts[0], {
      values: [1000, 2000],
      probs: [0.26 / 0.98, 0.72 / 0.98],
      top: 2000,
      lattice: 1000,
    });
  });

  it('two lump sums with waiting amounts 100 and 50: four sums, every event pays', () => {
    const cs = build({
      members: { count: 1000, newShare: 0.5 },
      risks: [event()],
      benefits: [
        lump({ id: 'A', waitingDays: 73, waitingAmount: 100 }),
        lump({ id: 'B', amount: 500, waitingDays: 146, waitingAmount: 50 }),
      ],
    });
    const c = asCompound(cs[0]);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], {
      values: [150, 600, 1050, 1500],
      probs: [0.1 * 0.2, 0.1 * 0.8, 0.9 * 0.2, 0.9 * 0.8],
      top: 1500,
      lattice: 150,
    });
  });
});

describe('lump sums that never pay are thinned away', () => {
  // Every member new (newShare 1): a lump sum with 365 waiting days has w = 0.
  const members = { count: 1000, newShare: 1 };
  const benefits = [
    lump({ id: 'capZero', cap: 0 }),
    lump({ id: 'allWaiting', waitingDays: 365 }),
    lump({ id: 'waitingOnly', amount: 1000, waitingDays: 365, waitingAmount: 300 }),
    lump({ id: 'plain' }),
  ];

  it('a cap of 0 and w = 0 without a waiting amount pay nothing: Y = 300 + 1000 on every event', () => {
    const c = asCompound(build({ members, risks: [event()], benefits })[0]);
    near(c.lambda, 40);
    expect(c.neglected).toBe(0);
    expectAtoms(c.parts[0], { values: [1300], probs: [1], top: 1300, lattice: 1300 });
  });

  it('a limit over lump sums that never pay is no limit (still compound)', () => {
    const c = asCompound(
      build({
        members,
        risks: [event()],
        benefits,
        limits: [{ id: 'l', benefits: ['capZero', 'allWaiting'], cap: 100 }],
      })[0],
    );
    expectAtoms(c.parts[0], { values: [1300], probs: [1], top: 1300, lattice: 1300 });
  });

  it('a capped cell keeps only the lump sums that pay, and its limit indexes them', () => {
    const c = asCapped(
      build({
        members,
        risks: [event({ rateCv: 0.2 })],
        benefits,
        limits: [{ id: 'l', benefits: ['allWaiting', 'plain'], cap: 5000 }],
      })[0],
    );
    expect(c.risk).toBe('e');
    expect(c.rateCv).toBe(0.2);
    expect(c.cells.length).toBe(1);
    expect(c.cells[0].members).toBe(1000);
    expect(c.cells[0].rate).toBe(0.04);
    expectLumps(c.cells[0].lumps, [capped(0.04, 0, { waitingAmount: 300 }), capped(0.04, 1)]);
    expect(c.cells[0].limits).toEqual([{ lumps: [1], cap: 5000 }]);
  });

  it('a risk whose lump sums all pay nothing has no component', () => {
    const cs = build({
      members,
      risks: [event(), { id: 'f', kind: 'event', rate: 0.01 }],
      benefits: [
        lump({ id: 'capZero', cap: 0 }),
        lump({ id: 'allWaiting', waitingDays: 365 }),
        lump({ id: 'F', risk: 'f', amount: 50 }),
      ],
    });
    expect(cs.map((c) => c.risk)).toEqual(['f']);
    near(asCompound(cs[0]).lambda, 10);
  });
});

describe('cells: groups and holdings', () => {
  // A: 600 members, half with 1 share, half with 2; B: 400 with 1 share. C differs from A's first
  // cell only in newShare, D only in rate, E's 2 shares match A's second cell.
  const groups = [
    {
      id: 'A',
      count: 600,
      newShare: 0.5,
      holdings: [
        { shares: 1, fraction: 0.5 },
        { shares: 2, fraction: 0.5 },
      ],
    },
    { id: 'B', count: 400, newShare: 0.5 },
    { id: 'C', count: 300, newShare: 0 },
    { id: 'D', count: 200, newShare: 0.5 },
    { id: 'E', count: 100, newShare: 0.5, holdings: [{ shares: 2, fraction: 1 }] },
  ];
  const rate = { A: 0.04, B: 0.04, C: 0.04, D: 0.05, E: 0.04 };

  it('cells alike (rate, waiting share, shares) are merged in order of first appearance; a limit per share', () => {
    const c = asCapped(
      build({
        members: { groups },
        risks: [event({ rate })],
        benefits: [lump({ perShare: true, waitingDays: 73 })],
        limits: [{ id: 'l', benefits: ['L'], cap: 3000, perShare: true }],
      })[0],
    );
    const want = [
      { members: 300 + 400, rate: 0.04, paid: w(0.5, 73), shares: 1 },
      { members: 300 + 100, rate: 0.04, paid: w(0.5, 73), shares: 2 },
      { members: 300, rate: 0.04, paid: 1, shares: 1 },
      { members: 200, rate: 0.05, paid: w(0.5, 73), shares: 1 },
    ];
    expect(c.cells.length).toBe(want.length);
    want.forEach((cell, i) => {
      expect(c.cells[i].members).toBe(cell.members);
      expect(c.cells[i].rate).toBe(cell.rate);
      expectLumps(c.cells[i].lumps, [capped(cell.rate, cell.paid, { factor: cell.shares })]);
      expect(c.cells[i].limits).toEqual([{ lumps: [0], cap: 3000 * cell.shares }]);
    });
  });

  it('a limit not per share keeps its cap in every cell; a benefit not per share has factor 1', () => {
    const c = asCapped(
      build({
        members: { groups },
        risks: [event({ rate })],
        benefits: [lump({ waitingDays: 73, cap: 2500 })],
        limits: [{ id: 'l', benefits: ['L'], cap: 3000 }],
      })[0],
    );
    expect(c.cells.map((x) => x.limits)).toEqual([
      [{ lumps: [0], cap: 3000 }],
      [{ lumps: [0], cap: 3000 }],
      [{ lumps: [0], cap: 3000 }],
      [{ lumps: [0], cap: 3000 }],
    ]);
    expectLumps(c.cells[1].lumps, [capped(0.04, w(0.5, 73), { cap: 2500 })]);
  });

  it('a cell of no members is left out (women only, a group with femaleShare 0)', () => {
    const c = asCapped(
      build({
        members: {
          groups: [
            { id: 'men', count: 1000, femaleShare: 0 },
            { id: 'mixed', count: 1000, femaleShare: 0.5 },
          ],
        },
        risks: [event({ who: 'female', rate: { men: 0.05, mixed: 0.04 } })],
        benefits: [lump()],
        limits: [{ id: 'l', benefits: ['L'], cap: 3000 }],
      })[0],
    );
    expect(c.cells.map((x) => [x.members, x.rate])).toEqual([[500, 0.04]]);
  });

  it('several cells, no cap: one compound, λ = Σ λ_cell, Y the λ-weighted mixture', () => {
    // A (newShare 0.5): Y = 200 w.p. 0.1, 1000 w.p. 0.9, λ = 1000 × 0.04 = 40;
    // B (newShare 0): Y = 1000, λ = 500 × 0.04 = 20.
    const c = asCompound(
      build({
        members: {
          groups: [
            { id: 'A', count: 1000, newShare: 0.5 },
            { id: 'B', count: 500, newShare: 0 },
          ],
        },
        risks: [event()],
        benefits: [lump({ waitingDays: 73, waitingAmount: 200 })],
      })[0],
    );
    near(c.lambda, 60);
    expectAtoms(c.parts[0], {
      values: [200, 1000],
      probs: [(40 / 60) * 0.1, (40 / 60) * 0.9 + 20 / 60],
      top: 1000,
      lattice: 200,
    });
  });

  it('several cells, one lump sum without a waiting amount: λ_cell = members·rate·w', () => {
    // A: 1000 × 0.04 × 0.9 = 36 at 1000; B (2 shares, per share): 500 × 0.04 = 20 at 2000.
    const c = asCompound(
      build({
        members: {
          groups: [
            { id: 'A', count: 1000, newShare: 0.5 },
            { id: 'B', count: 500, newShare: 0, holdings: [{ shares: 2, fraction: 1 }] },
          ],
        },
        risks: [event()],
        benefits: [lump({ waitingDays: 73, perShare: true })],
      })[0],
    );
    near(c.lambda, 56);
    expectAtoms(c.parts[0], { values: [1000, 2000], probs: [36 / 56, 20 / 56], top: 2000, lattice: 1000 });
  });
});

describe('caps: neglected when they (almost) never bind, else capped-event', () => {
  it('Poisson counts: neglected = members·P(K ≥ ⌊3000/1000⌋ + 1), reported; capped above the bound', () => {
    const doc = { risks: [event()], benefits: [lump({ cap: 3000 })] };
    const neglected = 1000 * tailFrom(poissonPmfs(0.04, 40), 4);
    expect(neglected).toBeGreaterThan(1e-5);
    expect(neglected).toBeLessThan(1e-3);
    const c = asCompound(build(doc)[0]);
    near(c.neglected, neglected);
    near(c.lambda, 40);
    expectAtoms(c.parts[0], { values: [1000], probs: [1], top: 1000, lattice: 1000 });

    const k = asCapped(build(doc, { truncationBudget: 1e-6, maxNeglectedMass: 1e-5 })[0]);
    expect(k.cells.length).toBe(1);
    expect(k.cells[0].members).toBe(1000);
    expect(k.cells[0].limits).toEqual([]);
    expectLumps(k.cells[0].lumps, [capped(0.04, 1, { cap: 3000 })]);
  });

  it('mixed Poisson counts (rateCv 0.5: size 4), thinned by w, summed over two cells; an uncapped lump sum adds nothing', () => {
    const c = asCompound(
      build({
        members: {
          groups: [
            { id: 'A', count: 500, newShare: 0.5 },
            { id: 'B', count: 700, newShare: 0 },
          ],
        },
        risks: [event({ rateCv: 0.5 })],
        benefits: [lump({ cap: 3000, waitingDays: 73 }), lump({ id: 'U', amount: 10 })],
      })[0],
    );
    const neglected =
      500 * tailFrom(negativeBinomialPmfs(0.04 * 0.9, 4, 60), 4) +
      700 * tailFrom(negativeBinomialPmfs(0.04, 4, 60), 4);
    near(c.neglected, neglected, 1e-11);
  });

  it('with a waiting amount K counts every event and the larger payment divides the cap', () => {
    const loose = { truncationBudget: 1e-6, maxNeglectedMass: 1 };
    // waitingAmount 1500 > amount 1000: ⌊3000/1500⌋ + 1 = 3 events, K of mean 0.04 (not 0.036).
    const larger = asCompound(
      build(
        {
          members: { count: 1000, newShare: 0.5 },
          risks: [event()],
          benefits: [lump({ cap: 3000, waitingDays: 73, waitingAmount: 1500 })],
        },
        loose,
      )[0],
    );
    near(larger.neglected, 1000 * tailFrom(poissonPmfs(0.04, 40), 3));
    // waitingAmount 400 < amount 1000: ⌊2500/1000⌋ + 1 = 3.
    const smaller = asCompound(
      build(
        {
          members: { count: 1000, newShare: 0.5 },
          risks: [event()],
          benefits: [lump({ cap: 2500, waitingDays: 73, waitingAmount: 400 })],
        },
        loose,
      )[0],
    );
    near(smaller.neglected, 1000 * tailFrom(poissonPmfs(0.04, 40), 3));
    // Without the waiting amount: K of mean 0.04·0.9, ⌊2500/1000⌋ + 1 = 3.
    const thinned = asCompound(
      build(
        {
          members: { count: 1000, newShare: 0.5 },
          risks: [event()],
          benefits: [lump({ cap: 2500, waitingDays: 73 })],
        },
        loose,
      )[0],
    );
    near(thinned.neglected, 1000 * tailFrom(poissonPmfs(0.036, 40), 3));
    // Nobody new (w = 1): no event falls in a waiting period, the amount alone divides the cap,
    // ⌊3000/1000⌋ + 1 = 4, although the waiting amount is larger.
    const nobodyWaits = asCompound(
      build(
        { risks: [event()], benefits: [lump({ cap: 3000, waitingDays: 73, waitingAmount: 1500 })] },
        loose,
      )[0],
    );
    near(nobodyWaits.neglected, 1000 * tailFrom(poissonPmfs(0.04, 40), 4));
  });

  it('a frequent event (rate 0.9) with a cap below two amounts sums the tail past the mean', () => {
    const c = asCompound(
      build(
        { risks: [event({ rate: 0.9 })], benefits: [lump({ cap: 1500 })] },
        { truncationBudget: 1e-6, maxNeglectedMass: 1e9 },
      )[0],
    );
    near(c.neglected, 1000 * tailFrom(poissonPmfs(0.9, 80), 2), 1e-12);
  });
});

describe('two event risks: each component takes only its own lump sums and limits', () => {
  it('e1 (1,000 a event, limited to 1,500 a member) is capped; e2 (300 a event, no cap) a compound of one atom', () => {
    const cs = build({
      risks: [event({ id: 'e1' }), event({ id: 'e2', rate: 0.01 })],
      benefits: [lump({ id: 'L1', risk: 'e1' }), lump({ id: 'L2', risk: 'e2', amount: 300 })],
      limits: [{ id: 'm', benefits: ['L1'], cap: 1500 }],
    });
    expect(cs.map((c) => c.risk)).toEqual(['e1', 'e2']);
    const e1 = asCapped(cs[0]);
    expect(e1.cells.length).toBe(1);
    expectLumps(e1.cells[0].lumps, [capped(0.04, 1)]);
    const e2 = asCompound(cs[1]);
    near(e2.lambda, 1000 * 0.01);
    expect(e2.parts.length).toBe(1);
    expectAtoms(e2.parts[0], { values: [300], probs: [1], top: 300, lattice: 300 });
  });
});
