/**
 * The report view: the one-page report (report.ts) of the scenario as it stands, with the last
 * run when it is of this very scenario (else it starts one when shown) and the last comparison.
 * Printing is the browser's; while shown, the page is in report mode (style.css hides the rest).
 */
import { serialiseScenario } from '../io/serialise.ts';
import { h } from './dom.ts';
import { LABELS } from './i18n.ts';
import { renderReport } from './report.ts';
import type { Store } from './store.ts';
import type { View } from './view.ts';

export function createReportView(deps: { store: Store; startRun: () => void }): View {
  const { store } = deps;
  const el = h('section', { class: 'report-page', 'data-testid': 'report-page', hidden: true });

  /** The last run, if it is of the scenario as it now stands. */
  function currentRun() {
    const { run, valid } = store.state;
    if (!valid || !run.report || !run.totals || !run.scenario) return null;
    if (serialiseScenario(run.scenario) !== serialiseScenario(valid)) return null;
    return { report: run.report, totals: run.totals };
  }

  function render() {
    const l = LABELS[store.state.lang];
    const s = store.state.valid;
    el.removeAttribute('data-ready');
    const toolbar = h(
      'div',
      { class: 'report-toolbar' },
      h(
        'button',
        { type: 'button', 'data-testid': 'report-close', onclick: () => store.setTab('workbench') },
        l.back,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': 'print',
          disabled: !s,
          onclick: () => window.print(),
        },
        l.print,
      ),
    );
    if (!s) {
      el.replaceChildren(toolbar, h('p', { class: 'note error-text' }, l.reportInvalid));
      return;
    }
    const run = currentRun();
    const { el: sheet, draw } = renderReport({
      scenario: s,
      run,
      running: store.state.run.status === 'running',
      compare: store.state.compare,
      lang: store.state.lang,
      date: new Date(),
    });
    el.replaceChildren(toolbar, sheet);
    void draw()
      .then(() => {
        if (run) el.setAttribute('data-ready', 'true');
      })
      .catch((e) => console.warn('report chart', e));
  }

  return {
    tab: 'report',
    tabTestid: 'report',
    tabLabel: (l) => l.report,
    el,
    mount(parent) {
      parent.append(el);
    },
    update(change) {
      const isShown = !el.hidden;
      if (change === 'tab') {
        document.body.classList.toggle('report-mode', isShown);
        if (!isShown) return;
        if (store.state.valid && !currentRun() && store.state.run.status !== 'running') deps.startRun();
        render();
      } else if (
        isShown &&
        (change === 'scenario' ||
          change === 'lang' ||
          change === 'compare' ||
          (change === 'run' && store.state.run.status !== 'running'))
      )
        render();
    },
    dispose() {
      document.body.classList.remove('report-mode');
      el.remove();
    },
  };
}
