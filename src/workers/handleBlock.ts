/**
 * The message handling both worker shells share (Node worker threads and Web Workers): a plan
 * once, then blocks; each result returned with its typed arrays to transfer. Errors become values.
 */
import { hydrate, simulateBlock, type Hydrated } from '../engine/simulateBlock.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export function createBlockHandler(post: (response: WorkerResponse, transfer?: ArrayBuffer[]) => void) {
  let current: { hydrated: Hydrated; seed: string } | null = null;
  return (msg: WorkerRequest): void => {
    try {
      if (msg.type === 'plan') {
        current = { hydrated: hydrate(msg.plan), seed: msg.seed };
        return;
      }
      if (!current) throw new Error('block received before a plan');
      const result = simulateBlock(current.hydrated, current.seed, msg.block);
      post({ type: 'result', result }, [
        result.totals.buffer as ArrayBuffer,
        result.byBenefit.buffer as ArrayBuffer,
      ]);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}
