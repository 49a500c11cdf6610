import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { hydrate, simulateBlock, type Hydrated } from '../../src/engine/simulateBlock.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { runOnPool, WorkerFailedError, type PoolOptions, type WorkerLike } from '../../src/runners/pool.ts';
import { CancelledError, type Runner } from '../../src/engine/runner.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/workers/protocol.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

/**
 * How a fake worker misbehaves on its `at`-th block (1 = the first it is given):
 * 'error' reports an error event, 'messageerror' an unreadable message, 'silent' never answers,
 * 'engine' answers with an error value.
 */
type Fault = { kind: 'error' | 'messageerror' | 'silent' | 'engine'; at: number } | null;

interface Fake extends WorkerLike {
  terminated: boolean;
  blocks: number;
}

/** A WorkerLike running the engine in this thread, one macrotask per message, like a worker. */
function fakeWorker(fault: Fault): Fake {
  let current: { h: Hydrated; seed: string } | null = null;
  let onMessage: (m: WorkerResponse) => void = () => {};
  let onError: (m: string) => void = () => {};
  const me: Fake = {
    terminated: false,
    blocks: 0,
    post(msg: WorkerRequest) {
      setTimeout(() => {
        if (me.terminated) return;
        if (msg.type === 'plan') {
          current = { h: hydrate(msg.plan), seed: msg.seed };
          return;
        }
        me.blocks++;
        if (fault && fault.at === me.blocks) {
          if (fault.kind === 'silent') return;
          if (fault.kind === 'engine')
            return onMessage({ type: 'error', message: 'the engine refused the block' });
          onError(
            fault.kind === 'error' ? 'Uncaught Error: killed' : 'a message from the worker could not be read',
          );
          // A dying worker may still send its answer late: the pool must ignore it.
          onMessage({ type: 'result', result: simulateBlock(current!.h, current!.seed, msg.block) });
          return;
        }
        onMessage({ type: 'result', result: simulateBlock(current!.h, current!.seed, msg.block) });
      }, 0);
    },
    onMessage: (h) => {
      onMessage = h;
    },
    onError: (h) => {
      onError = h;
    },
    terminate: () => {
      me.terminated = true;
    },
  };
  return me;
}

/** A runner over fake workers: the first `faults.length` workers made get those faults, in order. */
function fakeRunner(
  faults: Fault[],
  size = 2,
  options: Omit<PoolOptions, 'recovery'> & { recover?: boolean } = {},
) {
  const made: Fake[] = [];
  const make = () => {
    const w = fakeWorker(faults[made.length] ?? null);
    made.push(w);
    return w;
  };
  const runner: Runner = {
    run(plan, seed, blocks, runOptions) {
      const pool = Array.from({ length: size }, make);
      return runOnPool(pool, plan, seed, blocks, runOptions, {
        watchdogMs: options.watchdogMs,
        recovery:
          options.recover === false
            ? undefined
            : {
                replace: (dead) => {
                  dead.terminate();
                  return make();
                },
              },
      });
    },
    close() {},
  };
  return { runner, made };
}

const scenario = readScenarioFile('hangzhou-2016.json');
const OPTS = { iterations: 2000, seed: 'pool' };

describe('a worker pool that loses a worker', () => {
  it('retries the block of a worker that reports an error on a fresh worker and gives the same numbers', async () => {
    const reference = await simulate(scenario, inlineRunner(), OPTS);
    const { runner, made } = fakeRunner([{ kind: 'error', at: 2 }]);
    const got = await simulate(scenario, runner, OPTS);
    expect(got.totals).toEqual(reference.totals);
    expect(got.byBenefit).toEqual(reference.byBenefit);
    expect(got.report).toEqual(reference.report);
    expect(made).toHaveLength(3);
    expect(made[0].terminated).toBe(true);
  });

  it('treats an unreadable message (messageerror) as a dead worker and retries its block', async () => {
    const reference = await simulate(scenario, inlineRunner(), OPTS);
    const { runner, made } = fakeRunner([null, { kind: 'messageerror', at: 1 }]);
    const got = await simulate(scenario, runner, OPTS);
    expect(got.totals).toEqual(reference.totals);
    expect(made[1].terminated).toBe(true);
  });

  it('treats a worker silent past the watchdog as dead and retries its block', async () => {
    const reference = await simulate(scenario, inlineRunner(), OPTS);
    const { runner, made } = fakeRunner([{ kind: 'silent', at: 3 }], 2, { watchdogMs: 100 });
    const got = await simulate(scenario, runner, OPTS);
    expect(got.totals).toEqual(reference.totals);
    expect(made).toHaveLength(3);
    expect(made[0].terminated).toBe(true);
  });

  it('rejects with a clear error when a block kills a second worker', async () => {
    const { runner, made } = fakeRunner([{ kind: 'error', at: 2 }, null, { kind: 'error', at: 1 }]);
    const run = simulate(scenario, runner, OPTS);
    await expect(run).rejects.toBeInstanceOf(WorkerFailedError);
    await expect(run).rejects.toThrow(
      /failed 2 times on the block from iteration \d+: Uncaught Error: killed/,
    );
    expect(made).toHaveLength(3);
  });

  it('rejects at once when the runner gives no way to replace a worker', async () => {
    const { runner, made } = fakeRunner([{ kind: 'error', at: 1 }], 2, { recover: false });
    await expect(simulate(scenario, runner, OPTS)).rejects.toThrow(
      /a simulation worker failed once on the block from iteration 0/,
    );
    expect(made).toHaveLength(2);
  });

  it('does not retry an error the engine reports as a value (the same block fails the same way)', async () => {
    const { runner, made } = fakeRunner([{ kind: 'engine', at: 1 }]);
    await expect(simulate(scenario, runner, OPTS)).rejects.toThrow('the engine refused the block');
    expect(made).toHaveLength(2);
  });

  it('still cancels through the signal while a block is being retried', async () => {
    const controller = new AbortController();
    const { runner } = fakeRunner(
      [
        { kind: 'silent', at: 1 },
        { kind: 'silent', at: 1 },
      ],
      2,
      { watchdogMs: 10_000 },
    );
    const run = simulate(scenario, runner, { ...OPTS, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it('names the block and the reason in the error', () => {
    const e = new WorkerFailedError(250, 2, 'no answer for 60 s');
    expect(e.message).toBe(
      'a simulation worker failed 2 times on the block from iteration 250: no answer for 60 s',
    );
    expect(e.name).toBe('WorkerFailedError');
  });
});
