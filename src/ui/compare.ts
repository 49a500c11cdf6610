/**
 * The compare view: 2–4 scheme versions (the draft, bundled examples, opened files; the first is
 * the baseline) run with common random numbers (`compareVersions` on the Web Worker runner, one
 * seed and iteration count for all), with progress and cancel. It shows the decisive figures per
 * version with differences against the baseline, the payout distributions on shared bins, every
 * version's benefit curves on one chart, what changed field by field, and the growth flag with
 * its figures.
 *
 *   choose ─▶ Run ─▶ compareVersions(progressRunner(web workers)) ─▶ result ─▶ table, flags,
 *                                                                           charts, changes
 */
import { benefitCurve, defaultMaxCost } from '../benefits/curve.ts';
import { benefitCurveSpec, type Curve } from '../charts/benefitCurve.ts';
import { overlayBins, payoutOverlaySpec } from '../charts/payoutOverlay.ts';
import { resolveScenario } from '../domain/defaults.ts';
import type { Lang } from '../domain/format.ts';
import type { Problem, Scenario } from '../domain/scenario.ts';
import { compareVersions, type Comparison } from '../engine/compare.ts';
import { CancelledError, type Runner } from '../runners/runner.ts';
import { renderChart } from './charts.ts';
import { compareFlags, renderChanges, renderCompareTable } from './compareTable.ts';
import { comparisonCsv } from './csv.ts';
import { h } from './dom.ts';
import type { ExactClient } from './exactClient.ts';
import { downloadText, EXAMPLES, exampleScenario, readScenarioFile } from './files.ts';
import { LABELS } from './i18n.ts';
import { progressRunner } from './progressRunner.ts';
import type { Store } from './store.ts';

export const SLOTS = 4;

export interface CompareResult {
  comparison: Comparison;
  scenarios: Scenario[];
  totals: Float64Array[];
  /** Exact P(deficit) per version, where the engine has an exact method. */
  exact: (number | null)[];
}

interface Deps {
  store: Store;
  runner: Runner;
  /** Exact P(deficit) per version, where the engine has an exact method. */
  exact: ExactClient;
  showError: (title: string | null, problems?: Problem[]) => void;
  /** Told when a comparison completes (the report shows it). */
  onResult: () => void;
}

/** A version's short name for chart legends: its number, and for several benefits the benefit. */
export const versionLabel = (lang: Lang, i: number, benefit?: string) => (benefit ? `${LABELS[lang].versionNo(i)} · ${benefit}` : LABELS[lang].versionNo(i));

