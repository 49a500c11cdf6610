/**
 * The command line survives a dead worker thread (docs/cli.md, "Worker threads"): the block is
 * retried once on a fresh thread with the same numbers; a second death is one line, exit 2.
 * Deaths are injected with the test hook HUZHU_TEST_WORKER_EXIT="<start>[x<times>]".
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/** The CLI with `HUZHU_TEST_WORKER_EXIT` set to `exit`, or unset. */
const cli = (exit: string | undefined, ...args: string[]) => runCli(args, { HUZHU_TEST_WORKER_EXIT: exit });

const SIMULATE = [
  'simulate',
  'scenarios/wenzhou-2015.json',
  '--iterations',
  '1000',
  '--workers',
  '2',
  '--json',
];

describe('a worker thread that dies under the command line', () => {
  it('once: the block is retried on a fresh thread and --json is byte-identical to an undisturbed run', () => {
    const undisturbed = cli(undefined, ...SIMULATE);
    const once = cli('500', ...SIMULATE);
    expect(undisturbed.code).toBe(0);
    expect(once.code).toBe(0);
    expect(once.stderr).toBe('');
    expect(once.stdout).toBe(undisturbed.stdout);
  }, 240_000);

  it('twice on the same block: one line in Chinese by default, exit 2, nothing on stdout, no stack trace', () => {
    const r = cli('500x2', ...SIMULATE.filter((a) => a !== '--json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      '模拟的工作线程意外停止（自第 501 次模拟起的一组），换用新线程重试后再次停止：未得到结果；方案文件没有问题，可以再试一次\n',
    );
  }, 240_000);

  it('twice in a projection, with --lang en: one line in English naming the block and the exit, exit 2', () => {
    const r = cli(
      '250x2',
      'project',
      'scenarios/hangzhou-2016.json',
      '--years',
      '2',
      '--iterations',
      '500',
      '--workers',
      '2',
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'a simulation worker thread stopped on the block from iteration 251 and again on a fresh thread (the worker thread exited with code 3): no result; the scenario is not at fault, try again\n',
    );
  }, 240_000);
});
