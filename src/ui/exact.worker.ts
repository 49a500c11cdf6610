/**
 * Web Worker shell over ui/exact.ts: exact P(deficit) of several scenarios, or the sensitivity of
 * one with exact P(deficit). One request at a time, answered with its id; errors cross as values.
 */
import type { Scenario } from '../domain/scenario.ts';
import type { Sensitivity } from '../engine/sensitivity.ts';
import {
  exactPreview,
  exactProbDeficit,
  exactSensitivity,
  type ExactPreview,
  type ExactRefused,
} from './exact.ts';

export type ExactRequest =
  | { id: number; type: 'prob-deficit'; scenarios: Scenario[] }
  | { id: number; type: 'sensitivity'; scenario: Scenario }
  | { id: number; type: 'preview'; scenario: Scenario };

export type ExactResponse =
  | { id: number; type: 'prob-deficit'; values: (number | null)[] }
  | { id: number; type: 'sensitivity'; result: Sensitivity | null }
  | { id: number; type: 'preview'; result: ExactPreview | ExactRefused | null }
  | { id: number; type: 'error'; message: string };

self.onmessage = (event: MessageEvent<ExactRequest>) => {
  const msg = event.data;
  let response: ExactResponse;
  try {
    response =
      msg.type === 'prob-deficit'
        ? {
            id: msg.id,
            type: 'prob-deficit',
            values: msg.scenarios.map((s) => {
              const p = exactProbDeficit(s);
              return Number.isFinite(p) ? p : null;
            }),
          }
        : msg.type === 'preview'
          ? { id: msg.id, type: 'preview', result: exactPreview(msg.scenario) }
          : { id: msg.id, type: 'sensitivity', result: exactSensitivity(msg.scenario) };
  } catch (e) {
    response = { id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(response);
};
