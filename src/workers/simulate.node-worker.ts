/**
 * Worker-thread shell over the engine: receives a plan once, then blocks; answers each block
 * with its result, transferring the typed arrays. Errors cross the boundary as values.
 */
import { parentPort } from 'node:worker_threads';
import { hydrate, simulateBlock, type Hydrated } from '../engine/simulateBlock.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

let current: { hydrated: Hydrated; seed: string } | null = null;
const port = parentPort!;

port.on('message', (msg: WorkerRequest) => {
  try {
    if (msg.type === 'plan') {
      current = { hydrated: hydrate(msg.plan), seed: msg.seed };
      return;
    }
    if (!current) throw new Error('block received before a plan');
    const result = simulateBlock(current.hydrated, current.seed, msg.block);
    const response: WorkerResponse = { type: 'result', result };
    port.postMessage(response, [result.totals.buffer as ArrayBuffer, result.byBenefit.buffer as ArrayBuffer]);
  } catch (e) {
    const response: WorkerResponse = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(response);
  }
});
