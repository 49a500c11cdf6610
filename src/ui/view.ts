/**
 * The one contract of the workbench's views. Each tab — workbench, compare, projection, history,
 * report — is a View: `app.ts` mounts every view once, shows the one whose `tab` is the store's,
 * passes every store change to every view's `update`, and never forwards a change to a view by
 * hand. A view reads what it needs from the store; what it was left showing (selections, typed
 * values, the file chosen) lives in `store.state.views`, so a reload shows it again.
 *
 *   store change ─▶ app: for each view { el.hidden = tab ≠ view.tab; view.update(change) }
 *
 * Plain DOM through `h()` (dom.ts), not a template library: the views rebuild small parts of
 * themselves (a form, a table) and patch a few nodes in place (the progress bar, so the Cancel
 * button stays the same element; a Run button while typing, so the caret stays), which `h()`
 * does in the same number of lines as lit-html would, with no dependency and nothing for the
 * Content-Security-Policy to allow. Every string becomes a text node; there is no innerHTML.
 */
import type { Labels } from './i18n.ts';
import type { Change, Tab } from './store.ts';

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
