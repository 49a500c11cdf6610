/**
 * The workbench view: the editor on the left; on the right the run panel (the one run
 * controller, its status in the store's run, so the solver, the sensitivity and the report read
 * it), the exact preview, the solver, the results and the sensitivity.
 *
 *   edit ─▶ store (draft, autosave, validation) ─▶ field errors, exact preview, solver (immediate),
 *                                                   tornado (after a pause)
 *   Run  ─▶ simulate(valid scenario, Web Workers) ─▶ progress ─▶ verdict, figures, charts
 */
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import { simulate } from '../engine/simulate.ts';
import type { Runner } from '../engine/runner.ts';
import { reportCsv } from './csv.ts';
import { h } from './dom.ts';
import { contributionSummary, renderEditor, showProblems } from './editor.ts';
import type { ExactClient } from './exactClient.ts';
import { csvExportButton } from './figure.ts';
import { reportSheets } from '../workbook/results.ts';
import { xlsxExportButton } from './xlsx.ts';
import { safeFileName } from './files.ts';
import { LABELS } from './i18n.ts';
import { drawExactPreview, renderPreview, renderResults, showExactRefusal } from './results.ts';
import { createRunController, type RunController, type RunStatusState } from './runController.ts';
import { runErrorText } from './runErrors.ts';
import { createSensitivity } from './sensitivityView.ts';
import { createSolver } from './solver.ts';
import type { RunState, Store } from './store.ts';
import type { View } from './view.ts';

type Status = RunStatusState & Partial<Pick<RunState, 'report' | 'totals' | 'scenario'>>;

export interface WorkbenchView extends View {
  /** The workbench's run controller (the report starts a run of the scenario shown). */
  readonly runs: RunController;
}

export function createWorkbenchView(deps: {
  store: Store;
  runner: Runner;
  exact: ExactClient;
}): WorkbenchView {
  const { store, exact } = deps;
  /** Why the last run failed (kept whole, so the message follows a change of language). */
  let runFailure: unknown = null;
  const L = () => LABELS[store.state.lang];
  const editorCol = h('div', { class: 'col editor-col' });
  const previewBox = h('div', {});
  const resultsBox = h('div', {});
  const solver = createSolver(store);
  const sensitivityView = createSensitivity(() => store.state.run.status === 'running', exact);

  const runs = createRunController<{ report: Report; totals: Float64Array; scenario: Scenario }, Status>({
    testids: { run: 'run', cancel: 'cancel', progress: 'progress' },
    labels: () => {
      const l = L();
      return { run: l.run, cancel: l.cancel, running: l.running, cancelled: l.cancelled };
    },
    canRun: () => store.state.valid !== null,
    async task(signal, onProgress) {
      const scenario = store.state.valid!;
      const result = await simulate(scenario, deps.runner, {
        signal,
        onProgress: (done, total) => onProgress(done / total),
      });
      return { report: result.report, totals: result.totals, scenario };
    },
    done: (r) => r,
    /** A failed run: what happened in words, the detail as a tooltip, and a button to run again. */
    failure(error, retry) {
      const l = L();
      const { text, detail } = runErrorText(error, l, store.state.lang);
      return h(
        'div',
        { class: 'note error-text', role: 'alert', 'data-testid': 'run-error', title: detail },
        h('p', {}, text),
        h(
          'button',
          { type: 'button', 'data-testid': 'retry', disabled: !store.state.valid, onclick: retry },
          l.retry,
        ),
      );
    },
    state: {
      get: () => ({
        status: store.state.run.status,
        progress: store.state.run.progress,
        error: runFailure ?? store.state.run.error,
      }),
      set({ error, ...patch }) {
        if (error !== undefined && error !== null) runFailure = error;
        store.setRun(
          error === undefined
            ? patch
            : {
                ...patch,
                error: error === null ? null : error instanceof Error ? error.message : String(error),
              },
        );
      },
    },
  });

  const el = h(
    'main',
    {},
    editorCol,
    h('div', { class: 'col results-col' }, runs.el, previewBox, solver.el, resultsBox, sensitivityView.el),
  );

  function renderEditorCol() {
    editorCol.replaceChildren(renderEditor(store));
    showProblems(editorCol, store.state.problems, store.state.lang);
  }

  /** The exact preview: μ and the verdict at once, then the exact distribution from the worker. */
  function renderPreviewBox() {
    previewBox.replaceChildren(renderPreview(store.state.valid, store.state.lang));
    const scenario = store.state.valid;
    if (!scenario || !exact.available) return;
    void exact.preview(scenario).then((p) => {
      if (!p || store.state.valid !== scenario) return;
      if ('refusal' in p) showExactRefusal(previewBox, p.refusal, store.state.lang);
      else void drawExactPreview(previewBox, scenario, p, store.state.lang);
    });
  }

  function renderResultsBox() {
    const { run, lang } = store.state;
    if (!run.report || !run.totals || !run.scenario) {
      resultsBox.replaceChildren(h('p', { class: 'empty' }, L().noResults));
      return;
    }
    const report = run.report;
    const { el: results, draw } = renderResults(report, run.scenario, run.totals, lang);
    const confidence = run.scenario.simulation?.confidence;
    results.append(
      h(
        'div',
        { class: 'row actions' },
        csvExportButton(
          'export-csv',
          L().exportCsv,
          () => `${safeFileName(report.name, 'results')}.csv`,
          () => reportCsv(report, lang, confidence),
        ),
        xlsxExportButton(
          'export-xlsx',
          L().exportXlsx,
          () => `${safeFileName(report.name, 'results')}.xlsx`,
          (lang) => reportSheets(report, lang),
          () => lang,
        ),
      ),
    );
    resultsBox.replaceChildren(results);
    void draw().catch((e) => console.warn('chart', e));
  }

  return {
    tab: 'workbench',
    tabTestid: 'tab-workbench',
    tabLabel: (l) => l.tabWorkbench,
    el,
    runs,
    mount(parent) {
      parent.append(el);
      renderEditorCol();
      runs.render();
      renderPreviewBox();
      solver.render();
      renderResultsBox();
      sensitivityView.update(store.state.valid, store.state.lang);
    },
    update(change) {
      const { valid, lang, run } = store.state;
      if (change === 'scenario' || change === 'lang') {
        renderEditorCol();
        runs.render();
        renderPreviewBox();
        solver.render();
        sensitivityView.update(valid, lang, 0);
        if (change === 'lang' || run.status !== 'running') renderResultsBox();
      } else if (change === 'edit') {
        solver.render();
        sensitivityView.update(valid, lang);
        showProblems(editorCol, store.state.problems, lang);
        const totals = editorCol.querySelector('[data-testid="contribution-totals"]');
        if (totals) totals.textContent = contributionSummary(store.state.draft, L());
        runs.render();
        renderPreviewBox();
      } else if (change === 'run') {
        runs.update();
        if (run.status !== 'running') {
          renderResultsBox();
          solver.render();
          sensitivityView.resume();
        }
      }
    },
    dispose() {
      runs.cancel();
      sensitivityView.dispose();
      el.remove();
    },
  };
}
