/** Messages between a runner and its simulation workers (Node threads and Web Workers alike). */
import type { Block } from '../engine/blocks.ts';
import type { Plan } from '../engine/plan.ts';
import type { BlockResult } from '../engine/simulateBlock.ts';

export type WorkerRequest = { type: 'plan'; plan: Plan; seed: string } | { type: 'block'; block: Block };

export type WorkerResponse = { type: 'result'; result: BlockResult } | { type: 'error'; message: string };
