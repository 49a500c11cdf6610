/**
 * Runner over Node worker threads (the CLI): `workers` threads, default one per core.
 * Workers are started lazily, kept for the runner's life, and ended by `close()`; a cancelled
 * or failed run terminates them (the next run starts fresh ones).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runOnPool, type WorkerLike } from './pool.ts';
import type { Runner } from '../engine/runner.ts';

const workerUrl = new URL('../workers/node-worker.mjs', import.meta.url);

function spawn(): WorkerLike & { worker: Worker } {
  const worker = new Worker(workerUrl);
  let onMessage: (m: never) => void = () => {};
  let onError: (m: string) => void = () => {};
  worker.on('message', (m) => onMessage(m as never));
  worker.on('error', (e) => onError(e.message));
  worker.on('exit', (code) => {
    if (code !== 0) onError(`exited with code ${code}`);
  });
  return {
    worker,
    post: (msg) => worker.postMessage(msg),
    onMessage: (h) => {
      onMessage = h as never;
    },
    onError: (h) => {
      onError = h;
    },
    terminate: () => {
      void worker.terminate();
    },
  };
}

export function nodeThreadsRunner(workers = availableParallelism()): Runner {
  let pool: ReturnType<typeof spawn>[] = [];
  const stop = async () => {
    const old = pool;
    pool = [];
    await Promise.all(
      old.map((w) => {
        w.onError(() => {});
        return w.worker.terminate();
      }),
    );
  };
  return {
    async run(plan, seed, blocks, options) {
      const count = Math.max(1, Math.min(workers, blocks.length));
      while (pool.length < count) pool.push(spawn());
      try {
        return await runOnPool(pool.slice(0, count), plan, seed, blocks, options);
      } catch (e) {
        await stop();
        throw e;
      }
    },
    close: stop,
  };
}
