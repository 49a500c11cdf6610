/**
 * `--method fft` on a scenario the exact method cannot compute accurately (docs/cli.md,
 * "simulate"): one line naming why, exit 2, never figures. The heavy-tail fixture (an uncapped
 * Pareto cost of shape 1.1) has E[S] = 200·0.05·½·4000/0.1 = 200,000; its distribution on the
 * grid has a mean of about 182,369, 8.8% short: the tail beyond the grid carries the rest.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const HEAVY = 'test/fixtures/heavy-tail/heavy-tail.json';

const cli = (...args: string[]) => runCli(args);

describe('the exact method refusing a heavy tail on the command line', () => {
  it('simulate --method fft --lang en: one English line naming the mean against E[S], exit 2, nothing on stdout', () => {
    const r = cli('simulate', HEAVY, '--method', 'fft', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "the exact method (FFT) cannot compute this scenario accurately: its distribution's mean (¥182,369) is 8.8% off the exact expectation (¥200,000), more than 0.0001%: part of the payout lies beyond its grid (a tail too heavy for it, such as an uncapped cost with a Pareto tail); use the Monte Carlo (--method mc)\n",
    );
  }, 120_000);

  it('simulate --method fft --json in Chinese by default and solve (exact by default): the same refusal, one line, exit 2', () => {
    for (const args of [
      ['simulate', HEAVY, '--method', 'fft', '--json'],
      ['solve', HEAVY],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^精确方法（FFT）无法准确计算此方案：算得分布的均值（¥182,369）与精确期望（¥200,000）相差 8\.8%/,
      );
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
