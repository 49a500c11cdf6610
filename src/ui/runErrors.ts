/**
 * A failed run in words: which kind of failure it was (a worker that died twice on the same
 * block, or an error the engine reported) and the sentence the run panel shows for it, wholly in
 * the screen's language; the technical detail (English, from the browser or the engine) is kept
 * apart for a tooltip. The scenario and the last complete result are never touched by a failure.
 */
import type { Lang } from '../domain/format.ts';
import { RunRefusedError } from '../engine/workBudget.ts';
import { refusalLine } from '../messages/refusals.ts';
import { WorkerFailedError } from '../runners/pool.ts';
import type { Labels } from './i18n.ts';

export type RunErrorKind = 'worker' | 'engine';

export function runErrorKind(e: unknown): RunErrorKind {
  return e instanceof WorkerFailedError ? 'worker' : 'engine';
}

/**
 * The run panel's sentence for a failure and the technical detail behind it. A run refused as too
 * much work (engine/workBudget.ts) shows its own line, `path: message`, as the command line does.
 */
export function runErrorText(e: unknown, l: Labels, lang: Lang): { text: string; detail: string } {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof RunRefusedError) return { text: refusalLine(lang, e.refusal), detail };
  const text = e instanceof WorkerFailedError ? l.runWorkerFailed(e.blockStart) : l.runEngineFailed;
  return { text, detail };
}

/** A failure's message after a view's prefix: a refusal's line in the screen's language, else the error's own. */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof RunRefusedError) return refusalLine(lang, e.refusal);
  return e instanceof Error ? e.message : String(e);
}
