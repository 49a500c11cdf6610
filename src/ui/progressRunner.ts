/**
 * A runner for a sequence of `parts` runs (compareVersions simulates one version after another)
 * that reports progress over the whole sequence, from 0 to 1, and cancels through one signal.
 * It overrides whatever options each run passes, so the engine needs no progress or cancel
 * plumbing of its own; the blocks and their numbers are the inner runner's, unchanged.
 */
import type { Runner, RunOptions } from '../engine/runner.ts';

export function progressRunner(inner: Runner, parts: number, options: RunOptions): Runner {
  let part = 0;
  return {
    run(plan, seed, blocks) {
      const k = part++;
      return inner.run(plan, seed, blocks, {
        signal: options.signal,
        onProgress: (done, total) => options.onProgress?.(Math.min(1, (k + done / total) / parts), 1),
      });
    },
    close() {
      /* the inner runner belongs to the caller */
    },
  };
}
