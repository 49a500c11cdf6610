/**
 * The workbench app: the header (language, open, examples, save, share), the tabs and the five
 * views (workbench, compare, projection, history, report; each a View, view.ts). The app mounts
 * each view once, shows the one whose tab is the store's, and passes every store change to every
 * view; it never forwards a change to a view by hand. Two Web Worker runners: one for the
 * workbench's runs, one for comparisons and projections' own, so neither waits for the other.
 *
 *   store change ─▶ header, tabs, share box ─▶ for each view: hidden = tab ≠ view.tab; update(change)
 *   #s=… ─▶ share link read on load or when pasted (shareBox.ts)
 */
import { config as zodConfig } from 'zod';
import type { Lang } from '../domain/format.ts';
import type { ScenarioProblem } from '../domain/validation.ts';
import { scenarioProblemText } from '../messages/validation.ts';
import { webWorkersRunner } from '../runners/webWorkers.ts';
import { createCompareView } from './compare.ts';
import { clear, h, problemList } from './dom.ts';
import { createExactClient } from './exactClient.ts';
import { filePicker, JSON_FILES } from './filePicker.ts';
import { DEFAULT_EXAMPLE, download, EXAMPLES, exampleScenario, readScenarioFile } from './files.ts';
import { createHistoryView } from './history.ts';
import { LABELS, preferredLang, type Labels } from './i18n.ts';
import type { Draft } from './paths.ts';
import { createProjectionView } from './projection.ts';
import { createReportView } from './reportView.ts';
import { createShareBox } from './shareBox.ts';
import { createStore, restore, restoreViews } from './store.ts';
import type { View } from './view.ts';
import { createWorkbenchView } from './workbench.ts';

// zod probes `new Function` once to choose its fast path; under the CSP (no 'unsafe-eval') that
// probe is blocked and reported as a securitypolicyviolation. Validation is the same without it.
zodConfig({ jitless: true });

