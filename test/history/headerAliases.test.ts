/**
 * src/history/headerAliases.ts: the header names federations write, as a contract. Each table's
 * aliases are listed here in full, in Chinese as the sheets write them, with the column each
 * stands for; then how a header cell is read (trimmed, any case, full-width spaces, a unit in
 * brackets after the name dropped: yuan, persons or person-times, in either script's brackets, or a
 * unit of ten thousand, which multiplies the figures by 10,000), what a count column says it
 * counts, and a figure × 10⁴ written exactly as a decimal exponent.
 *
 * The alias tables are built when the module loads, so each test imports the module afresh:
 * a change to a table shows in the test that reads it, not only in the first test of the run.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('../../src/history/headerAliases.ts');
let m: Module;
beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/history/headerAliases.ts');
});

const MEMBERS = ['参保人数', '参保人员', '会员人数', '参加人数', '入会人数'];
const CLAIMANTS = ['受益人数', '受助人数'];
const CLAIMS = ['受益人次', '受助人次'];
const PAYOUTS = ['支出', '支付金额', '互助金支出', '赔付金额', '给付金额'];
const to = (names: string[], column: string) => Object.fromEntries(names.map((n) => [n, column]));

describe('the alias tables, in full', () => {
  it('a history table: year, members, contributions, payouts, claimants (人数 and 人次), projects, months', () => {
    expect(m.HISTORY_ALIASES).toEqual({
      年份: 'year',
      年度: 'year',
      ...to(MEMBERS, 'members'),
      ...to(['互助金收入', '筹集金额', '互助金筹集', '收入', '互助费'], 'contributions'),
      ...to(PAYOUTS, 'payouts'),
      ...to([...CLAIMANTS, ...CLAIMS], 'claimants'),
      ...to(['项目', '互助项目', '保障项目'], 'projects'),
      ...to(['月数', '覆盖月数'], 'months'),
    });
  });
  it('a regional table: region, member-years (or members), claimants (人数), claims (人次), paid', () => {
    expect(m.REGION_ALIASES).toEqual({
      ...to(['地区', '地区名称', '盟市'], 'region'),
      ...to(['参保人年', ...MEMBERS], 'member-years'),
      ...to(CLAIMANTS, 'claimants'),
      ...to(CLAIMS, 'claims'),
      ...to(PAYOUTS, 'paid'),
    });
  });
  it('a district table: district, year, members, claimants (人数 and 人次)', () => {
    expect(m.DISTRICT_ALIASES).toEqual({
      ...to(['区县', '县区', '区县名称'], 'district'),
      年份: 'year',
      年度: 'year',
      ...to(MEMBERS, 'members'),
      ...to([...CLAIMANTS, ...CLAIMS], 'claimants'),
    });
  });
  it('a claims table: the cost', () => {
    expect(m.CLAIM_ALIASES).toEqual(to(['费用', '医疗费用', '金额'], 'cost'));
  });
});

describe('canonicalColumn: a header cell read', () => {
  it('trimmed, in any case, full-width spaces dropped; an alias or the name itself', () => {
    const c = (raw: string) => m.canonicalColumn(raw, m.HISTORY_ALIASES);
    expect(c(' 年份 ')).toBe('year');
    expect(c('\u3000年度\u3000')).toBe('year');
    expect(c('Members')).toBe('members');
    expect(c('PAYOUTS ')).toBe('payouts');
    expect(c('受益人次')).toBe('claimants');
    expect(c('地区')).toBe('地区'); // a regional header is not a history column
    expect(m.canonicalColumn('地区', m.REGION_ALIASES)).toBe('region');
    expect(c('toString')).toBe('tostring'); // own keys only: not Object.prototype's
  });
  it('a unit in brackets after the name is dropped: yuan, persons, person-times, in either script', () => {
    const c = (raw: string) => m.canonicalColumn(raw, m.HISTORY_ALIASES);
    for (const [raw, column] of [
      ['支出（元）', 'payouts'],
      ['支出(元)', 'payouts'],
      ['支出 ( 元 )', 'payouts'],
      ['参保人数（人）', 'members'],
      ['受益人次（人次）', 'claimants'],
      ['payouts (yuan)', 'payouts'],
      ['members (people)', 'members'],
      ['members (persons)', 'members'],
      ['claimants (times)', 'claimants'],
      ['claimants (person-times)', 'claimants'],
      ['支出（万元）', 'payouts'],
      ['支出(万)', 'payouts'],
      ['参保人数（万人）', 'members'],
      ['受益人次（万人次）', 'claimants'],
      ['payouts (10,000 yuan)', 'payouts'],
      ['payouts (10000 yuan)', 'payouts'],
      ['payouts (10k yuan)', 'payouts'],
    ])
      expect(c(raw), raw).toBe(column);
  });
  it('only a unit at the end, in brackets, is dropped: other brackets and units stay part of the name', () => {
    const c = (raw: string) => m.canonicalColumn(raw, m.HISTORY_ALIASES);
    expect(c('支出（美元）')).toBe('支出（美元）');
    expect(c('支出 元')).toBe('支出 元');
    expect(c('支出（元）合计')).toBe('支出（元）合计');
    expect(c('payouts (dollars)')).toBe('payouts (dollars)');
    expect(c('payouts(yuan)')).toBe('payouts');
    expect(c('支出x(元)')).toBe('支出x');
  });
});

describe('headerScale: figures in ten thousands', () => {
  it('× 10,000 for 万, 万元, 万人, 万人次 and 10,000 / 10k yuan in either script’s brackets; else × 1', () => {
    for (const raw of [
      '支出（万元）',
      '支出(万元)',
      '支出 ( 万元 )',
      '支出（万）',
      '参保人数（万人）',
      '受益人次(万人次)',
      'payouts (10,000 yuan)',
      'payouts (10000 yuan)',
      'payouts (10k yuan)',
      '\u3000支出（万元）\u3000',
    ])
      expect(m.headerScale(raw), raw).toBe(10_000);
    for (const raw of [
      '支出',
      '支出（元）',
      '万元',
      '支出（万元）合计',
      'payouts (yuan)',
      'payouts (100 yuan)',
    ])
      expect(m.headerScale(raw), raw).toBe(1);
  });
});

describe('headerCounts: what a count column says it counts', () => {
  it('people for 人, people, persons, 万人; times for 人次, times, person-times, 万人次; null when it does not say', () => {
    for (const raw of [
      '受益人数（人）',
      'members (people)',
      'members (persons)',
      '参保人数（万人）',
      'x(人)',
    ])
      expect(m.headerCounts(raw), raw).toBe('people');
    for (const raw of [
      '受益人次（人次）',
      'claimants (times)',
      'claimants (person-times)',
      '受益人次(万人次)',
      ' x （ 人次 ） ',
    ])
      expect(m.headerCounts(raw), raw).toBe('times');
    for (const raw of [
      '受益人次',
      '受益人数',
      'claimants',
      '支出（元）',
      '支出（万元）',
      'members (persons) x',
    ])
      expect(m.headerCounts(raw), raw).toBeNull();
  });
});

describe('scaleByTenThousand: a figure × 10⁴ as a decimal exponent, exactly', () => {
  it('raises a plain number’s exponent by 4, whatever its sign, point or exponent', () => {
    for (const [text, out] of [
      ['402.15', '402.15e4'],
      [' 402.15 ', '402.15e4'],
      ['12', '12e4'],
      ['12.', '12.e4'],
      ['.5', '.5e4'],
      ['-3.25', '-3.25e4'],
      ['+7', '+7e4'],
      ['1e3', '1e7'],
      ['1.5E-2', '1.5e2'],
      ['2e+1', '2e5'],
      ['25e-10', '25e-6'],
    ])
      expect(m.scaleByTenThousand(text), text).toBe(out);
    // the results read as the figures × 10,000
    expect(Number(m.scaleByTenThousand('402.15'))).toBe(4_021_500);
    expect(Number(m.scaleByTenThousand('.5'))).toBe(5000);
  });
  it('leaves anything else as written, for the cell rules to refuse', () => {
    for (const text of [
      '',
      ' ',
      '4,020,000',
      'abc',
      '1.2.3',
      '.',
      '-',
      'e5',
      '5e',
      '1e2.5',
      '12 34',
      '--5',
      '1x',
    ])
      expect(m.scaleByTenThousand(text), JSON.stringify(text)).toBe(text);
  });
});
