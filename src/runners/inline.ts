/** The inline runner: every block in the calling thread, in order. For tests and small runs. */
import { hydrate, simulateBlock } from '../engine/simulateBlock.ts';
import { CancelledError, type Runner } from '../engine/runner.ts';

export function inlineRunner(): Runner {
  return {
    async run(plan, seed, blocks, options = {}) {
      const h = hydrate(plan);
      const results = [];
      for (const block of blocks) {
        if (options.signal?.aborted) throw new CancelledError();
        results.push(simulateBlock(h, seed, block));
        options.onProgress?.(results.length, blocks.length);
      }
      return results;
    },
    close() {},
  };
}
