/**
 * A pool of workers running blocks: each worker gets the plan once, then the next unassigned
 * block whenever it finishes one. Results are returned in block order; which worker ran which
 * block never changes a number. Shared by the Node worker-thread and browser Web Worker runners,
 * which differ only in how a worker is made (`WorkerLike`).
 */
import type { Block } from '../engine/blocks.ts';
import type { Plan } from '../engine/plan.ts';
import type { BlockResult } from '../engine/simulateBlock.ts';
import type { WorkerRequest, WorkerResponse } from '../workers/protocol.ts';
import { CancelledError, type RunOptions } from './runner.ts';

export interface WorkerLike {
  post(msg: WorkerRequest): void;
  onMessage(handler: (msg: WorkerResponse) => void): void;
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

export function runOnPool(
  workers: WorkerLike[], plan: Plan, seed: string, blocks: Block[], options: RunOptions = {},
): Promise<BlockResult[]> {
  return new Promise((resolve, reject) => {
    const results: BlockResult[] = new Array(blocks.length);
    let next = 0, done = 0, failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      options.signal?.removeEventListener('abort', onAbort);
      reject(e);
    };
    const onAbort = () => fail(new CancelledError());
    if (options.signal?.aborted) return fail(new CancelledError());
    options.signal?.addEventListener('abort', onAbort);
    const index = new Map(blocks.map((b, i) => [b.start, i]));
    const feed = (w: WorkerLike) => {
      if (next < blocks.length && !failed) w.post({ type: 'block', block: blocks[next++] });
    };
    for (const w of workers) {
      w.onMessage((msg) => {
        if (failed) return;
        if (msg.type === 'error') return fail(new Error(msg.message));
        results[index.get(msg.result.start)!] = msg.result;
        done++;
        options.onProgress?.(done, blocks.length);
        if (done === blocks.length) {
          options.signal?.removeEventListener('abort', onAbort);
          resolve(results);
        } else feed(w);
      });
      w.onError((message) => fail(new Error(`a simulation worker failed: ${message}`)));
      w.post({ type: 'plan', plan, seed });
    }
    if (blocks.length === 0) return resolve([]);
    for (const w of workers) feed(w);
  });
}
