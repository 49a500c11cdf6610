/**
 * Results as tables (src/workbook/tables.ts): a figure's format follows what its path names, and
 * a report with fields the writer has never seen (the /2 report's claimants, groups, limits) is
 * laid out without a change: scalars one row each, lists of objects a sheet each.
 */
import { describe, expect, it } from 'vitest';
import { flatten, formatOf, objectSheets, sideBySideSheets } from '../../src/workbook/tables.ts';

const words = { key: 'key', value: 'value', wan: '10,000 yuan', version: (i: number) => (i ? `v${i}` : 'v') };

describe('formatOf', () => {
  it('reads yuan, fractions, counts and years from the path, the last telling segment first', () => {
    const cases: [string, string][] = [
      ['income', 'yuan'],
      ['expected.payout', 'yuan'],
      ['simulated.quantiles.p995', 'yuan'],
      ['breakEvenContribution', 'yuan'],
      ['contributionAtConfidence', 'yuan'],
      ['balance.p50', 'yuan'],
      ['expected.lossRatio', 'percent'],
      ['simulated.probBeyondBackstop', 'percent'],
      ['payoutGrowth', 'percent'],
      ['claimRate', 'percent'],
      ['expected.claimants.illness', 'count'],
      ['expected.beneficiaries.self-pay', 'count'],
      ['iterations', 'count'],
      ['year', 'year'],
      ['seed', 'plain'],
      ['verdict', 'plain'],
    ];
    expect(cases.map(([p]) => [p, formatOf(p)])).toEqual(cases);
  });
});

describe('a report with fields the writer does not know', () => {
  const report = {
    name: 'A',
    income: 1_000_000,
    expected: { payout: 600_000, lossRatio: 0.6, claimants: { illness: 120 } },
    groups: [
      { id: 'staff', members: 900, income: 900_000 },
      { id: 'retired', members: 100 },
    ],
    limits: [],
    tags: ['x', 'y'],
  };
  it('flattens scalars to paths, joins lists of values, leaves out empty lists and sets lists of objects aside', () => {
    const arrays: [string, unknown[]][] = [];
    expect(flatten(report, '', arrays)).toEqual([
      ['name', 'A'],
      ['income', 1_000_000],
      ['expected.payout', 600_000],
      ['expected.lossRatio', 0.6],
      ['expected.claimants.illness', 120],
      ['tags', 'x, y'],
    ]);
    expect(arrays.map(([k]) => k)).toEqual(['groups']);
  });
  it('writes key | value | 万元 rows, then a sheet per list with a 万元 column after each yuan column', () => {
    const [summary, groups] = objectSheets('results', report, words);
    expect(summary.rows[1]).toEqual(['income', 1_000_000, 100]);
    expect(summary.rows[3]).toEqual(['expected.lossRatio', 0.6, null]);
    expect(summary.cellFormat?.(3, 1)).toBe('percent');
    expect(summary.cellFormat?.(4, 1)).toBe('count');
    expect(groups.name).toBe('groups');
    expect(groups.columns.map((c) => [c.header, c.format])).toEqual([
      ['id', 'plain'],
      ['members', 'count'],
      ['income', 'yuan'],
      ['income (10,000 yuan)', 'yuan'],
    ]);
    expect(groups.rows).toEqual([
      ['staff', 900, 900_000, 90],
      ['retired', 100, null, null],
    ]);
  });
  it('puts versions side by side, and their lists in one sheet with the version first', () => {
    const [side, changes] = sideBySideSheets(
      'cmp',
      [
        { income: 1, changes: [] },
        { income: 2, changes: [{ path: 'benefits[0].cap', from: 13700, to: 30200 }] },
      ],
      words,
    );
    expect(side.columns.map((c) => c.header)).toEqual([
      'key',
      'v1',
      'v2',
      'v1 (10,000 yuan)',
      'v2 (10,000 yuan)',
    ]);
    expect(side.rows).toEqual([['income', 1, 2, 0.0001, 0.0002]]);
    expect(changes.rows).toEqual([[2, 'benefits[0].cap', 13700, 1.37, 30200, 3.02]]);
  });
});
