/**
 * What a history file's counts count (docs/scenario-format.md, "History files"): a unit in
 * brackets after `members` or `claimants` — people (人) or times (人次: enrolments, benefit-times) —
 * read by the parser, and used by the analysis: claims (人次) are compared as claims, never as
 * claimants, and are left out of the rate spread and of calibration. Expected values are worked by
 * hand here from the figures in the files and the source (Beijing, 000).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationYears } from '../../src/history/calibrationYears.ts';
import { headerCounts } from '../../src/history/headerAliases.ts';
import type { HistoryRow } from '../../src/history/historyRow.ts';
import { analyseHistory as analyse } from '../../src/history/analyseHistory.ts';
import { countsText } from '../../src/messages/rateSpread.ts';
import { analyseHistory, parseHistory } from './worded.ts';

const rowsOf = (text: string): HistoryRow[] => {
  const r = parseHistory(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.rows;
};
const data = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Xilingol's whole years 2020–2022 (data/xilingol.csv): a rate spread of 0.22 when read as claimants. */
const XILINGOL = '2020,68727,,2010000,2054\n2021,79944,,4420000,3944\n2022,106094,,4930000,4527\n';

describe('the header says what a count counts', () => {
  it.each([
    ['members (人次)', 'times'],
    ['claimants（人次）', 'times'],
    ['claimants (person-times)', 'times'],
    ['Claimants (Times)', 'times'],
    ['members (人)', 'people'],
    ['claimants (people)', 'people'],
    ['members (persons)', 'people'],
    ['claimants', null],
    ['受益人次', null],
    ['payouts (yuan)', null],
    ['支出（万元）', null],
  ])('%s → %s', (header, kind) => {
    expect(headerCounts(header)).toBe(kind);
  });

  it('every row of a file whose header says carries it; a file that does not say is read as before', () => {
    const said = rowsOf(
      'year,members (人次),contributions,payouts,claimants (people)\n2020,100,50,40,3\n2021,120,60,50,4\n',
    );
    expect(said.map((r) => r.counted)).toEqual([
      { members: 'times', claimants: 'people' },
      { members: 'times', claimants: 'people' },
    ]);
    const plain = rowsOf('year,members,contributions,payouts,claimants\n2020,100,50,40,3\n');
    expect(plain).toEqual([{ year: 2020, members: 100, contributions: 50, payouts: 40, claimants: 3 }]);
    // the unit is a label of the column: the figures are read the same
    expect(said[0]).toEqual({ ...plain[0], counted: { members: 'times', claimants: 'people' } });
  });
});

describe('claims (人次) are not claimants', () => {
  it('the years say so; the claim rate and the average are per claim, the loss ratio and flags unchanged', () => {
    const a = analyseHistory(
      rowsOf('year,members (人次),contributions,payouts,claimants (人次)\n2020,1000,50000,60000,400\n'),
    );
    expect(a.years[0]).toMatchObject({
      membersCounted: 'times',
      claimantsCounted: 'times',
      claimRate: 400 / 1000,
      averageBenefit: 60000 / 400,
      lossRatio: 60000 / 50000,
    });
    expect(a.flags.map((f) => f.code)).toEqual(['loss-ratio-above-one']);
    const plain = analyseHistory(
      rowsOf('year,members,contributions,payouts,claimants\n2020,1000,50000,60000,400\n'),
    );
    expect(plain.years[0].membersCounted).toBeUndefined();
    expect(plain.years[0].claimantsCounted).toBeUndefined();
  });

  it('are left out of the rate spread: Xilingol’s three years give 0.22 read as claimants, nothing read as claims', () => {
    const asClaimants = analyseHistory(rowsOf(`year,members,contributions,payouts,claimants\n${XILINGOL}`));
    expect(asClaimants.rateSpread?.cv).toBeCloseTo(0.22, 2);
    const asClaims = analyseHistory(
      rowsOf(`year,members (人次),contributions,payouts,claimants (人次)\n${XILINGOL}`),
    );
    expect(asClaims.rateSpread).toBeNull();
    // people said outright is what an unmarked file is read as
    const asPeople = analyseHistory(
      rowsOf(`year,members,contributions,payouts,claimants (people)\n${XILINGOL}`),
    );
    expect(asPeople.rateSpread).toEqual(asClaimants.rateSpread);
  });

  it('more claims than members is no data problem; more claimants than members is', () => {
    const text = (unit: string) =>
      `year,members,contributions,payouts,claimants${unit}\n2020,100,5000,30000,150\n`;
    const codes = (unit: string) => analyseHistory(rowsOf(text(unit))).warnings.map((w) => w.code);
    expect(codes(' (人次)')).not.toContain('claimants-above-members');
    expect(codes('')).toContain('claimants-above-members');
    expect(codes(' (人)')).toContain('claimants-above-members');
  });

  it('are compared as claims: an average of 20 yuan is questioned "a claim", not "a claimant"', () => {
    const a = analyseHistory(
      rowsOf('year,members,contributions,payouts,claimants (人次)\n2020,1000,5000,2000,100\n'),
    );
    const w = a.warnings.find((x) => x.code === 'payouts-inconsistent-with-claimants');
    expect(w?.message).toMatch(/a claim\b/);
    expect(w?.message).not.toMatch(/claimant/);
    const plain = analyseHistory(
      rowsOf('year,members,contributions,payouts,claimants\n2020,1000,5000,2000,100\n'),
    );
    expect(plain.warnings.find((x) => x.code === 'payouts-inconsistent-with-claimants')?.message).toMatch(
      /a claimant/,
    );
  });

  it('are left out of calibration (a claims count would be fitted as a claimant rate)', () => {
    const rows = rowsOf(`year,members,contributions,payouts,claimants (人次)\n${XILINGOL}`);
    expect(calibrationYears(rows, new Set([2020, 2021, 2022]), null)).toEqual([]);
    const people = rowsOf(`year,members,contributions,payouts,claimants (人)\n${XILINGOL}`);
    expect(calibrationYears(people, new Set([2021]), null)).toEqual([
      { year: 2021, members: 79944, claimants: 3944, paid: 4420000 },
    ]);
  });
});

