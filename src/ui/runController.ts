/**
 * The one run controller of the views (workbench simulation, comparison, projection): Run and
 * Cancel buttons, a progress bar while running, and what became of the last run (cancelled, or
 * failed with the reason and, where offered, a Retry button). The view gives the work as a task
 * over an abort signal and a progress callback; the controller owns the AbortController.
 *
 * Where the status lives is the view's choice: the controller's own (compare, projection) or the
 * store's run (the workbench, whose solver, sensitivity and report read it). Progress updates
 * touch only the bar, so the Cancel button stays the same element throughout a run.
 *
 *   Run ─▶ set running ─▶ task(signal, onProgress) ─▶ onProgress ─▶ bar only
 *                                                  ─▶ result ─▶ done(result) ─▶ set done
 *   Cancel ─▶ abort ─▶ CancelledError ─▶ set cancelled;  anything else thrown ─▶ set error
 */
import { CancelledError } from '../engine/runner.ts';
import { append, h, type Child } from './dom.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunStatusState {
  status: RunStatus;
  progress: number;
  /** Why the last run failed (kept whole, so its message can follow a change of language). */
  error: unknown;
}

/** Where a run's status is kept; `set` must bring the panel up to date (call `update`). */
export interface RunStatusStore<S extends RunStatusState> {
  get(): S;
  set(patch: Partial<S>): void;
}

export interface RunControllerOptions<T, S extends RunStatusState> {
  testids: { run: string; cancel: string; progress: string };
  labels(): { run: string; cancel: string; running: string; cancelled: string };
  /** Whether Run is enabled now (besides not running). */
  canRun(): boolean;
  /** The work. Throws CancelledError once the signal aborts. */
  task(signal: AbortSignal, onProgress: (fraction: number) => void): Promise<T>;
  /** What a completed run adds to the state, set together with `done`. */
  done(result: T): Partial<S> | void;
  /** The failure in words; `retry` starts the run again. */
  failure(error: unknown, retry: () => void): HTMLElement;
  /** Notes under the buttons (e.g. "choose two versions"), shown whatever the status. */
  notes?(): Child[];
  /** Told when a run has ended, whichever way, after the status is set. */
  settled?(status: RunStatus): void;
  /** The store of the status; default the controller's own. */
  state?: RunStatusStore<S>;
}

export interface RunController {
  /** The run panel: Run, Cancel, progress and the outcome. */
  readonly el: HTMLElement;
  readonly running: boolean;
  start(): Promise<void>;
  cancel(): void;
  /** Brings the panel up to date: the bar alone while a run goes on, else the whole panel. */
  update(): void;
  /** Rebuilds the whole panel (a language, a change of what can run). */
  render(): void;
}

export function createRunController<T, S extends RunStatusState = RunStatusState>(
  o: RunControllerOptions<T, S>,
): RunController {
  const el = h('div', { class: 'run-panel' });
  let controller: AbortController | null = null;
  const own = { status: 'idle', progress: 0, error: null } as RunStatusState as S;
  const state: RunStatusStore<S> = o.state ?? {
    get: () => own,
    set: (patch) => {
      Object.assign(own, patch);
      update();
    },
  };
  const running = () => state.get().status === 'running';

  async function start() {
    if (running() || !o.canRun()) return;
    const ac = new AbortController();
    controller = ac;
    state.set({ status: 'running', progress: 0, error: null } as Partial<S>);
    try {
      const result = await o.task(ac.signal, (p) => state.set({ progress: p } as Partial<S>));
      state.set({ ...(o.done(result) ?? {}), status: 'done', progress: 1 } as Partial<S>);
    } catch (e) {
      state.set(
        (e instanceof CancelledError ? { status: 'cancelled' } : { status: 'error', error: e }) as Partial<S>,
      );
    } finally {
      if (controller === ac) controller = null;
    }
    o.settled?.(state.get().status);
  }

  function render() {
    const l = o.labels();
    const { status, progress, error } = state.get();
    const busy = status === 'running';
    el.replaceChildren();
    append(el, [
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': o.testids.run,
          disabled: busy || !o.canRun(),
          onclick: () => void start(),
        },
        l.run,
      ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': o.testids.cancel,
          disabled: !busy,
          onclick: () => controller?.abort(),
        },
        l.cancel,
      ),
      busy &&
        h(
          'div',
          {
            class: 'progress',
            'data-testid': o.testids.progress,
            role: 'progressbar',
            'aria-valuemin': 0,
            'aria-valuemax': 1,
          },
          h('div', { class: 'bar' }),
          h('span', {}),
        ),
      ...(o.notes?.() ?? []),
      status === 'cancelled' && h('p', { class: 'note' }, l.cancelled),
      status === 'error' && o.failure(error, () => void start()),
    ]);
    if (busy) showProgress(progress);
  }

  function showProgress(progress: number) {
    const bar = el.querySelector<HTMLElement>(`[data-testid="${o.testids.progress}"]`);
    if (!bar) return false;
    const percent = Math.round(progress * 100);
    bar.dataset.progress = String(progress);
    bar.setAttribute('aria-valuenow', String(progress));
    bar.querySelector<HTMLElement>('.bar')!.style.width = `${percent}%`;
    bar.querySelector('span')!.textContent = `${o.labels().running} ${percent}%`;
    return true;
  }

  function update() {
    if (running() && showProgress(state.get().progress)) return;
    render();
  }

  return {
    el,
    get running() {
      return running();
    },
    start,
    cancel: () => controller?.abort(),
    update,
    render,
  };
}
