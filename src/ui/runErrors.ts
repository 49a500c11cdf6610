/**
 * A failed run in words: which kind of failure it was (a worker that died twice on the same
 * block, or an error the engine reported) and the sentence the run panel shows for it, wholly in
 * the screen's language; the technical detail (English, from the browser or the engine) is kept
 * apart for a tooltip. The scenario and the last complete result are never touched by a failure.
 */
import { WorkerFailedError } from '../runners/pool.ts';
import type { Labels } from './i18n.ts';

export type RunErrorKind = 'worker' | 'engine';

export function runErrorKind(e: unknown): RunErrorKind {
  return e instanceof WorkerFailedError ? 'worker' : 'engine';
}

/** The run panel's sentence for a failure and the technical detail behind it. */
export function runErrorText(e: unknown, l: Labels): { text: string; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  const text = e instanceof WorkerFailedError ? l.runWorkerFailed(e.blockStart) : l.runEngineFailed;
  return { text, detail };
}
