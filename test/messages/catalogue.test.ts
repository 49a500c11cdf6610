/**
 * The message catalogue (src/messages): every code the engine can raise has words in both
 * languages, the compiler refuses a table that misses a code or reads a parameter the code does
 * not carry, and the texts are in their own language.
 */
import { describe, expect, it } from 'vitest';
import type { CompareFlag, Flag, ReportFlagParams } from '../../src/domain/flags.ts';
import type { Texts } from '../../src/messages/catalogue.ts';
import {
  COMPARE_FLAG_TEXTS,
  flagText,
  REPORT_FLAG_TEXTS,
  VERDICT_FLAG_TEXTS,
} from '../../src/messages/flags.ts';
import { WARNING_TEXTS } from '../../src/messages/warnings.ts';
import { FAILURE_TEXTS, failureText } from '../../src/messages/failures.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** One flag of every code (both shapes of heavy-tail), with figures worked out by hand. */
const EVERY_FLAG: (Flag | CompareFlag)[] = [
  { code: 'backstop-at-risk', params: { prob: 0.0712, limit: 0.05 } },
  { code: 'large-surplus', params: { ratio: 0.42 } },
  {
    code: 'mc-standard-error-large',
    params: { standardError: 1234.5, mean: 61725, expected: 60000, iterations: 500 },
  },
  { code: 'mc-standard-error-large', params: { standardError: 0, mean: 0, expected: 12.5, iterations: 500 } },
  { code: 'mc-mean-off', params: { mean: 1000, expected: 1010, standardErrors: 5 } },
  { code: 'heavy-tail', params: { benefit: 'self-pay', shape: 1.5 } },
  { code: 'heavy-tail', params: { above: 2, iterations: 500 } },
  { code: 'few-claims', params: { claims: 12.34 } },
  { code: 'payout-growth-outpaces-contributions', params: { payoutGrowth: 1.68, incomeGrowth: 0.31 } },
];

describe('the catalogue', () => {
  it('has the same codes in English and Chinese, in every area', () => {
    for (const area of [VERDICT_FLAG_TEXTS, WARNING_TEXTS, COMPARE_FLAG_TEXTS, REPORT_FLAG_TEXTS]) {
      expect(Object.keys(area.zh).sort()).toEqual(Object.keys(area.en).sort());
    }
    const codes = new Set(EVERY_FLAG.map((f) => f.code));
    expect([...codes].sort()).toEqual(
      [...Object.keys(REPORT_FLAG_TEXTS.en), ...Object.keys(COMPARE_FLAG_TEXTS.en)].sort(),
    );
  });

  it('puts the figures in words: English without Chinese, Chinese with it, one line, nothing unfilled', () => {
    for (const f of EVERY_FLAG) {
      const en = flagText('en', f);
      const zh = flagText('zh', f);
      expect(en).not.toMatch(CJK);
      expect(zh).toMatch(CJK);
      for (const t of [en, zh]) expect(t).not.toMatch(/NaN|undefined|\[object|\n/);
    }
  });

  it('formats the figures the same way in both languages', () => {
    expect(flagText('en', EVERY_FLAG[0])).toBe(
      'the backstop is not enough in 7.1% of periods (more than 5.0%)',
    );
    expect(flagText('zh', EVERY_FLAG[0])).toBe('有 7.1% 的年份托底资金不足（超过 5.0%）');
    expect(flagText('en', EVERY_FLAG[2])).toContain('(¥1,234.5) is 2.0% of the simulated mean');
    expect(flagText('zh', EVERY_FLAG[2])).toContain('（¥1,234.5）为模拟均值的 2.0%');
    expect(flagText('en', EVERY_FLAG[6])).toBe(
      'only 2 of 500 simulated periods lie above the 99.5% quantile: run at least 2,000 iterations for p99.5',
    );
    expect(flagText('en', EVERY_FLAG[8])).toContain('expected payout +168% against income +31%');
    expect(flagText('en', EVERY_FLAG[8])).toContain('137 percentage points faster');
    const zeroError: Flag = { code: 'mc-mean-off', params: { mean: 0, expected: 0.5, standardErrors: null } };
    expect(flagText('en', zeroError)).toContain(
      '(¥0) is ∞ standard errors from the exact expectation (¥0.5)',
    );
    expect(flagText('zh', zeroError)).toContain('相差 ∞ 个标准误');
  });
});

describe('the compiler', () => {
  it('refuses a table without a code and a text that reads a parameter the code does not carry', () => {
    // @ts-expect-error 'few-claims' is missing
    const missing: Texts<Pick<ReportFlagParams, 'large-surplus' | 'few-claims'>> = {
      'large-surplus': () => 'x',
    };
    const wrong: Texts<Pick<ReportFlagParams, 'large-surplus'>> = {
      // @ts-expect-error large-surplus carries `ratio`, not `prob`
      'large-surplus': (p) => `${p.prob}`,
    };
    // @ts-expect-error a flag's params must be those of its code
    const badFlag: Flag = { code: 'few-claims', params: { ratio: 1 } };
    expect([missing, wrong, badFlag]).toHaveLength(3);
  });
});

describe('the words of a failed command', () => {
  it('name the block counted from 1, in English with the runner’s reason and in Chinese without it', () => {
    const f = {
      code: 'worker-failed',
      params: { blockStart: 250, attempts: 2, reason: 'the worker thread exited with code 3' },
    } as const;
    expect(failureText('en', f)).toBe(
      'a simulation worker thread stopped on the block from iteration 251 and again on a fresh thread (the worker thread exited with code 3): no result; the scenario is not at fault, try again',
    );
    expect(failureText('zh', f)).toMatch(
      /^模拟的工作线程意外停止（自第 251 次模拟起的一组），换用新线程重试后再次停止：/,
    );
    expect(failureText('zh', f)).not.toMatch(/[A-Za-z]/);
    const once = { code: 'worker-failed', params: { blockStart: null, attempts: 1, reason: 'x' } } as const;
    expect(failureText('en', once)).toBe(
      'a simulation worker thread stopped (x): no result; the scenario is not at fault, try again',
    );
    expect(Object.keys(FAILURE_TEXTS.zh).sort()).toEqual(Object.keys(FAILURE_TEXTS.en).sort());
  });
});
