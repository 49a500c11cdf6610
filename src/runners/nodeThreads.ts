/**
 * Runner over Node worker threads (the CLI): `workers` threads, default one per core.
 * Workers are started lazily, kept for the runner's life, and ended by `close()`; a cancelled
 * or failed run terminates them (the next run starts fresh ones).
 *
 * A thread that dies mid-run — an uncaught error, an exit (any exit code: a thread the pool has
 * not ended has no reason to stop), a message that cannot be read, or silence past the pool's
 * watchdog — is ended and replaced by a fresh thread that retries its block once, as the
 * browser's Web Worker runner does (pool.ts). Blocks are deterministic, so the retried run gives
 * the numbers of an undisturbed one; a block that kills a second thread fails the run with a
 * `WorkerFailedError`.
 *
 * Test hook (never set in a normal run): `exitOnBlock: { start, times }` makes the first `times`
 * threads given the block that starts at iteration `start` exit (code 3, from inside the thread)
 * instead of running it. Without the hook the threads are made and fed exactly as before.
 * The CLI sets it from the environment variable `HUZHU_TEST_WORKER_EXIT="<start>[x<times>]"`
 * (docs/cli.md, "Worker threads").
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { oneAtATime, runOnPool, type WorkerLike } from './pool.ts';
import type { Block } from '../engine/blocks.ts';
import type { Runner } from '../engine/runner.ts';

/**
 * The worker's entry. Run from source (tsx, vitest) this module is a .ts file and the worker is the
 * wrapper that registers tsx; in the built command (dist-cli/, test/buildCli.mjs) this code is part
 * of huzhu.mjs and the worker is the bundle next to it.
 */
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../workers/node-worker.mjs', import.meta.url)
  : new URL('./huzhu-worker.mjs', import.meta.url);

/** Injected deaths (tests only): threads given the block from `start` exit, `times` times in all. */
export interface ExitOnBlock {
  start: number;
  times: number;
}

export interface NodeThreadsOptions {
  /** Test hook: see the file's comment. */
  exitOnBlock?: ExitOnBlock;
  /** Milliseconds a thread may take over one block before it counts as dead (pool.ts). */
  watchdogMs?: number;
}

type Thread = WorkerLike & { worker: Worker };

/** A thread; `exitNow(block)` (test hook) says whether to make it exit instead of posting the block. */
function spawn(exitNow?: (block: Block) => boolean): Thread {
  const worker = new Worker(workerUrl, exitNow ? { workerData: { testExit: true } } : {});
  let onMessage: (m: never) => void = () => {};
  let onError: (m: string) => void = () => {};
  worker.on('message', (m) => onMessage(m as never));
  worker.on('messageerror', () => onError('a message from the worker thread could not be read'));
  worker.on('error', (e) => onError(e.message));
  worker.on('exit', (code) => onError(`the worker thread exited with code ${code}`));
  return {
    worker,
    post: (msg) => {
      if (exitNow && msg.type === 'block' && exitNow(msg.block)) worker.postMessage({ type: 'test-exit' });
      else worker.postMessage(msg);
    },
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

export function nodeThreadsRunner(
  workers = availableParallelism(),
  options: NodeThreadsOptions = {},
): Runner {
  let pool: Thread[] = [];
  const hook = options.exitOnBlock;
  let injected = hook?.times ?? 0;
  const exitNow = hook
    ? (block: Block) => {
        if (block.start !== hook.start || injected === 0) return false;
        injected--;
        return true;
      }
    : undefined;
  const make = () => spawn(exitNow);
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
  const replace = (dead: WorkerLike) => {
    dead.terminate();
    const fresh = make();
    const at = pool.indexOf(dead as Thread);
    if (at >= 0) pool[at] = fresh;
    else pool.push(fresh);
    return fresh;
  };
  const turn = oneAtATime();
  return {
    async run(plan, seed, blocks, runOptions) {
      return turn(async () => {
        const count = Math.max(1, Math.min(workers, blocks.length));
        while (pool.length < count) pool.push(make());
        try {
          return await runOnPool(pool.slice(0, count), plan, seed, blocks, runOptions, {
            recovery: { replace },
            watchdogMs: options.watchdogMs,
          });
        } catch (e) {
          await stop();
          throw e;
        }
      });
    },
    close: stop,
  };
}
