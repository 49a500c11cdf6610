/**
 * One interface for running the blocks of a simulation, whatever runs them: inline (tests,
 * small runs), Node worker threads (CLI) or Web Workers (browser). A runner returns every
 * block's result; the caller assembles them by `start`, so the assignment of blocks to
 * workers never changes a number. The engine owns the interface (simulate, project and compare
 * take a Runner); the implementations live in runners/, above the engine.
 */
import type { Block } from './blocks.ts';
import type { Plan } from './plan.ts';
import type { BlockResult } from './simulateBlock.ts';

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Runner {
  run(plan: Plan, seed: string, blocks: Block[], options?: RunOptions): Promise<BlockResult[]>;
  close(): Promise<void> | void;
}

/** Thrown (rejected) when a run is cancelled through its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('the simulation was cancelled');
    this.name = 'CancelledError';
  }
}
