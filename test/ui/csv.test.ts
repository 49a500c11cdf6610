import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.ts';
import { BOM, csvField, reportCsv, toCsv } from '../../src/ui/csv.ts';

/** A report's counts when a test has no use for them. */
const NO_COUNTS = { claimants: [], beneficiaries: [], beneficiaryTimes: 0, averageBenefit: null };

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text and numbers as they are, numbers at full precision', () => {
    expect(csvField('杭州 2016')).toBe('杭州 2016');
    expect(csvField(0.7163208654467937)).toBe('0.7163208654467937');
    expect(csvField(-1500)).toBe('-1500');
  });
  it('quotes a field with a comma, a quote, a line break or surrounding spaces, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });
  it('writes nothing for null, undefined and numbers that are not finite', () => {
    expect([null, undefined, NaN, Infinity].map(csvField)).toEqual(['', '', '', '']);
  });
  it('defuses text that a spreadsheet would read as a formula, but never a number', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-2)).toBe('-2');
  });
  it('joins rows with CRLF after a byte-order mark, ending with a line break', () => {
    expect(
      toCsv([
        ['key', 'value'],
        ['name', 'a,b'],
      ]),
    ).toBe(`${BOM}key,value\r\nname,"a,b"\r\n`);
  });
});

describe('the results as CSV', () => {
  const q = { p50: 1, p75: 2, p90: 3, p95: 4, p99: 5, p995: 6 };
  const report: Report = {
    format: 'huzhu-report/1',
    name: 'x',
    iterations: 500,
    seed: 's',
    method: 'mc',
    income: 12000,
    expenses: 0,
    expected: { payout: 40000, lossRatio: 40000 / 12000, ...NO_COUNTS },
    simulated: {
      mean: 36410,
      sd: 44330,
      standardError: 1982.6,
      quantiles: q,
      probDeficit: 0.832,
      probBeyondBackstop: 0.76,
      ...NO_COUNTS,
    },
    benefits: [],
    groups: [],
    limits: [],
    breakEvenContribution: 200,
    contributionAtConfidence: 463.81,
    verdict: 'deficit-beyond-backstop',
    flags: [
      { code: 'heavy-tail', params: { above: 2, iterations: 500 } },
      { code: 'few-claims', params: { claims: 10 } },
    ],
  };
  const flagRows = (lang: 'en' | 'zh') =>
    reportCsv(report, lang)
      .split('\r\n')
      .filter((r) => r.startsWith('flags.'));

  it('ends with one row per flag and warning, its words in the screen’s language', () => {
    expect(flagRows('en')).toEqual([
      'flags.heavy-tail,Flags,"only 2 of 500 simulated periods lie above the 99.5% quantile: run at least 2,000 iterations for p99.5"',
      'flags.few-claims,Flags,"only 10 claims are expected per period: the payout is lumpy, and its quantiles and probabilities move in jumps"',
    ]);
    expect(flagRows('zh')).toEqual([
      'flags.heavy-tail,提示,"500 次模拟中只有 2 次高于 99.5% 分位数：估计 p99.5 至少需要 2,000 次模拟"',
      'flags.few-claims,提示,每期预期仅有 10 起理赔：支出分布呈跳跃状，分位数和概率会跳跃式变化',
    ]);
  });
});
