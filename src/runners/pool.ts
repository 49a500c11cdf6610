/**
 * A pool of workers running blocks: each worker gets the plan once, then the next unassigned
 * block whenever it finishes one. Results are returned in block order; which worker ran which
 * block never changes a number. Shared by the Node worker-thread and browser Web Worker runners,
 * which differ only in how a worker is made (`WorkerLike`).
 *
 * A worker that dies — it reports an error (an uncaught exception, a message that cannot be
 * read, an exit) or has not answered a block for `watchdogMs` — is detached and, when the runner
 * gives a `recovery`, replaced by a fresh worker that gets the plan and retries the block it held.
 * Blocks are deterministic, so a retried block gives the same numbers. A block that kills a
 * second worker fails the run with a `WorkerFailedError`. An error the engine reports as a value
 * (`{ type: 'error' }`) is not retried: the same block would fail the same way.
 *
 *   blocks ─▶ feed ─▶ worker ─▶ result ─▶ feed …
 *                       └─ dies ─▶ replace ─▶ fresh worker ─▶ plan, same block (once)
 */
import type { Block } from '../engine/blocks.ts';
import type { Plan } from '../engine/plan.ts';
import type { BlockResult } from '../engine/simulateBlock.ts';
import type { WorkerRequest, WorkerResponse } from '../workers/protocol.ts';
import { CancelledError, type RunOptions } from '../engine/runner.ts';

export interface WorkerLike {
  post(msg: WorkerRequest): void;
  onMessage(handler: (msg: WorkerResponse) => void): void;
  onError(handler: (message: string) => void): void;
  terminate(): void;
}

/** How a pool replaces dead workers. */
export interface PoolRecovery {
  /**
   * Ends `dead` (its handlers are already detached) and returns a fresh worker in its place;
   * the runner keeps the fresh one for later runs.
   */
  replace(dead: WorkerLike): WorkerLike;
}

export interface PoolOptions {
  recovery?: PoolRecovery;
  /** Milliseconds a worker may take over one block before it counts as dead. */
  watchdogMs?: number;
}

/** Generous: a block of 250 iterations takes well under a second on any scheme in scenarios/. */
/**
 * Makes the runs on one pool wait their turn: a run asked for while another is going starts when
 * that one has ended (either way). Two runs at once on the same workers would overwrite each
 * other's message handlers and mix their blocks' results (a caller whose earlier run was abandoned
 * unfinished — a timed-out test, say — would get another run's numbers).
 */
export function oneAtATime(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const next = last.then(job);
    last = next.catch(() => undefined);
    return next;
  };
}

export const WATCHDOG_MS = 60_000;

/** A run given up because its workers died: `blockStart` is the first iteration of the block. */
export class WorkerFailedError extends Error {
  constructor(
    readonly blockStart: number | null,
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(
      blockStart === null
        ? `a simulation worker failed: ${reason}`
        : `a simulation worker failed ${attempts === 1 ? 'once' : `${attempts} times`} on the block from iteration ${blockStart}: ${reason}`,
    );
    this.name = 'WorkerFailedError';
  }
}

interface Slot {
  worker: WorkerLike;
  /** Index of the block it is running, or null when idle. */
  block: number | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  dead: boolean;
}

export function runOnPool(
  workers: WorkerLike[],
  plan: Plan,
  seed: string,
  blocks: Block[],
  options: RunOptions = {},
  pool: PoolOptions = {},
): Promise<BlockResult[]> {
  const watchdogMs = pool.watchdogMs ?? WATCHDOG_MS;
  return new Promise((resolve, reject) => {
    const results: BlockResult[] = new Array(blocks.length);
    const failures = new Uint8Array(blocks.length);
    const retry: number[] = [];
    const slots: Slot[] = [];
    let next = 0,
      done = 0,
      finished = false;
    const index = new Map(blocks.map((b, i) => [b.start, i]));

    const finish = () => {
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const s of slots) clearTimeout(s.timer);
    };
    const fail = (e: Error) => {
      if (finished) return;
      finish();
      reject(e);
    };
    const onAbort = () => fail(new CancelledError());

    const feed = (slot: Slot) => {
      clearTimeout(slot.timer);
      const i = retry.length ? retry.shift()! : next < blocks.length ? next++ : null;
      slot.block = i;
      if (i === null || finished) return;
      slot.timer = setTimeout(
        () => died(slot, `no answer for ${Math.round(watchdogMs / 1000)} s`),
        watchdogMs,
      );
      slot.worker.post({ type: 'block', block: blocks[i] });
    };

    const died = (slot: Slot, reason: string) => {
      if (finished || slot.dead) return;
      slot.dead = true;
      clearTimeout(slot.timer);
      slot.worker.onMessage(() => {});
      slot.worker.onError(() => {});
      const i = slot.block;
      if (!pool.recovery) return fail(new WorkerFailedError(i === null ? null : blocks[i].start, 1, reason));
      if (i !== null) {
        failures[i]++;
        if (failures[i] > 1) return fail(new WorkerFailedError(blocks[i].start, failures[i], reason));
        retry.unshift(i);
      }
      let fresh: WorkerLike;
      try {
        fresh = pool.recovery.replace(slot.worker);
      } catch (e) {
        return fail(
          new WorkerFailedError(
            i === null ? null : blocks[i].start,
            1,
            `${reason}; no fresh worker: ${e instanceof Error ? e.message : String(e)}`,
          ),
        );
      }
      feed(start(fresh));
    };

    const start = (worker: WorkerLike): Slot => {
      const slot: Slot = { worker, block: null, timer: undefined, dead: false };
      slots.push(slot);
      worker.onMessage((msg) => {
        if (finished || slot.dead) return;
        if (msg.type === 'error') return fail(new Error(msg.message));
        const i = index.get(msg.result.start);
        if (i === undefined || results[i]) return;
        results[i] = msg.result;
        done++;
        options.onProgress?.(done, blocks.length);
        if (done === blocks.length) {
          finish();
          resolve(results);
        } else feed(slot);
      });
      worker.onError((message) => died(slot, message));
      worker.post({ type: 'plan', plan, seed });
      return slot;
    };

    if (options.signal?.aborted) return fail(new CancelledError());
    options.signal?.addEventListener('abort', onAbort);
    if (blocks.length === 0) {
      finish();
      return resolve([]);
    }
    for (const w of workers.map(start)) feed(w);
  });
}
