/**
 * The workbench's state and its autosave. The draft is the scenario as the user is editing it —
 * possibly invalid — and is never replaced by anything that fails validation. Every change is
 * written to localStorage at once, so a reload (or a crashed tab) restores it.
 *
 * The views' own state lives here too (`views`: the compare selections, the projection's years,
 * the history file shown) and is autosaved apart (VIEWS_KEY), so a reload shows them again and a
 * full storage loses them, never the draft. The tab shown and the last comparison are kept in
 * memory only.
 *
 * Listeners are told which part changed: 'scenario' (a new file or a structural edit: rebuild the
 * editor), 'edit' (a value typed: revalidate and preview), 'run', 'lang', 'tab' (another view
 * shown), 'compare' (a comparison completed).
 */
import type { Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ScenarioProblem } from '../domain/validation.ts';
import { validateScenario } from '../io/validate.ts';
import type { CompareResult } from './compare.ts';
import type { Draft } from './paths.ts';

export type Change = 'scenario' | 'edit' | 'run' | 'lang' | 'tab' | 'compare';

export type Tab = 'workbench' | 'compare' | 'projection' | 'history' | 'report';

/** What each view was left showing; every field is what the user chose or typed, as typed. */
export interface ViewState {
  compare: {
    /** Per slot: '', 'draft', 'example:<file>' or 'file:<n>' (an index into `files`). */
    slots: string[];
    /** Scenario files opened for comparison, as canonical text (revalidated when read). */
    files: { name: string; text: string }[];
    iterations: string;
    seed: string;
  };
  projection: { years: string; iterations: string; seed: string };
  /** The history table shown: its name and text (a bundled file or one opened). */
  history: { name: string; text: string } | null;
}

export const defaultViewState = (): ViewState => ({
  compare: { slots: ['', 'draft', '', ''], files: [], iterations: '', seed: '' },
  projection: { years: '', iterations: '', seed: '' },
  history: null,
});

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
  /** The draft's problems, as codes: each view words them in the screen's language. */
  problems: ScenarioProblem[];
  valid: Scenario | null;
  run: RunState;
  views: ViewState;
  tab: Tab;
  /** The last comparison (the report shows it). */
  compare: CompareResult | null;
}

export const AUTOSAVE_KEY = 'huzhu.workbench.v1';
export const VIEWS_KEY = 'huzhu.views.v1';

export function createStore(initial: { draft: Draft; lang: Lang; dirty?: boolean; views?: ViewState }) {
  const listeners: ((change: Change) => void)[] = [];
  const state: State = {
    draft: initial.draft,
    lang: initial.lang,
    dirty: initial.dirty ?? false,
    problems: [],
    valid: null,
    run: { status: 'idle', progress: 0, report: null, totals: null, scenario: null, error: null },
    views: initial.views ?? defaultViewState(),
    tab: 'workbench',
    compare: null,
  };
  const revalidate = () => {
    const result = validateScenario(state.draft);
    state.valid = result.ok ? result.scenario : null;
    state.problems = result.ok ? [] : result.problems;
  };
  const persist = () => {
    try {
      localStorage.setItem(
        AUTOSAVE_KEY,
        JSON.stringify({ draft: state.draft, dirty: state.dirty, lang: state.lang }),
      );
    } catch {
      /* storage full or disabled: the work stays in memory */
    }
  };
  const emit = (change: Change) => {
    for (const l of listeners) l(change);
  };
  revalidate();
  return {
    state,
    subscribe(listener: (change: Change) => void) {
      listeners.push(listener);
    },
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
    saved() {
      state.dirty = false;
      persist();
    },
    setLang(lang: Lang) {
      state.lang = lang;
      persist();
      emit('lang');
    },
    setRun(patch: Partial<RunState>) {
      Object.assign(state.run, patch);
      emit('run');
    },
    /** A view's state changed (a selection, a typed value): autosaved; the view has shown it already. */
    setViews<K extends keyof ViewState>(key: K, value: ViewState[K]) {
      state.views[key] = value;
      try {
        localStorage.setItem(VIEWS_KEY, JSON.stringify(state.views));
      } catch {
        /* storage full or disabled: the view state stays in memory */
      }
    },
    setTab(tab: Tab) {
      state.tab = tab;
      emit('tab');
    },
    setCompare(result: CompareResult | null) {
      state.compare = result;
      emit('compare');
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
  } catch {
    /* unreadable autosave: start afresh */
  }
  return null;
}

/** The autosaved view state, each part checked for its shape; what does not fit is the default. */
export function restoreViews(): ViewState {
  const views = defaultViewState();
  try {
    const saved = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? 'null');
    const text = (x: unknown) => (typeof x === 'string' ? x : '');
    const c = saved?.compare;
    if (c && Array.isArray(c.slots) && Array.isArray(c.files)) {
      views.compare = {
        slots: views.compare.slots.map((_, i) => text(c.slots[i])),
        files: c.files
          .filter((f: unknown) => typeof (f as { text?: unknown })?.text === 'string')
          .map((f: { name?: unknown; text: string }) => ({ name: text(f.name), text: f.text })),
        iterations: text(c.iterations),
        seed: text(c.seed),
      };
    }
    const p = saved?.projection;
    if (p && typeof p === 'object')
      views.projection = { years: text(p.years), iterations: text(p.iterations), seed: text(p.seed) };
    const hist = saved?.history;
    if (hist && typeof hist.text === 'string') views.history = { name: text(hist.name), text: hist.text };
  } catch {
    /* unreadable: the defaults */
  }
  return views;
}
