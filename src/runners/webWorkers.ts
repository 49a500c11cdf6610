/**
 * Runner over Web Workers (the browser): one worker per core (navigator.hardwareConcurrency), the
 * same block plan as the CLI, so the browser and `simulate --json` agree. A worker that dies
 * mid-run (an `error` or `messageerror` event, or silence past the pool's watchdog) is replaced
 * by a fresh one that retries its block once (pool.ts). Cancelling or a failed run terminates the
 * pool; the next run starts fresh workers.
 */
import { oneAtATime, runOnPool, type WorkerLike } from './pool.ts';
import type { Runner } from '../engine/runner.ts';

function spawn(): WorkerLike {
  const worker = new Worker(new URL('../workers/simulate.web-worker.ts', import.meta.url), {
    type: 'module',
  });
  return {
    post: (msg) => worker.postMessage(msg),
    onMessage: (h) => {
      worker.onmessage = (e) => h(e.data);
    },
    onError: (h) => {
      worker.onerror = (e) => {
        e.preventDefault();
        h(e.message || 'the worker stopped');
      };
      worker.onmessageerror = () => h('a message from the worker could not be read');
    },
    terminate: () => worker.terminate(),
  };
}

export function webWorkersRunner(
  workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)),
  watchdogMs?: number,
): Runner {
  let pool: WorkerLike[] = [];
  const stop = () => {
    for (const w of pool) w.terminate();
    pool = [];
  };
  const replace = (dead: WorkerLike) => {
    dead.terminate();
    const fresh = spawn();
    const at = pool.indexOf(dead);
    if (at >= 0) pool[at] = fresh;
    else pool.push(fresh);
    return fresh;
  };
  const turn = oneAtATime();
  return {
    async run(plan, seed, blocks, options) {
      return turn(async () => {
        const count = Math.max(1, Math.min(workers, blocks.length));
        while (pool.length < count) pool.push(spawn());
        try {
          return await runOnPool(pool.slice(0, count), plan, seed, blocks, options, {
            recovery: { replace },
            watchdogMs,
          });
        } catch (e) {
          stop();
          throw e;
        }
      });
    },
    close: stop,
  };
}
