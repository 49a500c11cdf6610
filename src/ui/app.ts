/**
 * The workbench: header (language, open, examples, save), the editor on the left, the run panel,
 * exact preview and results on the right. Wires the store to the views and the Web Worker runner.
 *
 *   edit ─▶ store (draft, autosave, validation) ─▶ field errors + exact preview (immediate)
 *   Run  ─▶ simulate(valid scenario, Web Workers) ─▶ progress ─▶ verdict, figures, charts
 */
import { flagsOf } from '../engine/verdict.ts';
import { simulate } from '../engine/simulate.ts';
import type { Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Problem } from '../domain/scenario.ts';
import { CancelledError } from '../runners/runner.ts';
import { webWorkersRunner } from '../runners/webWorkers.ts';
import { clear, h } from './dom.ts';
import { contributionSummary, renderEditor, showProblems } from './editor.ts';
import { DEFAULT_EXAMPLE, download, EXAMPLES, exampleScenario, readScenarioFile } from './files.ts';
import { LABELS, preferredLang } from './i18n.ts';
import type { Draft } from './paths.ts';
import { renderPreview, renderResults } from './results.ts';
import { createStore, restore } from './store.ts';

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

  const header = h('header', { class: 'top' });
  const editorCol = h('div', { class: 'col editor-col' });
  const errorBox = h('div', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: true });
  const runPanel = h('div', { class: 'run-panel' });
  const previewBox = h('div', {});
  const resultsBox = h('div', {});
  root.replaceChildren(header, errorBox, h('main', {}, editorCol, h('div', { class: 'col results-col' }, runPanel, previewBox, resultsBox)));

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
      run.status === 'error' ? h('p', { class: 'note error-text' }, `${l.runFailed}${run.error ?? ''}`) : '',
    );
    const bar = runPanel.querySelector<HTMLElement>('.bar');
    if (bar) bar.style.width = `${Math.round(run.progress * 100)}%`;
  }

  /** Progress updates touch only the bar, so the Cancel button stays the same element. */
  function updateProgress(el: HTMLElement, progress: number) {
    el.dataset.progress = String(progress);
    el.setAttribute('aria-valuenow', String(progress));
    el.querySelector<HTMLElement>('.bar')!.style.width = `${Math.round(progress * 100)}%`;
    el.querySelector('span')!.textContent = `${L().running} ${Math.round(progress * 100)}%`;
  }

  function renderPreviewBox() {
    previewBox.replaceChildren(renderPreview(store.state.valid, store.state.lang));
  }

  function renderResultsBox() {
    const { run, lang } = store.state;
    if (!run.report || !run.totals || !run.scenario) {
      resultsBox.replaceChildren(h('p', { class: 'empty' }, L().noResults));
      return;
    }
    const report = localiseFlags(run.report, run.scenario, lang);
    const { el, draw } = renderResults(report, run.scenario, run.totals, lang);
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
        signal: controller.signal, lang: store.state.lang,
        onProgress: (done, total) => store.setRun({ progress: done / total }),
      });
      store.setRun({ status: 'done', progress: 1, report: result.report, totals: result.totals, scenario });
    } catch (e) {
      if (e instanceof CancelledError) store.setRun({ status: 'cancelled' });
      else store.setRun({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    } finally {
      controller = null;
    }
  }

  store.subscribe((change) => {
    if (change === 'scenario' || change === 'lang') {
      renderHeader();
      renderEditorCol();
      renderRunPanel();
      renderPreviewBox();
      if (change === 'lang' || store.state.run.status !== 'running') renderResultsBox();
    } else if (change === 'edit') {
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
      if (store.state.run.status !== 'running') renderResultsBox();
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

  renderHeader();
  renderEditorCol();
  renderRunPanel();
  renderPreviewBox();
  renderResultsBox();
  clear(errorBox);
}

/** The flags of a report in the screen's language (the report keeps codes and figures). */
function localiseFlags(report: Report, scenario: import('../domain/scenario.ts').Scenario, lang: Lang): Report {
  const fund = scenario.fund ?? {};
  const flags = flagsOf({
    mu: report.expected.payout, income: report.income, expenses: report.expenses,
    reserve: fund.reserve ?? 0, backstop: fund.backstop ?? 0, confidence: scenario.simulation?.confidence ?? 0.95,
    probBeyondBackstop: report.simulated.probBeyondBackstop,
  }, lang);
  return { ...report, flags };
}