describe('Beijing’s files count 人次 (000)', () => {
  it('transport: 3,071,000 enrolments and 1,017,000 benefit-times, spread over the years as members are; 223.46 a claim', () => {
    const r = rowsOf(data('beijing-transport.csv'));
    expect(r.every((x) => x.counted?.members === 'times' && x.counted?.claimants === 'times')).toBe(true);
    expect(sum(r.map((x) => x.members))).toBe(3_071_000);
    expect(sum(r.map((x) => x.claimants!))).toBe(1_017_000);
    // in proportion to member-years: 1,017,000 × 482,000 / 3,071,000 = 159,620.3 → 159,620
    expect(r[0].claimants).toBe(Math.round((1_017_000 * 482_000) / 3_071_000));
    for (const x of r) expect(Math.abs(x.claimants! - (1_017_000 * x.members) / 3_071_000)).toBeLessThan(1);
    const a = analyseHistory(r);
    for (const y of a.years) {
      expect(y.claimRate).toBeCloseTo(1_017_000 / 3_071_000, 5); // 33.1 claims per 100 enrolments
      expect(y.averageBenefit).toBeCloseTo(227_260_000 / 1_017_000, 0); // 223 a claim; 1,364 a person (177,000)
    }
    expect(a.rateSpread).toBeNull();
    expect(a.warnings).toEqual([]);
  });
  it('service trades: 949,000 enrolments and 766,000 benefit-times, the five-year averages; 169.11 a claim', () => {
    const r = rowsOf(data('beijing-service.csv'));
    expect(r.every((x) => x.counted?.members === 'times' && x.counted?.claimants === 'times')).toBe(true);
    expect(sum(r.map((x) => x.claimants!))).toBe(766_000);
    const a = analyseHistory(r);
    expect(a.years[0].averageBenefit).toBeCloseTo(129_535_000 / 766_000, 2);
    expect(a.rateSpread).toBeNull();
  });
});

describe('the summary says what the counts count (CLI history and the Experience view)', () => {
  const text = (csv: string, lang: 'zh' | 'en') => countsText(analyse(rowsOf(csv)), lang);
  it('Wenzhou: members are enrolments (332,874人次), claimants people (受益职工2236人)', () => {
    expect(countsText(analyse(rowsOf(data('wenzhou.csv'))), 'en')).toBe(
      'Counts: members in person-times (enrolments: a member enrolled twice counts twice); claimants in people (each once)',
    );
    expect(countsText(analyse(rowsOf(data('wenzhou.csv'))), 'zh')).toBe(
      '计数口径：会员按人次计（参保人次：同一人每次参保各计一次）；受益按人数计（每人只计一次）',
    );
  });
  it('Beijing: both in 人次; a file that says nothing has no such line', () => {
    expect(countsText(analyse(rowsOf(data('beijing-transport.csv'))), 'en')).toBe(
      'Counts: members in person-times (enrolments: a member enrolled twice counts twice); claimants in person-times (claims: each benefit paid counts once)',
    );
    expect(countsText(analyse(rowsOf(data('xilingol.csv'))), 'en')).toBe(null);
    expect(text(`year,members,contributions,payouts,claimants\n${XILINGOL}`, 'zh')).toBe(null);
  });
  it('only the count a header marks is named', () => {
    expect(text(`year,members,contributions,payouts,claimants (人次)\n${XILINGOL}`, 'en')).toBe(
      'Counts: claimants in person-times (claims: each benefit paid counts once)',
    );
  });
});
