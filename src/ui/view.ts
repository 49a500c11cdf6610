/**
 * The one contract of the workbench's views. Each tab — workbench, compare, projection, history,
 * report — is a View: `app.ts` mounts every view once, shows the one whose `tab` is the store's,
 * passes every store change to every view's `update`, and never forwards a change to a view by
 * hand. A view reads what it needs from the store; what it was left showing (selections, typed
 * values, the file chosen) lives in `store.state.views`, so a reload shows it again.
 *
 *   store change ─▶ app: for each view { el.hidden = tab ≠ view.tab; view.update(change) }
 *
 * The views live as long as the workbench: the app takes them down only when it is itself taken
 * down (`mountApp`'s return, which Vite's hot replacement calls in development; a page unload
 * frees everything anyway). `dispose` then releases what the view took: its runs, its timers,
 * what it set outside its element (the report's class on <body>), and the element itself.
 *
 * Plain DOM through `h()` (dom.ts), not a template library: the views rebuild small parts of
 * themselves (a form, a table) and patch a few nodes in place (the progress bar, so the Cancel
 * button stays the same element; a Run button while typing, so the caret stays), which `h()`
 * does in the same number of lines as lit-html would, with no dependency and nothing for the
 * Content-Security-Policy to allow. Every string becomes a text node; there is no innerHTML.
 */
import { h, type Child } from './dom.ts';
import { LABELS, type Labels } from './i18n.ts';
import type { RunController } from './runController.ts';
import type { Change, Store, Tab } from './store.ts';

export interface View {
  /** The tab that shows this view. */
  readonly tab: Tab;
  /** The tab button's test id and its text in the screen's language. */
  readonly tabTestid: string;
  tabLabel(l: Labels): string;
  /** The view's root element; the app hides it when another tab is shown. */
  readonly el: HTMLElement;
  /** Puts the view into the page and renders it for the first time. */
  mount(parent: HTMLElement): void;
  /** Brings the view up to date after a change of the store (a hidden view may skip the work). */
  update(change: Change): void;
  /** Stops whatever the view started (runs, timers) and takes it out of the page. */
  dispose(): void;
}

/** Whether a view is the one shown. */
export const shown = (view: View): boolean => !view.el.hidden;

/** The changes a form-and-results view redraws on when shown: shown anew, another scenario, a language. */
export const redrawsOn = (change: Change): boolean =>
  change === 'tab' || change === 'scenario' || change === 'lang';

/** A view of a form that runs something and its results: compare and projection. */
export interface RunViewOptions {
  /** The tab; also the section's class and test id, and `tab-<tab>` the tab button's test id. */
  tab: Tab;
  store: Store;
  /** The tab's label, the title, the hint and the words shown before any result. */
  texts(l: Labels): { tab: string; title: string; hint: string; empty: string };
  /** The form: choices, inputs and the run panel. */
  form(): HTMLElement[];
  /** The last result, drawn after it is in the page; null before the first. */
  results(): { el: HTMLElement; draw: () => Promise<void> } | null;
  /** The view's runs; a run going on is cancelled when the view is disposed. */
  runs: RunController;
}

/** A run view's controls: a row of fields, the notes under it, then the run panel (rendered anew). */
export function runControls(runs: RunController, row: (Child | Child[])[], ...notes: Child[]): HTMLElement {
  runs.render();
  return h('div', { class: 'compare-controls' }, h('div', { class: 'row' }, ...row), notes, runs.el);
}

export interface RunView extends View {
  /** The form again (a choice made, a run started): the results stay. */
  renderForm(): void;
  /** Everything, the results and their charts included. */
  render(): void;
}

export function createRunView(o: RunViewOptions): RunView {
  const head = h('div', {});
  const form = h('div', {});
  const resultsBox = h('div', {});
  const el = h('section', { class: o.tab, 'data-testid': o.tab }, head, form, resultsBox);
  const texts = () => o.texts(LABELS[o.store.state.lang]);
  const renderForm = () => form.replaceChildren(...o.form());
  function render() {
    const t = texts();
    head.replaceChildren(h('h2', {}, t.title), h('p', { class: 'note' }, t.hint));
    renderForm();
    const shown = o.results();
    resultsBox.replaceChildren(shown ? shown.el : h('p', { class: 'empty' }, t.empty));
    if (shown && !el.hidden) void shown.draw();
  }
  return {
    tab: o.tab,
    tabTestid: `tab-${o.tab}`,
    tabLabel: (l) => o.texts(l).tab,
    el,
    renderForm,
    render,
    mount(parent) {
      parent.append(el);
    },
    update(change) {
      if (!el.hidden && redrawsOn(change)) render();
    },
    dispose() {
      o.runs.cancel();
      el.remove();
    },
  };
}