/** Mounts the workbench in `root`; returns what takes it down again (views, workers, listeners). */
export function mountApp(root: HTMLElement): () => void {
  const saved = restore();
  const lang: Lang = saved?.lang ?? preferredLang();
  const store = createStore({
    draft: saved?.draft ?? (structuredClone(exampleScenario(DEFAULT_EXAMPLE)) as unknown as Draft),
    lang,
    dirty: saved?.dirty ?? false,
    views: restoreViews(),
  });
  const exact = createExactClient();

  const header = h('header', { class: 'top' });
  const tabs = h('nav', { class: 'tabs' });
  const errorBox = h('div', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: true });
  const shareBox = createShareBox(store, (title, problems) => showError(title, problems));
  const runners = [webWorkersRunner(), webWorkersRunner(), webWorkersRunner()];
  const workbench = createWorkbenchView({ store, runner: runners[0], exact });
  const views: View[] = [
    workbench,
    createCompareView({
      store,
      runner: runners[1],
      exact,
      showError: (title, problems) => showError(title, problems),
    }),
    createProjectionView({ store, runner: runners[2] }),
    createHistoryView({ store }),
    createReportView({ store, startRun: () => void workbench.runs.start() }),
  ];
  root.replaceChildren(header, tabs, errorBox, shareBox.el);

  const L = () => LABELS[store.state.lang];

  /** The file or link refused, kept as codes so that a language switch re-words it. */
  let refused: { title: (l: Labels) => string; problems: ScenarioProblem[] } | null = null;

  function showError(title: ((l: Labels) => string) | null, problems: ScenarioProblem[] = []) {
    refused = title === null ? null : { title, problems };
    renderError();
  }

  function renderError() {
    const lang = store.state.lang;
    errorBox.hidden = refused === null;
    errorBox.replaceChildren(
      ...(refused === null
        ? []
        : problemList(
            refused.title(LABELS[lang]),
            refused.problems.map((p) => scenarioProblemText(lang, p)),
          )),
    );
  }

  async function openFile(file: File) {
    if (store.state.dirty && !window.confirm(L().unsavedConfirm)) return;
    const opened = await readScenarioFile(file);
    if (!opened.ok) return showError((l) => l.fileRejected(file.name), opened.problems);
    showError(null);
    store.open(structuredClone(opened.scenario) as unknown as Draft);
  }

  function renderHeader() {
    const l = L();
    document.documentElement.lang = store.state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = l.appTitle;
    header.replaceChildren(
      h('div', { class: 'brand' }, h('h1', {}, l.appTitle), h('p', {}, l.tagline)),
      h(
        'div',
        { class: 'scenario-title' },
        h(
          'span',
          { 'data-testid': 'scenario-name', class: 'scenario-name' },
          String(store.state.draft.name ?? ''),
        ),
        store.state.dirty ? h('span', { class: 'dirty', title: '' }, '●') : '',
      ),
      h(
        'nav',
        {},
        filePicker({
          id: 'scenario-file',
          accept: JSON_FILES,
          label: l.open,
          onFile: (file) => void openFile(file),
        }),
        h(
          'select',
          {
            'data-testid': 'template',
            'aria-label': l.newFrom,
            onchange: (e: Event) => {
              const sel = e.target as HTMLSelectElement;
              const file = sel.value;
              sel.value = '';
              if (!file || (store.state.dirty && !window.confirm(l.unsavedConfirm))) return;
              showError(null);
              store.open(structuredClone(exampleScenario(file)) as unknown as Draft);
            },
          },
          h('option', { value: '' }, l.newFrom),
          EXAMPLES.map((e) => h('option', { value: e.file }, e.file.replace(/\.json$/, ''))),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'save',
            onclick: () => {
              download(store.state.draft, store.state.valid);
              store.saved();
              renderHeader();
            },
          },
          l.save,
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'share',
            disabled: !store.state.valid,
            title: store.state.valid ? undefined : l.shareNeedsValid,
            onclick: () => void shareBox.share(),
          },
          l.shareButton,
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'lang',
            class: 'lang',
            onclick: () => store.setLang(store.state.lang === 'zh' ? 'en' : 'zh'),
          },
          l.lang,
        ),
      ),
    );
  }

  function renderTabs() {
    const l = L();
    tabs.replaceChildren(
      ...views.map((v) =>
        h(
          'button',
          {
            type: 'button',
            class: `tab${store.state.tab === v.tab ? ' active' : ''}`,
            'data-testid': v.tabTestid,
            'aria-pressed': String(store.state.tab === v.tab),
            onclick: () => store.setTab(v.tab),
          },
          v.tabLabel(l),
        ),
      ),
    );
  }

  store.subscribe((change) => {
    if (change === 'scenario' || change === 'edit') shareBox.forget();
    if (change === 'scenario' || change === 'lang') {
      renderHeader();
      renderTabs();
      shareBox.render();
      if (change === 'lang') renderError();
    } else if (change === 'edit') {
      const name = header.querySelector('[data-testid="scenario-name"]');
      if (name) name.textContent = String(store.state.draft.name ?? '');
      if (!header.querySelector('.dirty')) renderHeader();
    } else if (change === 'tab') renderTabs();
    for (const v of views) {
      v.el.hidden = store.state.tab !== v.tab;
      v.update(change);
    }
  });

  // The listeners outside the views', all removed at once when the workbench is taken down.
  const listening = new AbortController();
  const { signal } = listening;
  // Drag and drop a scenario file anywhere on the page.
  root.addEventListener(
    'dragover',
    (e) => {
      e.preventDefault();
      root.classList.add('dropping');
    },
    { signal },
  );
  root.addEventListener('dragleave', () => root.classList.remove('dropping'), { signal });
  root.addEventListener(
    'drop',
    (e) => {
      e.preventDefault();
      root.classList.remove('dropping');
      const file = e.dataTransfer?.files?.[0];
      if (file) void openFile(file);
    },
    { signal },
  );

  window.addEventListener('hashchange', () => void shareBox.openFromLocation(), { signal });

  renderHeader();
  renderTabs();
  for (const v of views) {
    v.el.hidden = store.state.tab !== v.tab;
    v.mount(root);
  }
  clear(errorBox);
  void shareBox.openFromLocation();

  return () => {
    listening.abort();
    for (const v of views) v.dispose();
    for (const r of runners) void r.close();
    exact.close();
    root.replaceChildren();
  };
}
