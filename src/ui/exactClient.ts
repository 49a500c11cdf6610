/**
 * The page's side of the exact worker (exact.worker.ts): started on the first request, asked one
 * thing at a time. A sensitivity asked for while another is being computed waits, and is replaced
 * (its promise resolved with null) if a newer one comes first: after a burst of edits only the
 * last scenario is computed. Without an exact method in the engine, every answer is null at once.
 */
import type { Scenario } from '../domain/scenario.ts';
import type { Sensitivity } from '../engine/sensitivity.ts';
import { hasExact, type ExactPreview, type ExactRefused } from './exact.ts';
import type { ExactRequest, ExactResponse } from './exact.worker.ts';

type Ask =
  | { type: 'prob-deficit'; scenarios: Scenario[] }
  | { type: 'sensitivity'; scenario: Scenario }
  | { type: 'preview'; scenario: Scenario };
interface Job {
  ask: Ask;
  resolve: (r: ExactResponse | null) => void;
}

export function createExactClient() {
  let worker: Worker | null = null;
  let busy: Job | null = null;
  const queue: Job[] = [];
  let nextId = 1;

  function start(): Worker {
    const w = new Worker(new URL('./exact.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ExactResponse>) => finish(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      worker?.terminate();
      worker = null;
      finish(null);
    };
    return w;
  }

  function finish(response: ExactResponse | null) {
    busy?.resolve(response && response.type !== 'error' ? response : null);
    busy = null;
    pump();
  }

  function pump() {
    if (busy || queue.length === 0) return;
    busy = queue.shift()!;
    worker ??= start();
    worker.postMessage({ id: nextId++, ...busy.ask } as ExactRequest);
  }

  function ask(a: Ask): Promise<ExactResponse | null> {
    if (!hasExact) return Promise.resolve(null);
    return new Promise((resolve) => {
      if (a.type === 'sensitivity' || a.type === 'preview') {
        for (const old of queue.filter((j) => j.ask.type === a.type)) {
          queue.splice(queue.indexOf(old), 1);
          old.resolve(null);
        }
      }
      queue.push({ ask: a, resolve });
      pump();
    });
  }

  return {
    available: hasExact,
    /** Stops the worker; what was asked and not yet answered resolves to null. */
    close() {
      worker?.terminate();
      worker = null;
      for (const job of queue.splice(0)) job.resolve(null);
      finish(null);
    },
    /**
     * The exact distribution for the preview, the method's refusal, or null (no method, it
     * failed, or a newer request replaced it).
     */
    async preview(scenario: Scenario): Promise<ExactPreview | ExactRefused | null> {
      const r = await ask({ type: 'preview', scenario });
      return r?.type === 'preview' ? r.result : null;
    },
    /** Exact P(deficit) per scenario (null where the method fails), or null without the method. */
    async probDeficits(scenarios: Scenario[]): Promise<(number | null)[] | null> {
      const r = await ask({ type: 'prob-deficit', scenarios });
      return r?.type === 'prob-deficit' ? r.values : null;
    },
    /** The sensitivity with exact P(deficit), or null (no method, it failed, or a newer request replaced it). */
    async sensitivity(scenario: Scenario): Promise<Sensitivity | null> {
      const r = await ask({ type: 'sensitivity', scenario });
      return r?.type === 'sensitivity' ? r.result : null;
    },
  };
}

export type ExactClient = ReturnType<typeof createExactClient>;