export function createCompareView(deps: Deps) {
  const { store } = deps;
  const slots: string[] = ['', 'draft', '', ''];
  const files: { name: string; scenario: Scenario }[] = [];
  let iterations = '';
  let seed = '';
  let status: 'idle' | 'running' | 'done' | 'cancelled' | 'error' = 'idle';
  let progress = 0;
  let error = '';
  let result: CompareResult | null = null;
  let controller: AbortController | null = null;
  const head = h('div', {});
  const form = h('div', {});
  const resultsBox = h('div', {});
  const el = h('section', { class: 'compare', 'data-testid': 'compare' }, head, form, resultsBox);

  const L = () => LABELS[store.state.lang];

  function scenarioOf(choice: string): Scenario | null {
    if (choice === 'draft') return store.state.valid;
    if (choice.startsWith('example:')) return exampleScenario(choice.slice('example:'.length));
    if (choice.startsWith('file:')) return files[Number(choice.slice('file:'.length))]?.scenario ?? null;
    return null;
  }

  function chosen(): Scenario[] {
    return slots.map(scenarioOf).filter((s): s is Scenario => s !== null);
  }

  async function addFile(file: File) {
    const opened = await readScenarioFile(file, store.state.lang);
    if (!opened.ok) return deps.showError(L().compareFileRejected(file.name), opened.problems);
    deps.showError(null);
    files.push({ name: file.name, scenario: opened.scenario });
    const empty = slots.indexOf('');
    if (empty >= 0) slots[empty] = `file:${files.length - 1}`;
    renderForm();
  }

  async function run() {
    const scenarios = chosen();
    if (scenarios.length < 2 || status === 'running') return;
    const base = resolveScenario(scenarios[0]).simulation;
    const n = Math.round(Number(iterations));
    controller = new AbortController();
    status = 'running';
    progress = 0;
    renderForm();
    try {
      const runner = progressRunner(deps.runner, scenarios.length, { signal: controller.signal, onProgress: (p) => setProgress(p) });
      const { comparison, simulations } = await compareVersions(scenarios, runner, {
        iterations: Number.isInteger(n) && n > 0 ? n : base.iterations, seed: seed.trim() || base.seed,
      });
      const exact = (await deps.exact.probDeficits(scenarios)) ?? scenarios.map(() => null);
      result = { comparison, scenarios, totals: simulations.map((s) => s.totals), exact };
      status = 'done';
    } catch (e) {
      status = e instanceof CancelledError ? 'cancelled' : 'error';
      error = e instanceof Error ? e.message : String(e);
    } finally {
      controller = null;
    }
    render();
    if (status === 'done') deps.onResult();
  }

  function setProgress(p: number) {
    progress = p;
    const bar = el.querySelector<HTMLElement>('[data-testid="compare-progress"]');
    if (!bar) return;
    bar.dataset.progress = String(p);
    bar.setAttribute('aria-valuenow', String(p));
    bar.querySelector<HTMLElement>('.bar')!.style.width = `${Math.round(p * 100)}%`;
    bar.querySelector('span')!.textContent = `${L().compareRunning} ${Math.round(p * 100)}%`;
  }

  function choices(): HTMLElement {
    const l = L();
    const options = (i: number) => [
      h('option', { value: '' }, l.choiceNone),
      h('option', { value: 'draft', disabled: !store.state.valid }, store.state.valid ? l.choiceDraft : l.choiceDraftInvalid),
      EXAMPLES.map((e) => h('option', { value: `example:${e.file}` }, l.choiceExample(e.file.replace(/\.json$/, '')))),
      files.map((f, k) => h('option', { value: `file:${k}` }, l.choiceFile(f.name))),
    ].flat().map((o) => { o.selected = o.value === slots[i]; return o; });
    return h('div', { class: 'compare-choices' },
      Array.from({ length: SLOTS }, (_, i) => h('label', { class: 'field' }, h('span', { class: 'label' }, l.versionSlot(i)),
        h('select', { 'data-testid': `compare-version-${i}`, onchange: (e: Event) => { slots[i] = (e.target as HTMLSelectElement).value; renderForm(); } }, options(i)))));
  }

  function controls(): HTMLElement {
    const l = L();
    const running = status === 'running';
    const base = chosen()[0];
    const defaults = base ? resolveScenario(base).simulation : null;
    return h('div', { class: 'compare-controls' },
      h('div', { class: 'row' },
        h('label', { class: 'button', for: 'compare-file' }, l.compareOpenFile),
        h('input', {
          type: 'file', accept: '.json,application/json', id: 'compare-file', 'data-testid': 'compare-file', class: 'visually-hidden',
          onchange: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void addFile(file);
          },
        }),
        h('label', { class: 'field' }, h('span', { class: 'label' }, l.iterations),
          h('input', { type: 'text', inputmode: 'numeric', 'data-testid': 'compare-iterations', value: iterations, placeholder: defaults ? String(defaults.iterations) : '', oninput: (e: Event) => { iterations = (e.target as HTMLInputElement).value; } })),
        h('label', { class: 'field' }, h('span', { class: 'label' }, l.seed),
          h('input', { type: 'text', 'data-testid': 'compare-seed', value: seed, placeholder: defaults?.seed ?? '', oninput: (e: Event) => { seed = (e.target as HTMLInputElement).value; } }))),
      h('div', { class: 'run-panel' },
        h('button', { type: 'button', class: 'primary', 'data-testid': 'compare-run', disabled: running || chosen().length < 2, onclick: () => void run() }, l.compareRun),
        h('button', { type: 'button', 'data-testid': 'compare-cancel', disabled: !running, onclick: () => controller?.abort() }, l.cancel),
        running && h('div', { class: 'progress', 'data-testid': 'compare-progress', 'data-progress': String(progress), role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': progress },
          h('div', { class: 'bar' }), h('span', {}, `${l.compareRunning} ${Math.round(progress * 100)}%`)),
        chosen().length < 2 && !running && h('p', { class: 'note' }, l.compareNeedTwo),
        status === 'cancelled' && h('p', { class: 'note' }, l.compareCancelled),
        status === 'error' && h('p', { class: 'note error-text' }, `${l.compareFailed}${error}`)));
  }

  function results(r: CompareResult): { el: HTMLElement; draw: () => Promise<void> } {
    const lang = store.state.lang;
    const l = LABELS[lang];
    const payoutEl = h('div', { class: 'chart', 'data-testid': 'chart-compare-payout' });
    const benefitEl = h('div', { class: 'chart', 'data-testid': 'chart-compare-benefit' });
    const section = h('div', { class: 'compare-results' },
      renderCompareTable(r, lang),
      compareFlags(r.comparison, lang),
      payoutEl, benefitEl,
      renderChanges(r.comparison, lang),
      h('div', { class: 'row' }, h('button', {
        type: 'button', 'data-testid': 'compare-export-csv',
        onclick: () => downloadText('huzhu-comparison.csv', comparisonCsv(r.comparison, r.exact), 'text/csv'),
      }, l.compareExport)),
      h('p', { class: 'run-info' }, l.runInfo(r.comparison.iterations.toLocaleString('en-US'), r.comparison.seed)));
    const draw = async () => {
      const width = Math.max(360, (el.clientWidth || 900) - 40);
      const bins = overlayBins(r.totals, 40);
      const series = r.comparison.versions.map((v, i) => ({ label: versionLabel(lang, i), bins: bins[i], income: v.income }));
      const curves = compareCurves(r.scenarios, lang);
      benefitEl.hidden = curves.length === 0;
      await Promise.all([
        renderChart(payoutEl, payoutOverlaySpec(series, { lang, labels: { title: l.chartOverlayTitle, x: l.chartPayoutX, y: l.chartPayoutY, income: l.chartIncome }, width, height: 280 }), lang),
        curves.length > 0 && renderChart(benefitEl, benefitCurveSpec(curves, { lang, labels: { title: l.chartCurvesTitle, x: l.chartBenefitX, y: l.chartBenefitY }, width, height: 260 }), lang),
      ]);
    };
    return { el: section, draw };
  }

  /** The choices and the run controls (a slot chosen, a file added, a run started: the results stay). */
  function renderForm() {
    form.replaceChildren(choices(), controls());
  }

  /** Everything, the results and their charts included (a new result, a language, the view shown). */
  function render() {
    const l = L();
    head.replaceChildren(h('h2', {}, l.compareTitle), h('p', { class: 'note' }, l.compareHint));
    renderForm();
    const shown = result && results(result);
    resultsBox.replaceChildren(shown ? shown.el : h('p', { class: 'empty' }, l.compareNoResult));
    if (shown && !el.hidden) void shown.draw().catch((e) => console.warn('compare chart', e));
  }

  return { el, render, get result() { return result; } };
}

/** Every version's cost benefits (bands, steps) as curves over one cost range, named by version. */
export function compareCurves(scenarios: Scenario[], lang: Lang): Curve[] {
  const all = scenarios.flatMap((s, i) => s.benefits.flatMap((b) => (b.type === 'bands' || b.type === 'steps' ? [{ i, b }] : [])));
  if (all.length === 0) return [];
  const maxCost = Math.max(...all.map(({ b }) => defaultMaxCost(b)));
  const several = new Set(all.map(({ b }) => b.id)).size > 1;
  return all.flatMap(({ i, b }) => {
    try {
      return [{ id: `${i}:${b.id}`, label: versionLabel(lang, i, several ? b.id : undefined), points: benefitCurve(b, maxCost) }];
    } catch {
      return []; // a step benefit with too many steps to draw over this range
    }
  });
}
