import { describe, expect, it } from 'vitest';
import { analyseHistory } from './worded.ts';
import { analyseHistory as analyseCodes } from '../../src/history/analyseHistory.ts';
import type { HistoryRow } from '../../src/history/historyRow.ts';

const row = (
  year: number,
  members: number,
  contributions: number | null,
  payouts: number,
  claimants?: number,
): HistoryRow =>
  claimants === undefined
    ? { year, members, contributions, payouts }
    : { year, members, contributions, payouts, claimants };

describe('analyseHistory: the history --json shape of docs/cli.md', () => {
  it('gives every year the fields of the contract, in its order, then the extra fields', () => {
    const a = analyseHistory([row(2015, 720000, 25920000, 15350000)]);
    expect(Object.keys(a)).toEqual(['years', 'flags', 'warnings', 'rateSpread']);
    expect(Object.keys(a.years[0]).slice(0, 7)).toEqual([
      'year',
      'members',
      'contributions',
      'payouts',
      'lossRatio',
      'contributionGrowth',
      'payoutGrowth',
    ]);
    expect(a.years[0]).toEqual({
      year: 2015,
      members: 720000,
      contributions: 25920000,
      payouts: 15350000,
      lossRatio: 15350000 / 25920000,
      contributionGrowth: null,
      payoutGrowth: null,
      memberGrowth: null,
      claimants: null,
      months: 12,
      claimRate: null,
      averageBenefit: null,
    });
    expect(a.rateSpread).toBeNull();
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
  it('computes growth against the year before only, null across a gap or from a missing figure', () => {
    const a = analyseHistory([
      row(2014, 100, 1000, 500),
      row(2015, 150, 1100, 990),
      row(2017, 160, 1200, 1000),
      row(2018, 170, null, 1100),
      row(2019, 180, 1300, 1200),
    ]);
    expect(a.years.map((y) => [y.contributionGrowth, y.payoutGrowth, y.memberGrowth])).toEqual([
      [null, null, null],
      [1100 / 1000 - 1, 990 / 500 - 1, 0.5],
      [null, null, null],
      [null, 1100 / 1000 - 1, 170 / 160 - 1],
      [null, 1200 / 1100 - 1, 180 / 170 - 1],
    ]);
    expect(a.years[3].lossRatio).toBeNull();
  });
  it('gives claim rate and average benefit when claimants are given', () => {
    const a = analyseHistory([row(2022, 106094, null, 4930000, 4527), row(2023, 1000, 100, 0, 0)]);
    expect(a.years[0].claimRate).toBeCloseTo(4527 / 106094, 15);
    expect(a.years[0].averageBenefit).toBeCloseTo(4930000 / 4527, 10);
    expect(a.years[1]).toMatchObject({ claimants: 0, claimRate: 0, averageBenefit: null });
  });
});

describe('analyseHistory: flags', () => {
  it('flags payouts growing more than 20 percentage points faster than contributions, with both figures in words', () => {
    const a = analyseHistory([row(2014, 100, 1000, 100), row(2015, 110, 1310, 268)]);
    expect(a.flags).toEqual([
      {
        code: 'payout-growth-outpaces-contributions',
        year: 2015,
        message:
          'payouts +168% against contributions +31%: 137 percentage points faster (the flag is raised above 20)',
      },
    ]);
    const zh = analyseHistory([row(2014, 100, 1000, 100), row(2015, 110, 1310, 268)], { lang: 'zh' });
    expect(zh.flags[0].message).toBe(
      '赔付支出增长 +168%，会费收入增长 +31%：支出增速快 137 个百分点（超过 20 个百分点即提示）',
    );
  });
  it('does not flag a gap of exactly 20 points, nor a shrinking gap', () => {
    expect(analyseHistory([row(2014, 100, 100, 50), row(2015, 100, 110, 65)]).flags).toEqual([]); // +10% vs +30%: 20 points
    expect(analyseHistory([row(2014, 100, 100, 50), row(2015, 100, 150, 50)]).flags).toEqual([]);
  });
  it('flags a loss ratio above one, naming payouts, contributions and the ratio', () => {
    const a = analyseHistory([row(2016, 482000, 32000000, 45452000)]);
    expect(a.flags).toEqual([
      {
        code: 'loss-ratio-above-one',
        year: 2016,
        message: 'payouts ¥45.45 M are 142% of contributions ¥32 M',
      },
    ]);
    expect(analyseHistory([row(2016, 1, 100, 100)]).flags).toEqual([]);
    expect(analyseHistory([row(2016, 1, 0, 100)]).flags[0].message).toBe(
      'payouts ¥100 against no contributions',
    );
    expect(analyseHistory([row(2016, 1, null, 100)]).flags).toEqual([]);
  });
  it('flags members more than doubling in a year, not exactly doubling', () => {
    expect(analyseHistory([row(2014, 100, 1, 0), row(2015, 200, 1, 0)]).flags).toEqual([]);
    expect(analyseHistory([row(2014, 100, 1, 0), row(2015, 201, 1, 0)]).flags).toEqual([
      {
        code: 'enrollment-surge',
        year: 2015,
        message: 'members 100 → 201 (+101%): more than doubled in a year',
      },
    ]);
    expect(analyseHistory([row(2013, 100, 1, 0), row(2015, 300, 1, 0)]).flags).toEqual([]); // not consecutive
  });
  it('orders flags by year, then loss ratio, growth, surge', () => {
    const a = analyseHistory([row(2014, 100, 100, 50), row(2015, 300, 110, 200)]);
    expect(a.flags.map((f) => [f.year, f.code])).toEqual([
      [2015, 'loss-ratio-above-one'],
      [2015, 'payout-growth-outpaces-contributions'],
      [2015, 'enrollment-surge'],
    ]);
  });
});

describe('analyseHistory: data checks as warnings', () => {
  it('questions claimants above members', () => {
    const w = analyseHistory([row(2020, 1000, null, 1200000, 1500)]).warnings;
    expect(w.map((x) => [x.code, x.field, x.value])).toContainEqual([
      'claimants-above-members',
      'claimants',
      1500,
    ]);
  });
  it('questions payouts that do not fit the claimant count (outside 50–50,000 a claimant)', () => {
    const w = analyseHistory([
      row(2020, 100000, null, 4930000, 45),
      row(2021, 100000, null, 10000, 4527),
      row(2022, 100000, null, 0, 10),
      row(2023, 100000, null, 100, 0),
    ]).warnings;
    expect(
      w.filter((x) => x.code === 'payouts-inconsistent-with-claimants').map((x) => [x.year, x.message]),
    ).toEqual([
      [
        2020,
        '¥4.93 M paid for 45 claimants is ¥109,556 a claimant, outside the plausible ¥50–¥50,000: do the payouts and the count cover the same scheme and months?',
      ],
      [
        2021,
        '¥10 k paid for 4,527 claimants is ¥2 a claimant, outside the plausible ¥50–¥50,000: do the payouts and the count cover the same scheme and months?',
      ],
      [2022, '10 claimants but nothing paid'],
      [2023, '¥100 paid but no claimants'],
    ]);
  });
  it('questions an average benefit out of line with the other years (4 times the median of the others)', () => {
    const rows = [
      row(2019, 50000, null, 2000000, 2000),
      row(2020, 50000, null, 2200000, 2000),
      row(2021, 50000, null, 2100000, 2000),
      row(2022, 50000, null, 21000000, 2000),
    ];
    const w = analyseHistory(rows).warnings.filter((x) => x.code === 'implausible-average-benefit');
    // 10,500 a claimant against the median 1,050 of 1,000, 1,100, 1,050: 10 times; a tenth fits.
    expect(w).toEqual([
      {
        year: 2022,
        code: 'implausible-average-benefit',
        field: 'payouts',
        value: 21000000,
        message:
          '¥21 M paid for 2,000 claimants is ¥10,500 a claimant, 10.0 times the median ¥1,050 of the other years (questioned beyond 4 times or below a quarter of that median); ¥2,100,000 would give ¥1,050, in line with the others: a misprint?',
      },
    ]);
  });
  it('questions a claim rate out of line with the other years (Xilingol 2019, a part year)', () => {
    const rows = [
      row(2019, 46703, null, 90000, 126),
      row(2020, 68727, null, 2010000, 2054),
      row(2021, 79944, null, 4420000, 3944),
      row(2022, 106094, null, 4930000, 4527),
    ];
    const w = analyseHistory(rows).warnings;
    expect(w.map((x) => [x.year, x.code])).toEqual([[2019, 'implausible-claim-rate']]);
    // 126/46,703 = 0.27 per 100; the others 2.99, 4.93, 4.27: median 4.27 → 1/15.8.
    expect(w[0].message).toBe(
      '126 claimants among 46,703 members is 0.27 per 100, 1/15.8 of the median 4.27 per 100 of the other years (questioned beyond 4 times or below a quarter of that median): a part year, missing or double-counted claims?',
    );
  });
  it('questions contributions per member that more than double or halve while members change', () => {
    const w = analyseHistory([row(2014, 1000, 80000, 1), row(2015, 4000, 120000, 1)]).warnings;
    expect(w).toEqual([
      {
        year: 2015,
        code: 'contribution-per-member-jump',
        field: 'contributions',
        value: 120000,
        message:
          'contributions per member went from ¥80.00 to ¥30.00 (−63%) while members changed +300%: do members and contributions cover the same projects and months?',
      },
    ]);
    expect(analyseHistory([row(2014, 1000, 80000, 1), row(2015, 1000, 41000, 1)]).warnings).toEqual([]);
  });
});

describe('analyseHistory returns codes, not words', () => {
  it('gives each flag and data check a note: a code and the figures it names', () => {
    const a = analyseCodes([row(2014, 100, 1000, 100), row(2015, 110, 1310, 268)]);
    expect(a.flags).toEqual([
      {
        code: 'payout-growth-outpaces-contributions',
        year: 2015,
        note: {
          code: 'flagPayoutGrowth',
          params: { payoutGrowth: expect.closeTo(1.68, 12), contributionGrowth: expect.closeTo(0.31, 12) },
        },
      },
    ]);
    expect(analyseCodes([row(2016, 1, 0, 100)]).flags[0].note).toEqual({
      code: 'flagLossRatioNoIncome',
      params: { payouts: 100 },
    });
    expect(analyseCodes([row(2016, 100, null, 20000, 200)]).warnings).toEqual([
      {
        year: 2016,
        code: 'claimants-above-members',
        field: 'claimants',
        value: 200,
        note: { code: 'checkClaimantsAboveMembers', params: { claimants: 200, members: 100 } },
      },
    ]);
  });
});
