/**
 * The history files of data/ (provenance in data/README.md): each reads cleanly, its derived
 * figures reproduce what the sources report, and the analysis raises what the sources show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../src/history/historyRow.ts';
import { analyseHistory, checkAggregates, parseHistory, parseRegions } from './worded.ts';

const text = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
function rows(name: string): HistoryRow[] {
  const r = parseHistory(text(name));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problems)}`);
  return r.rows;
}
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('data/*.csv read without problems', () => {
  it.each(['xilingol.csv', 'beijing-transport.csv', 'beijing-service.csv', 'wenzhou.csv', 'hangzhou.csv'])(
    '%s',
    (name) => {
      expect(parseHistory(text(name)).ok).toBe(true);
    },
  );
  it('inner-mongolia-regions.csv', () => {
    const r = parseRegions(text('inner-mongolia-regions.csv'));
    expect(r.ok && r.regions.length).toBe(11);
  });
  it('every file is listed in data/README.md', () => {
    const readme = text('README.md');
    for (const name of [
      'xilingol.csv',
      'beijing-transport.csv',
      'beijing-service.csv',
      'wenzhou.csv',
      'hangzhou.csv',
      'inner-mongolia-regions.csv',
    ]) {
      expect(readme).toContain(`\`${name}\``);
    }
  });
});

describe('wenzhou.csv: 2015 against 2014, derived from the growth rates reported (seed 001)', () => {
  it('reproduces the reported growth: enrolments +264%, beneficiaries +341%, contributions +31%, payouts +168%', () => {
    const r = rows('wenzhou.csv');
    expect(Math.round((r[1].members / r[0].members - 1) * 100)).toBe(264);
    expect(Math.round((r[1].claimants! / r[0].claimants! - 1) * 100)).toBe(341);
    expect(Math.round((r[1].contributions! / r[0].contributions! - 1) * 100)).toBe(31);
    expect(Math.round((r[1].payouts / r[0].payouts - 1) * 100)).toBe(168);
    expect(r[1]).toMatchObject({ members: 332874, claimants: 2236, payouts: 4020000, months: 11 });
    // January to November both years: the growth per month is the plain growth.
    expect(analyseHistory(r).years[1].payoutGrowth).toBe(4020000 / 1500000 - 1);
  });
  it('flags 2015 for payouts outpacing contributions, with both growth figures', () => {
    const r = rows('wenzhou.csv');
    const a = analyseHistory(r);
    const flag = a.flags.find((f) => f.code === 'payout-growth-outpaces-contributions');
    expect(flag?.year).toBe(2015);
    expect(flag?.message).toContain('+168%');
    expect(flag?.message).toContain('+31%');
    const zh = analyseHistory(r, { lang: 'zh' }).flags.find(
      (f) => f.code === 'payout-growth-outpaces-contributions',
    );
    expect(zh?.message).toContain('+168%');
    expect(zh?.message).toContain('+31%');
  });
  it('flags the enrolment surge of 2015 and questions the fall in contributions per member', () => {
    const r = rows('wenzhou.csv');
    const a = analyseHistory(r);
    expect(a.flags.map((f) => [f.year, f.code])).toEqual([
      [2015, 'payout-growth-outpaces-contributions'],
      [2015, 'enrollment-surge'],
    ]);
    expect(a.warnings.map((w) => [w.year, w.code])).toEqual([[2015, 'contribution-per-member-jump']]);
  });
});

describe('beijing-transport.csv: five-year totals spread over the years (seed 000)', () => {
  it('adds up to the reported totals: 3.071 M member-years, 160 M contributions, 227.26 M payouts; 482,000 → 749,000', () => {
    const r = rows('beijing-transport.csv');
    expect(sum(r.map((x) => x.members))).toBe(3071000);
    expect(sum(r.map((x) => x.contributions!))).toBe(160000000);
    expect(sum(r.map((x) => x.payouts))).toBe(227260000);
    expect([r[0].members, r[4].members]).toEqual([482000, 749000]);
  });
  it('is flagged for its loss ratio, 142%, every year', () => {
    const r = rows('beijing-transport.csv');
    const a = analyseHistory(r);
    expect(a.flags.map((f) => f.code)).toEqual(Array(5).fill('loss-ratio-above-one'));
    for (const y of a.years) expect(Math.round(y.lossRatio! * 100)).toBe(142);
    expect(a.flags[0].message).toMatch(/are 142% of contributions/);
  });
});

describe('beijing-service.csv: the reported five-year averages (seed 000)', () => {
  it('adds up to 949,000 member-years and 129.535 M paid (25.907 M a year); contributions not reported', () => {
    const r = rows('beijing-service.csv');
    expect(sum(r.map((x) => x.members))).toBe(949000);
    expect(sum(r.map((x) => x.payouts))).toBe(129535000);
    expect(r.every((x) => x.contributions === null)).toBe(true);
    expect(analyseHistory(r).years.every((y) => y.lossRatio === null)).toBe(true);
  });
});

describe('xilingol.csv: as reported (seed 004)', () => {
  it('adds up to the reported 10,651 claims and 11.45 M paid', () => {
    const r = rows('xilingol.csv');
    expect(sum(r.map((x) => x.claimants!))).toBe(10651);
    expect(sum(r.map((x) => x.payouts))).toBe(11450000);
  });
  it('marks 2019 a part year (8 months, assumed) and measures the rate spread on 2020–2022 only', () => {
    const a = analyseHistory(rows('xilingol.csv'));
    expect(a.years.map((y) => y.months)).toEqual([8, 12, 12, 12]);
    // A year's rate in 2019: 126 claims over 46,703 members for 8 of 12 months.
    expect(a.years[0].claimRate).toBeCloseTo(126 / ((46703 * 8) / 12), 15);
    // Payout growth 2020 per month covered: (2,010,000 / 12) / (90,000 / 8) − 1 = 13.89.
    expect(a.years[1].payoutGrowth).toBeCloseTo(2010000 / 12 / (90000 / 8) - 1, 12);
    // The spread over 2020–2022 worked by hand in test/history/rateSpread.test.ts: 0.2235.
    expect(a.rateSpread?.years).toEqual([2020, 2021, 2022]);
    expect(a.rateSpread?.cv).toBeCloseTo(0.2235, 3);
  });
  it('questions 2019, a part year, for its low claim rate', () => {
    const r = rows('xilingol.csv');
    expect(analyseHistory(r).warnings.map((w) => [w.year, w.code])).toEqual([
      [2019, 'implausible-claim-rate'],
    ]);
  });
});

describe('hangzhou.csv: 2015 to 9 December (seed 001)', () => {
  it('has 720,000 members at 36 yuan and 15.35 M paid: a loss ratio of 59%, no flag', () => {
    const a = analyseHistory(rows('hangzhou.csv'));
    expect(a.years[0]).toMatchObject({ members: 720000, contributions: 720000 * 36, payouts: 15350000 });
    expect(Math.round(a.years[0].lossRatio! * 100)).toBe(59);
    expect(a.flags).toEqual([]);
    // 1 January to 9 December: 343 of 365 days, 11.28 months.
    expect(a.years[0].months).toBe(11.28);
    expect(Math.round((343 / 365) * 12 * 100) / 100).toBe(11.28);
  });
});

describe('inner-mongolia-regions.csv (seed 004)', () => {
  // Read inside each test, not here: code run while tests are collected is not seen under a
  // mutant that Stryker activates for the tests only (docs/mutation.md).
  const read = () => {
    const r = parseRegions(text('inner-mongolia-regions.csv'));
    return r.ok ? r.regions : [];
  };
  it("questions the forestry group's 85.45 M for 10,300 claims, and nothing else", () => {
    const w = checkAggregates(read());
    expect(w.map((x) => [x.region, x.code, x.value])).toEqual([
      ['Forestry group 内蒙古森工集团', 'implausible-average-benefit', 85450000],
    ]);
    expect(w[0].message).toContain('¥8,296 a claim');
    expect(w[0].message).toContain('¥8,545,000 would give ¥830');
  });
  it('keeps the figures as reported (Hohhot 9,111,314.67 for 6,712 claimants: 1,357.47 each)', () => {
    const hohhot = read().find((x) => x.name.startsWith('Hohhot'))!;
    expect(hohhot).toEqual({ name: 'Hohhot 呼和浩特', members: 152160, claimants: 6712, paid: 9111314.67 });
    expect(Math.round((hohhot.paid / hohhot.claimants!) * 100) / 100).toBe(1357.47);
  });
});
