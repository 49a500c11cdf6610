/**
 * The Node worker-thread runner (the CLI's) survives a dead thread as the browser's pool does:
 * real threads, a real exit from inside the thread (the `exitOnBlock` test hook), and the
 * inline runner — no threads at all — as the undisturbed reference.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { project } from '../../src/engine/project.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { WorkerFailedError } from '../../src/runners/pool.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const scenario = readScenarioFile('hangzhou-2016.json');
const OPTS = { iterations: 1500, seed: 'dead-thread' };

describe('the worker-thread runner when a thread dies', () => {
  it('retries the block of a thread that exits on a fresh thread and gives the undisturbed numbers bit for bit', async () => {
    const reference = await simulate(scenario, inlineRunner(), OPTS);
    const runner = nodeThreadsRunner(2, { exitOnBlock: { start: 500, times: 1 } });
    try {
      const got = await simulate(scenario, runner, OPTS);
      expect(got.totals).toEqual(reference.totals);
      expect(got.byBenefit).toEqual(reference.byBenefit);
      expect(got.report).toEqual(reference.report);
    } finally {
      await runner.close();
    }
  }, 180_000);

  it('survives a death in a projection (one run per year) with the same fan', async () => {
    const years = 2;
    const reference = await project(scenario, inlineRunner(), { years, iterations: 500, seed: 'p' });
    const runner = nodeThreadsRunner(2, { exitOnBlock: { start: 250, times: 1 } });
    try {
      expect(await project(scenario, runner, { years, iterations: 500, seed: 'p' })).toEqual(reference);
    } finally {
      await runner.close();
    }
  }, 180_000);

  it('fails with a WorkerFailedError naming the block, two attempts and the exit when the fresh thread dies too', async () => {
    const runner = nodeThreadsRunner(2, { exitOnBlock: { start: 750, times: 2 } });
    try {
      const run = simulate(scenario, runner, OPTS);
      await expect(run).rejects.toBeInstanceOf(WorkerFailedError);
      await expect(run).rejects.toMatchObject({
        blockStart: 750,
        attempts: 2,
        reason: 'the worker thread exited with code 3',
      });
    } finally {
      await runner.close();
    }
  }, 180_000);
});

describe('the worker-thread runner asked for two runs at once', () => {
  it('gives each run its own numbers, as if run one after the other', async () => {
    const other = readScenarioFile('jiaxing-2015.json');
    const [refA, refB] = [
      await simulate(scenario, inlineRunner(), OPTS),
      await simulate(other, inlineRunner(), { iterations: 1000, seed: 'other' }),
    ];
    const runner = nodeThreadsRunner(2);
    try {
      const [a, b] = await Promise.all([
        simulate(scenario, runner, OPTS),
        simulate(other, runner, { iterations: 1000, seed: 'other' }),
      ]);
      expect(a.totals).toEqual(refA.totals);
      expect(b.totals).toEqual(refB.totals);
    } finally {
      await runner.close();
    }
  }, 180_000);
});
