/**
 * The data checks (src/history/dataChecks.ts) and the growth flags (analyseHistory.ts) at the
 * cases their rules leave implicit: equal counts (claimants = members, claims = claimants), a
 * zero count with nothing paid, which entities count as peers (only those with the figure, at
 * least four of them), the field a claim-rate warning names, and growth from a zero or missing
 * figure. Expected warnings are worked out by hand from the rules in the doc comments.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyseHistory, checkAggregates } from '../../src/history/index.ts';
import { checkEntities, type Entity } from '../../src/history/dataChecks.ts';
import type { HistoryRow } from '../../src/history/historyRow.ts';
// The modules loaded afresh below, imported statically too (their types): a mutation run counts a
// test file's tests for a module only when the file imports that module statically.
import type * as StaticDataChecks from '../../src/history/dataChecks.ts';
import type * as StaticAnalyseHistory from '../../src/history/analyseHistory.ts';

const codes = (es: Entity[]) => checkEntities(es, 'regions', 'paid').map((w) => w.map((c) => c.code));

describe('each entity alone', () => {
  it('claimants equal to members (100 and 100) pass; 101 among 100 are questioned', () => {
    expect(codes([{ members: 100, claimants: 100, paid: 100000 }])).toEqual([[]]);
    expect(codes([{ members: 100, claimants: 101, paid: 101000 }])).toEqual([['claimants-above-members']]);
  });
  it('claims equal to claimants (40 and 40) pass; 39 claims for 40 claimants are questioned', () => {
    expect(codes([{ claims: 40, claimants: 40, paid: 40000 }])).toEqual([[]]);
    expect(codes([{ claims: 39, claimants: 40, paid: 40000 }])).toEqual([['claims-below-claimants']]);
  });
  it('a count of 0 with nothing paid is consistent; money with no count, or a count with no money, is not', () => {
    expect(codes([{ members: 100, claimants: 0, paid: 0 }])).toEqual([[]]);
    expect(codes([{ members: 100, claims: 0, paid: 0 }])).toEqual([[]]);
    const w = checkEntities(
      [
        { claimants: 0, paid: 0.01 },
        { claims: 1, paid: 0 },
      ],
      'regions',
      'paid',
    );
    expect(w.map((x) => x.map((c) => [c.code, c.field, c.value, c.note]))).toEqual([
      [
        [
          'payouts-inconsistent-with-claimants',
          'paid',
          0.01,
          { code: 'checkPaidWithoutCount', params: { unit: 'claimant', paid: 0.01 } },
        ],
      ],
      [
        [
          'payouts-inconsistent-with-claimants',
          'paid',
          0,
          { code: 'checkCountWithoutPaid', params: { unit: 'claim', n: 1 } },
        ],
      ],
    ]);
  });
});

describe('against the others: only entities that have the figure are peers, and four are needed', () => {
  it('an entity with claimants but nothing paid has no average, so three averages judge nothing', () => {
    // Averages 1,000, 1,000, 1,000; the fourth has 10 claimants and 0 paid: no average, no peer.
    expect(
      codes([
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 0 },
      ]),
    ).toEqual([[], [], [], ['payouts-inconsistent-with-claimants']]);
  });
  it('an entity without the count is no peer: 5,000 against 1,000 and 1,000 is not judged', () => {
    expect(
      codes([
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 50000 },
        { paid: 10000 },
      ]),
    ).toEqual([[], [], [], []]);
    // With a fourth peer the 5,000 is 5 times the others' median of 1,000: questioned.
    expect(
      codes([
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 10000 },
        { claimants: 10, paid: 50000 },
        { claimants: 10, paid: 10000 },
      ]),
    ).toEqual([[], [], ['implausible-average-benefit'], []]);
  });
  it('a count of 0 has no claim rate: three rates of 4% and a 0 judge nothing', () => {
    expect(
      codes([
        { members: 1000, claimants: 40, paid: 40000 },
        { members: 1000, claimants: 40, paid: 40000 },
        { members: 1000, claimants: 40, paid: 40000 },
        { members: 1000, claimants: 0, paid: 0 },
      ]),
    ).toEqual([[], [], [], []]);
  });
  it('names the count a claim-rate warning questions: claims, or claimants', () => {
    const rates = (unit: 'claims' | 'claimants') =>
      checkEntities(
        [10, 10, 10, 50].map((n) => ({ members: 100, [unit]: n, paid: n * 1000 })),
        'regions',
        'paid',
      )[3];
    expect(rates('claims').map((c) => [c.code, c.field, c.value])).toEqual([
      ['implausible-claim-rate', 'claims', 50],
    ]);
    expect(rates('claimants').map((c) => [c.code, c.field, c.value])).toEqual([
      ['implausible-claim-rate', 'claimants', 50],
    ]);
    expect(rates('claims')[0].note).toEqual({
      code: 'checkClaimRateOutlier',
      params: { unit: 'claim', others: 'regions', n: 50, members: 100, median: 0.1 }, // the rate 10 / 100
    });
  });
  it('checkAggregates says the others are regions', () => {
    const w = checkAggregates([
      { name: 'A', claims: 100, paid: 90000 },
      { name: 'B', claims: 200, paid: 170000 },
      { name: 'C', claims: 100, paid: 830000 },
      { name: 'D', claims: 100, paid: 95000 },
    ]);
    expect(w.map((x) => [x.region, x.note.params])).toEqual([
      ['C', { unit: 'claim', others: 'regions', paid: 830000, n: 100, median: 900, corrected: 83000 }],
    ]);
  });
  it('counts claims and claimants of one entity each against its own kind, afresh', async () => {
    // Loaded afresh so that the module's helpers are built inside the test (docs/mutation.md).
    vi.resetModules();
    const fresh = await (import('../../src/history/dataChecks.ts') as Promise<typeof StaticDataChecks>);
    const w = fresh.checkEntities(
      [
        { claims: 10, claimants: 10, paid: 10000 },
        { claims: 10, claimants: 10, paid: 10000 },
        { claims: 10, claimants: 10, paid: 10000 },
        { claims: 1, claimants: 1, paid: 49 },
      ],
      'years',
      'payouts',
    );
    expect(w[3].map((c) => [c.code, (c.note.params as { unit: string }).unit])).toEqual([
      ['payouts-inconsistent-with-claimants', 'claimant'],
      ['implausible-average-benefit', 'claimant'],
      ['payouts-inconsistent-with-claimants', 'claim'],
      ['implausible-average-benefit', 'claim'],
    ]);
  });
});

const row = (year: number, members: number, contributions: number | null, payouts: number): HistoryRow => ({
  year,
  members,
  contributions,
  payouts,
});

describe('growth from a zero or missing figure, and the flags it may raise', () => {
  it('growth from 0 paid or 0 contributions is null, not infinite', async () => {
    // Loaded afresh so that the module's growth helper is built inside the test (docs/mutation.md).
    vi.resetModules();
    const fresh = await (import('../../src/history/analyseHistory.ts') as Promise<
      typeof StaticAnalyseHistory
    >);
    const a = fresh.analyseHistory([row(2014, 100, 0, 0), row(2015, 100, 1000, 500)]);
    expect(a.years[1]).toMatchObject({ contributionGrowth: null, payoutGrowth: null, memberGrowth: 0 });
    const b = fresh.analyseHistory([row(2014, 100, 1000, 400), row(2015, 100, 1200, 600)]);
    expect(b.years[1]).toMatchObject({ contributionGrowth: 1200 / 1000 - 1, payoutGrowth: 600 / 400 - 1 });
  });
  it('no growth flag without payout growth, though contributions fell by half', () => {
    // payouts 0 → 100: no payout growth; contributions 2,000 → 1,000 (−50%).
    const a = analyseHistory([row(2014, 100, 2000, 0), row(2015, 100, 1000, 100)]);
    expect(a.flags.map((f) => f.code)).toEqual([]);
  });
  it('no growth flag without contribution growth, though payouts rose by half', () => {
    // contributions not reported in 2014; payouts 1,000 → 1,500 (+50%).
    const a = analyseHistory([row(2014, 100, null, 1000), row(2015, 100, 3000, 1500)]);
    expect(a.flags.map((f) => f.code)).toEqual([]);
  });
  it('contributions per member are compared with the year before only, not across a gap', () => {
    const jumps = (rows: HistoryRow[]) =>
      analyseHistory(rows).warnings.filter((w) => w.code === 'contribution-per-member-jump');
    expect(jumps([row(2014, 100, 3200, 1), row(2016, 100, 6401, 1)])).toEqual([]);
    expect(jumps([row(2014, 100, 3200, 1), row(2015, 100, 6401, 1)]).map((w) => w.year)).toEqual([2015]);
  });
});
