/**
 * Web Worker shell over the engine (the browser's twin of simulate.node-worker.ts): a plan once,
 * then blocks; each result posted back with its typed arrays transferred. Errors cross as values.
 */
import { hydrate, simulateBlock, type Hydrated } from '../engine/simulateBlock.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

let current: { hydrated: Hydrated; seed: string } | null = null;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'plan') {
      current = { hydrated: hydrate(msg.plan), seed: msg.seed };
      return;
    }
    if (!current) throw new Error('block received before a plan');
    const result = simulateBlock(current.hydrated, current.seed, msg.block);
    const response: WorkerResponse = { type: 'result', result };
    (self as unknown as Worker).postMessage(response, [result.totals.buffer as ArrayBuffer, result.byBenefit.buffer as ArrayBuffer]);
  } catch (e) {
    const response: WorkerResponse = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    (self as unknown as Worker).postMessage(response);
  }
};
