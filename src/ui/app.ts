/**
 * The workbench: header (language, open, examples, save, share), three views — the workbench
 * (editor on the left; run panel, exact preview, solver, results and sensitivity on the right),
 * the compare view and the one-page report. Wires the store to the views and the Web Worker
 * runners (one for the workbench's runs, one for comparisons, so neither waits for the other).
 *
 *   edit ─▶ store (draft, autosave, validation) ─▶ field errors, exact preview, solver (immediate),
 *                                                   tornado (after a pause)
 *   Run  ─▶ simulate(valid scenario, Web Workers) ─▶ progress ─▶ verdict, figures, charts
 *   #s=… ─▶ share link read on load or when pasted (shareBox.ts)
 */
import { config as zodConfig } from 'zod';
import { simulate } from '../engine/simulate.ts';
import type { Lang } from '../domain/format.ts';
import type { Problem } from '../domain/scenario.ts';
import { CancelledError } from '../runners/runner.ts';
import { webWorkersRunner } from '../runners/webWorkers.ts';
import { serialiseScenario } from '../io/serialise.ts';
import { createCompareView } from './compare.ts';
import { createExactClient } from './exactClient.ts';
import { createHistoryView } from './history.ts';
import { createProjectionView } from './projection.ts';
import { reportCsv } from './csv.ts';
import { clear, h } from './dom.ts';
import { contributionSummary, renderEditor, showProblems } from './editor.ts';
import { DEFAULT_EXAMPLE, download, downloadText, EXAMPLES, exampleScenario, readScenarioFile, safeFileName } from './files.ts';
import { LABELS, preferredLang } from './i18n.ts';
import type { Draft } from './paths.ts';
import { renderReport } from './report.ts';
import { drawExactPreview, renderPreview, renderResults } from './results.ts';
import { createSensitivity } from './sensitivityView.ts';
import { createShareBox } from './shareBox.ts';
import { createSolver } from './solver.ts';
import { runErrorText } from './runErrors.ts';
import { createStore, restore } from './store.ts';

type View = 'workbench' | 'compare' | 'projection' | 'history' | 'report';

// zod probes `new Function` once to choose its fast path; under the CSP (no 'unsafe-eval') that
// probe is blocked and reported as a securitypolicyviolation. Validation is the same without it.
zodConfig({ jitless: true });

