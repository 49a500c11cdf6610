/**
 * Runner over Web Workers (the browser): one worker per core (navigator.hardwareConcurrency), the
 * same block plan as the CLI, so the browser and `simulate --json` agree. Cancelling or a failed
 * worker terminates the pool; the next run starts fresh workers.
 */
import { runOnPool, type WorkerLike } from './pool.ts';
import type { Runner } from './runner.ts';

function spawn(): WorkerLike & { worker: Worker } {
  const worker = new Worker(new URL('../workers/simulate.web-worker.ts', import.meta.url), { type: 'module' });
  return {
    worker,
    post: (msg) => worker.postMessage(msg),
    onMessage: (h) => { worker.onmessage = (e) => h(e.data); },
    onError: (h) => { worker.onerror = (e) => { e.preventDefault(); h(e.message || 'the worker stopped'); }; },
    terminate: () => worker.terminate(),
  };
}

export function webWorkersRunner(workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2))): Runner {
  let pool: ReturnType<typeof spawn>[] = [];
  const stop = () => {
    for (const w of pool) w.terminate();
    pool = [];
  };
  return {
    async run(plan, seed, blocks, options) {
      const count = Math.max(1, Math.min(workers, blocks.length));
      while (pool.length < count) pool.push(spawn());
      try {
        return await runOnPool(pool.slice(0, count), plan, seed, blocks, options);
      } catch (e) {
        stop();
        throw e;
      }
    },
    close: stop,
  };
}
