/**
 * The workbench's state and its autosave. The draft is the scenario as the user is editing it —
 * possibly invalid — and is never replaced by anything that fails validation. Every change is
 * written to localStorage at once, so a reload (or a crashed tab) restores it.
 *
 * Listeners are told which part changed: 'scenario' (a new file or a structural edit: rebuild the
 * editor), 'edit' (a value typed: revalidate and preview), 'run', 'lang'.
 */
import type { Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Problem, Scenario } from '../domain/scenario.ts';
import { validateScenario } from '../io/validate.ts';
import type { Draft } from './paths.ts';

export type Change = 'scenario' | 'edit' | 'run' | 'lang';

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: number;
  report: Report | null;
  totals: Float64Array | null;
  /** The scenario the report belongs to. */
  scenario: Scenario | null;
  error: string | null;
}

export interface State {
  draft: Draft;
  lang: Lang;
  dirty: boolean;
  problems: Problem[];
  valid: Scenario | null;
  run: RunState;
}

export const AUTOSAVE_KEY = 'huzhu.workbench.v1';

export function createStore(initial: { draft: Draft; lang: Lang; dirty?: boolean }) {
  const listeners: ((change: Change) => void)[] = [];
  const state: State = {
    draft: initial.draft, lang: initial.lang, dirty: initial.dirty ?? false, problems: [], valid: null,
    run: { status: 'idle', progress: 0, report: null, totals: null, scenario: null, error: null },
  };
  const revalidate = () => {
    const result = validateScenario(state.draft, { lang: state.lang });
    state.valid = result.ok ? result.scenario : null;
    state.problems = result.ok ? [] : result.problems;
  };
  const persist = () => {
    try {
      localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ draft: state.draft, dirty: state.dirty, lang: state.lang }));
    } catch { /* storage full or disabled: the work stays in memory */ }
  };
  const emit = (change: Change) => { for (const l of listeners) l(change); };
  revalidate();
  return {
    state,
    subscribe(listener: (change: Change) => void) { listeners.push(listener); },
    /** A value edited in place (the draft object was mutated by the caller). */
    edited(structural = false) {
      state.dirty = true;
      revalidate();
      persist();
      emit(structural ? 'scenario' : 'edit');
    },
    /** A whole scenario opened (already validated by the caller). */
    open(draft: Draft) {
      state.draft = draft;
      state.dirty = false;
      revalidate();
      persist();
      emit('scenario');
    },
    saved() { state.dirty = false; persist(); },
    setLang(lang: Lang) {
      state.lang = lang;
      revalidate();
      persist();
      emit('lang');
    },
    setRun(patch: Partial<RunState>) {
      Object.assign(state.run, patch);
      emit('run');
    },
  };
}

export type Store = ReturnType<typeof createStore>;

/** The autosaved work, if any. */
export function restore(): { draft: Draft; dirty: boolean; lang?: Lang } | null {
  try {
    const raw = localStorage.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw);
    if (saved && typeof saved.draft === 'object' && saved.draft !== null) return saved;
  } catch { /* unreadable autosave: start afresh */ }
  return null;
}
