/**
 * The words of a command that could not finish, in English and Chinese: a simulation worker
 * that died twice on the same block (runners/pool.ts, `WorkerFailedError`). The command line
 * prints one of these as its one line on stderr (exit 2, docs/cli.md).
 * @example failureText('en', { code: 'worker-failed', params: { blockStart: 250, attempts: 2, reason: 'the worker thread exited with code 3' } })
 * // 'a simulation worker thread stopped on the block from iteration 251 and again on a fresh thread (the worker thread exited with code 3): no result; the scenario is not at fault, try again'
 */
import { type Catalogue, type Lang, say } from './catalogue.ts';

export interface FailureParams {
  /**
   * `blockStart`: first iteration (from 0) of the block, null when no block was running;
   * `attempts`: threads it killed; `reason`: the last death in the runner's words (English,
   * shown in the English text only, so that a Chinese line stays Chinese).
   */
  'worker-failed': { blockStart: number | null; attempts: number; reason: string };
}

export type Failure = {
  [C in keyof FailureParams]: { code: C; params: FailureParams[C] };
}[keyof FailureParams];

const iteration = (start: number, locale: string) => (start + 1).toLocaleString(locale);

export const FAILURE_TEXTS: Catalogue<FailureParams> = {
  en: {
    'worker-failed': (p) =>
      `a simulation worker thread stopped${p.blockStart === null ? '' : ` on the block from iteration ${iteration(p.blockStart, 'en-US')}`}${p.attempts > 1 ? ' and again on a fresh thread' : ''} (${p.reason}): no result; the scenario is not at fault, try again`,
  },
  zh: {
    'worker-failed': (p) =>
      `模拟的工作线程意外停止${p.blockStart === null ? '' : `（自第 ${iteration(p.blockStart, 'zh-CN')} 次模拟起的一组）`}${p.attempts > 1 ? '，换用新线程重试后再次停止' : ''}：未得到结果；方案文件没有问题，可以再试一次`,
  },
};

export function failureText(lang: Lang, f: Failure): string {
  return say(FAILURE_TEXTS[lang], f);
}