export function mountApp(root: HTMLElement): void {
  const saved = restore();
  const lang: Lang = saved?.lang ?? preferredLang();
  const store = createStore({
    draft: saved?.draft ?? (structuredClone(exampleScenario(DEFAULT_EXAMPLE)) as unknown as Draft),
    lang,
    dirty: saved?.dirty ?? false,
  });
  const runner = webWorkersRunner();
  let controller: AbortController | null = null;
  /** Why the last run failed (kept whole, so the message follows a change of language). */
  let runFailure: unknown = null;
  let view: View = 'workbench';

  const header = h('header', { class: 'top' });
  const tabs = h('nav', { class: 'tabs' });
  const editorCol = h('div', { class: 'col editor-col' });
  const errorBox = h('div', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: true });
  const shareBox = createShareBox(store, (title, problems) => showError(title, problems));
  const runPanel = h('div', { class: 'run-panel' });
  const previewBox = h('div', {});
  const resultsBox = h('div', {});
  const solver = createSolver(store);
  const exact = createExactClient();
  const sensitivityView = createSensitivity(() => store.state.run.status === 'running', exact);
  const main = h('main', {}, editorCol, h('div', { class: 'col results-col' }, runPanel, previewBox, solver.el, resultsBox, sensitivityView.el));
  const compare = createCompareView({
    store, runner: webWorkersRunner(), exact, showError: (title, problems) => showError(title, problems),
    onResult: () => { if (view === 'report') renderReportView(); },
  });
  compare.el.hidden = true;
  const projection = createProjectionView({ store, runner: webWorkersRunner() });
  const history = createHistoryView({ store });
  projection.el.hidden = true;
  history.el.hidden = true;
  const reportView = h('section', { class: 'report-page', 'data-testid': 'report-page', hidden: true });
  root.replaceChildren(header, tabs, errorBox, shareBox.el, main, compare.el, projection.el, history.el, reportView);

  const L = () => LABELS[store.state.lang];

  function showError(title: string | null, problems: Problem[] = []) {
    errorBox.hidden = title === null;
    errorBox.replaceChildren(...(title === null ? [] : [h('strong', {}, title), h('ul', {}, problems.map((p) => h('li', {}, `${p.path}: ${p.message}`)))]));
  }

  async function openFile(file: File) {
    if (store.state.dirty && !window.confirm(L().unsavedConfirm)) return;
    const opened = await readScenarioFile(file, store.state.lang);
    if (!opened.ok) return showError(L().fileRejected(file.name), opened.problems);
    showError(null);
    store.open(structuredClone(opened.scenario) as unknown as Draft);
  }

  function renderHeader() {
    const l = L();
    document.documentElement.lang = store.state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = l.appTitle;
    const fileInput = h('input', {
      type: 'file', accept: '.json,application/json', 'data-testid': 'scenario-file', id: 'scenario-file', class: 'visually-hidden',
      onchange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) void openFile(file);
      },
    });
    header.replaceChildren(
      h('div', { class: 'brand' }, h('h1', {}, l.appTitle), h('p', {}, l.tagline)),
      h('div', { class: 'scenario-title' }, h('span', { 'data-testid': 'scenario-name', class: 'scenario-name' }, String(store.state.draft.name ?? '')),
        store.state.dirty ? h('span', { class: 'dirty', title: '' }, '●') : ''),
      h('nav', {},
        h('label', { class: 'button', for: 'scenario-file' }, l.open), fileInput,
        h('select', {
          'data-testid': 'template', 'aria-label': l.newFrom,
          onchange: (e: Event) => {
            const sel = e.target as HTMLSelectElement;
            const file = sel.value;
            sel.value = '';
            if (!file || (store.state.dirty && !window.confirm(l.unsavedConfirm))) return;
            showError(null);
            store.open(structuredClone(exampleScenario(file)) as unknown as Draft);
          },
        }, h('option', { value: '' }, l.newFrom), EXAMPLES.map((e) => h('option', { value: e.file }, e.file.replace(/\.json$/, '')))),
        h('button', { type: 'button', 'data-testid': 'save', onclick: () => { download(store.state.draft, store.state.valid); store.saved(); renderHeader(); } }, l.save),
        h('button', { type: 'button', 'data-testid': 'share', disabled: !store.state.valid, title: store.state.valid ? undefined : l.shareNeedsValid, onclick: () => void shareBox.share() }, l.shareButton),
        h('button', { type: 'button', 'data-testid': 'lang', class: 'lang', onclick: () => store.setLang(store.state.lang === 'zh' ? 'en' : 'zh') }, l.lang)),
    );
  }

  function renderEditorCol() {
    editorCol.replaceChildren(renderEditor(store));
    showProblems(editorCol, store.state.problems, store.state.lang);
  }

  function renderRunPanel() {
    const l = L();
    const { run } = store.state;
    const running = run.status === 'running';
    runPanel.replaceChildren(
      h('button', { type: 'button', class: 'primary', 'data-testid': 'run', disabled: running || !store.state.valid, onclick: startRun }, l.run),
      h('button', { type: 'button', 'data-testid': 'cancel', disabled: !running, onclick: () => controller?.abort() }, l.cancel),
      running ? h('div', { class: 'progress', 'data-testid': 'progress', 'data-progress': String(run.progress), role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': run.progress },
        h('div', { class: 'bar', style: undefined, 'data-width': String(Math.round(run.progress * 100)) }), h('span', {}, `${l.running} ${Math.round(run.progress * 100)}%`)) : '',
      run.status === 'cancelled' ? h('p', { class: 'note' }, l.cancelled) : '',
      run.status === 'error' ? runErrorBox() : '',
    );
    const bar = runPanel.querySelector<HTMLElement>('.bar');
    if (bar) bar.style.width = `${Math.round(run.progress * 100)}%`;
  }

  /** A failed run: what happened in words, the detail as a tooltip, and a button to run again. */
  function runErrorBox() {
    const l = L();
    const { text, detail } = runErrorText(runFailure ?? store.state.run.error, l);
    return h('div', { class: 'note error-text', role: 'alert', 'data-testid': 'run-error', title: detail },
      h('p', {}, text),
      h('button', { type: 'button', 'data-testid': 'retry', disabled: !store.state.valid, onclick: startRun }, l.retry));
  }

  /** Progress updates touch only the bar, so the Cancel button stays the same element. */
  function updateProgress(el: HTMLElement, progress: number) {
    el.dataset.progress = String(progress);
    el.setAttribute('aria-valuenow', String(progress));
    el.querySelector<HTMLElement>('.bar')!.style.width = `${Math.round(progress * 100)}%`;
    el.querySelector('span')!.textContent = `${L().running} ${Math.round(progress * 100)}%`;
  }

  /** The exact preview: μ and the verdict at once, then the exact distribution from the worker. */
  function renderPreviewBox() {
    previewBox.replaceChildren(renderPreview(store.state.valid, store.state.lang));
    const scenario = store.state.valid;
    if (!scenario || !exact.available) return;
    void exact.preview(scenario).then((p) => {
      if (!p || store.state.valid !== scenario) return;
      void drawExactPreview(previewBox, scenario, p, store.state.lang);
    });
  }

  function renderResultsBox() {
    const { run, lang } = store.state;
    if (!run.report || !run.totals || !run.scenario) {
      resultsBox.replaceChildren(h('p', { class: 'empty' }, L().noResults));
      return;
    }
    const report = run.report;
    const { el, draw } = renderResults(report, run.scenario, run.totals, lang);
    const confidence = run.scenario.simulation?.confidence;
    el.append(h('div', { class: 'row actions' }, h('button', {
      type: 'button', 'data-testid': 'export-csv',
      onclick: () => downloadText(`${safeFileName(report.name, 'results')}.csv`, reportCsv(report, lang, confidence), 'text/csv'),
    }, L().exportCsv)));
    resultsBox.replaceChildren(el);
    void draw().catch((e) => console.warn('chart', e));
  }

  async function startRun() {
    const scenario = store.state.valid;
    if (!scenario || store.state.run.status === 'running') return;
    controller = new AbortController();
    store.setRun({ status: 'running', progress: 0, error: null });
    try {
      const result = await simulate(scenario, runner, {
        signal: controller.signal,
        onProgress: (done, total) => store.setRun({ progress: done / total }),
      });
      store.setRun({ status: 'done', progress: 1, report: result.report, totals: result.totals, scenario });
    } catch (e) {
      if (e instanceof CancelledError) store.setRun({ status: 'cancelled' });
      else {
        runFailure = e;
        store.setRun({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      controller = null;
    }
  }

  function renderTabs() {
    const l = L();
    const tab = (v: View, testid: string, text: string) => h('button', {
      type: 'button', class: `tab${view === v ? ' active' : ''}`, 'data-testid': testid, 'aria-pressed': String(view === v), onclick: () => setView(v),
    }, text);
    tabs.replaceChildren(tab('workbench', 'tab-workbench', l.tabWorkbench), tab('compare', 'tab-compare', l.tabCompare),
      tab('projection', 'tab-projection', l.tabProjection), tab('history', 'tab-history', l.tabHistory), tab('report', 'report', l.report));
  }

  function setView(next: View) {
    view = next;
    main.hidden = view !== 'workbench';
    compare.el.hidden = view !== 'compare';
    projection.el.hidden = view !== 'projection';
    history.el.hidden = view !== 'history';
    reportView.hidden = view !== 'report';
    document.body.classList.toggle('report-mode', view === 'report');
    renderTabs();
    if (view === 'compare') compare.render();
    if (view === 'projection') projection.render();
    if (view === 'history') history.render();
    if (view === 'report') {
      if (store.state.valid && !currentRun() && store.state.run.status !== 'running') void startRun();
      renderReportView();
    }
  }

  /** The last run, if it is of the scenario as it now stands. */
  function currentRun() {
    const { run, valid } = store.state;
    if (!valid || !run.report || !run.totals || !run.scenario) return null;
    if (serialiseScenario(run.scenario) !== serialiseScenario(valid)) return null;
    return { report: run.report, totals: run.totals };
  }

  function renderReportView() {
    const l = L();
    const s = store.state.valid;
    reportView.removeAttribute('data-ready');
    const toolbar = h('div', { class: 'report-toolbar' },
      h('button', { type: 'button', 'data-testid': 'report-close', onclick: () => setView('workbench') }, l.back),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'print', disabled: !s, onclick: () => window.print() }, l.print));
    if (!s) {
      reportView.replaceChildren(toolbar, h('p', { class: 'note error-text' }, l.reportInvalid));
      return;
    }
    const run = currentRun();
    const { el, draw } = renderReport({ scenario: s, run, running: store.state.run.status === 'running', compare: compare.result, lang: store.state.lang, date: new Date() });
    reportView.replaceChildren(toolbar, el);
    void draw()
      .then(() => { if (run) reportView.setAttribute('data-ready', 'true'); })
      .catch((e) => console.warn('report chart', e));
  }

  store.subscribe((change) => {
    if (change === 'scenario' || change === 'edit') shareBox.forget();
    if (change === 'scenario' || change === 'lang') {
      renderHeader();
      renderTabs();
      shareBox.render();
      renderEditorCol();
      renderRunPanel();
      renderPreviewBox();
      solver.render();
      sensitivityView.update(store.state.valid, store.state.lang, 0);
      if (change === 'lang' || store.state.run.status !== 'running') renderResultsBox();
      if (view === 'compare') compare.render();
      if (view === 'projection') projection.render();
      if (view === 'history') history.render();
      if (view === 'report') renderReportView();
    } else if (change === 'edit') {
      solver.render();
      sensitivityView.update(store.state.valid, store.state.lang);
      showProblems(editorCol, store.state.problems, store.state.lang);
      const totals = editorCol.querySelector('[data-testid="contribution-totals"]');
      if (totals) totals.textContent = contributionSummary(store.state.draft, L());
      const name = header.querySelector('[data-testid="scenario-name"]');
      if (name) name.textContent = String(store.state.draft.name ?? '');
      if (!header.querySelector('.dirty')) renderHeader();
      renderRunPanel();
      renderPreviewBox();
    } else if (change === 'run') {
      const bar = runPanel.querySelector<HTMLElement>('[data-testid="progress"]');
      if (bar && store.state.run.status === 'running') return updateProgress(bar, store.state.run.progress);
      renderRunPanel();
      if (store.state.run.status !== 'running') {
        renderResultsBox();
        solver.render();
        sensitivityView.resume();
        if (view === 'report') renderReportView();
      }
    }
  });

  // Drag and drop a scenario file anywhere on the page.
  root.addEventListener('dragover', (e) => { e.preventDefault(); root.classList.add('dropping'); });
  root.addEventListener('dragleave', () => root.classList.remove('dropping'));
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    root.classList.remove('dropping');
    const file = e.dataTransfer?.files?.[0];
    if (file) void openFile(file);
  });

  window.addEventListener('hashchange', () => void shareBox.openFromLocation());

  renderHeader();
  renderTabs();
  renderEditorCol();
  renderRunPanel();
  renderPreviewBox();
  solver.render();
  renderResultsBox();
  sensitivityView.update(store.state.valid, store.state.lang);
  clear(errorBox);
  void shareBox.openFromLocation();
}
