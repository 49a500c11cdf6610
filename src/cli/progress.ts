/**
 * The progress line of long runs (simulate, compare, project) on stderr, when it is a terminal:
 * one line with the share done and the time left, rewritten in place (`\r`, then erase to the end
 * of the line) at most every `intervalMs`, and erased when the run ends, so the terminal is left
 * as it was and stdout (a report, or `--json`) never sees it. Nothing at all when stderr is not a
 * terminal (a pipe, a file, CI) or with `--quiet`.
 *
 *   runner ─▶ progressRunner(runner, parts) ─▶ onProgress(done, total) ─▶ fraction of all parts
 *          ─▶ line.update(fraction) ─▶ "\r模拟中 42%，约剩 3 秒\x1b[K" ─▶ … ─▶ line.clear()
 *
 * Time left is the rate since the first report (which comes after the worker threads have
 * started) applied to the share still to do: (t − t₁)·(1 − f)/(f − f₁); until a second report it
 * is "estimating".
 */
import type { Lang } from '../domain/format.ts';
import type { Runner } from '../engine/runner.ts';
import { progressText } from './text.ts';

export interface ProgressLine {
  /** Shows `fraction` (0 to 1) of the work as done. */
  update(fraction: number): void;
  /** Erases the line (if one was drawn). */
  clear(): void;
}

/** A line that draws nothing: stderr is not a terminal, or `--quiet`. */
export const noProgress: ProgressLine = { update: () => {}, clear: () => {} };

/** The line on `stream` (a terminal), throttled to one redraw per `intervalMs`. */
export function terminalProgress(
  stream: { write(s: string): unknown },
  lang: Lang,
  { intervalMs = 100, now = () => performance.now() } = {},
): ProgressLine {
  let first: { t: number; fraction: number } | null = null;
  let drawn = false;
  let last = -Infinity;
  return {
    update(fraction) {
      const t = now();
      first ??= { t, fraction };
      if (t - last < intervalMs && fraction < 1) return;
      last = t;
      const rate = fraction > first.fraction ? (fraction - first.fraction) / ((t - first.t) / 1000) : 0;
      const left = rate > 0 ? (1 - fraction) / rate : null;
      stream.write(`\r${progressText(Math.min(1, fraction), left, lang)}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * The progress line for this process: drawn on stderr only when it is a terminal and `quiet` is
 * not set.
 */
export function stderrProgress(lang: Lang, quiet: boolean): ProgressLine {
  return process.stderr.isTTY && !quiet ? terminalProgress(process.stderr, lang) : noProgress;
}

/**
 * A runner for a sequence of `parts` runs (a comparison runs one per version, a projection one per
 * year) that reports the share done of the whole sequence to `line`. The blocks and their numbers
 * are the inner runner's, unchanged; the inner runner belongs to the caller.
 */
export function progressRunner(inner: Runner, parts: number, line: ProgressLine): Runner {
  let part = 0;
  return {
    run(plan, seed, blocks, options = {}) {
      const k = part++;
      return inner.run(plan, seed, blocks, {
        ...options,
        onProgress: (done, total) => {
          options.onProgress?.(done, total);
          line.update(Math.min(1, (k + done / total) / parts));
        },
      });
    },
    close() {},
  };
}
