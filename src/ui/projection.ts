/**
 * The projection view (多年预测): the fund over several years under the scenario's trends —
 * `project` on the Web Worker runner, with progress and cancel — as a fan chart of the balance,
 * a table per year, and in words the first year the expected loss ratio passes 100% and the
 * first year the backstop stops sufficing (P(depleted) > 1 − confidence).
 *
 *   years, iterations, seed ─▶ Run ─▶ project(valid scenario, web workers) ─▶ progress
 *                                                                          ─▶ sentences, fan, table
 */
import { fundFanSpec } from '../charts/fundFan.ts';
import { resolveScenario } from '../domain/defaults.ts';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import type { Scenario } from '../domain/scenario.ts';
import { project, type Projection } from '../engine/project.ts';
import { CancelledError, type Runner } from '../engine/runner.ts';
import { renderChart } from './charts.ts';
import { h } from './dom.ts';
import { LABELS } from './i18n.ts';
import type { Store } from './store.ts';

export const MAX_YEARS = 50;

/** Years typed: a whole number from 1 to 50, else null. */
export function readYears(text: string): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= MAX_YEARS ? n : null;
}

export function createProjectionView(deps: { store: Store; runner: Runner }) {
  const { store } = deps;
  let years = '';
  let iterations = '';
  let seed = '';
  let status: 'idle' | 'running' | 'done' | 'cancelled' | 'error' = 'idle';
  let progress = 0;
  let error = '';
  let result: { projection: Projection; scenario: Scenario } | null = null;
  let controller: AbortController | null = null;
  const head = h('div', {});
  const form = h('div', {});
  const resultsBox = h('div', {});
  const el = h('section', { class: 'projection', 'data-testid': 'projection' }, head, form, resultsBox);
  const L = () => LABELS[store.state.lang];

  const defaults = () => (store.state.valid ? resolveScenario(store.state.valid).simulation : null);

  async function run() {
    const scenario = store.state.valid;
    const d = defaults();
    if (!scenario || !d || status === 'running') return;
    const T = years.trim() === '' ? d.years : readYears(years);
    if (T === null) return renderForm();
    const n = Math.round(Number(iterations));
    controller = new AbortController();
    status = 'running';
    progress = 0;
    renderForm();
    try {
      const projection = await project(scenario, deps.runner, {
        years: T, iterations: Number.isInteger(n) && n > 0 ? n : d.iterations, seed: seed.trim() || d.seed,
        signal: controller.signal, onProgress: (done, total) => setProgress(done / total),
      });
      result = { projection, scenario };
      status = 'done';
    } catch (e) {
      status = e instanceof CancelledError ? 'cancelled' : 'error';
      error = e instanceof Error ? e.message : String(e);
    } finally {
      controller = null;
    }
    render();
  }

  function setProgress(p: number) {
    progress = p;
    const bar = el.querySelector<HTMLElement>('[data-testid="projection-progress"]');
    if (!bar) return;
    bar.dataset.progress = String(p);
    bar.setAttribute('aria-valuenow', String(p));
    bar.querySelector<HTMLElement>('.bar')!.style.width = `${Math.round(p * 100)}%`;
    bar.querySelector('span')!.textContent = `${L().projRunning} ${Math.round(p * 100)}%`;
  }

  function controls(): HTMLElement {
    const l = L();
    const d = defaults();
    const running = status === 'running';
    const badYears = years.trim() !== '' && readYears(years) === null;
    const input = (testid: string, label: string, value: string, placeholder: string, set: (v: string) => void) =>
      h('label', { class: 'field' }, h('span', { class: 'label' }, label),
        h('input', { type: 'text', inputmode: 'numeric', 'data-testid': testid, value, placeholder, oninput: (e: Event) => { set((e.target as HTMLInputElement).value); syncRun(); } }));
    return h('div', { class: 'compare-controls' },
      h('div', { class: 'row' },
        input('projection-years', l.projYears, years, d ? String(d.years) : '', (v) => { years = v; }),
        input('projection-iterations', l.iterations, iterations, d ? String(d.iterations) : '', (v) => { iterations = v; }),
        input('projection-seed', l.seed, seed, d?.seed ?? '', (v) => { seed = v; })),
      h('p', { class: 'note error-text', 'data-testid': 'projection-years-error', hidden: !badYears }, l.projYearsInvalid),
      h('div', { class: 'run-panel' },
        h('button', { type: 'button', class: 'primary', 'data-testid': 'projection-run', disabled: running || !d || badYears, onclick: () => void run() }, l.projRun),
        h('button', { type: 'button', 'data-testid': 'projection-cancel', disabled: !running, onclick: () => controller?.abort() }, l.cancel),
        running && h('div', { class: 'progress', 'data-testid': 'projection-progress', 'data-progress': String(progress), role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': progress },
          h('div', { class: 'bar' }), h('span', {}, `${l.projRunning} ${Math.round(progress * 100)}%`)),
        !d && h('p', { class: 'note error-text' }, l.projInvalid),
        status === 'cancelled' && h('p', { class: 'note' }, l.projCancelled),
        status === 'error' && h('p', { class: 'note error-text' }, `${l.projFailed}${error}`)));
  }

  /** Typing years enables or disables Run without rebuilding the inputs (the caret stays). */
  function syncRun() {
    const bad = years.trim() !== '' && readYears(years) === null;
    const button = el.querySelector<HTMLButtonElement>('[data-testid="projection-run"]');
    if (button) button.disabled = status === 'running' || !defaults() || bad;
    const note = el.querySelector<HTMLElement>('[data-testid="projection-years-error"]');
    if (note) note.hidden = !bad;
  }

  function trends(): HTMLElement | null {
    const s = store.state.valid;
    if (!s) return null;
    const t = resolveScenario(s).trend;
    const g = (x: number) => `${x >= 0 ? '+' : '−'}${formatPercent(Math.abs(x))}`;
    return h('p', { class: 'note' }, L().projTrends(g(t.members), g(t.contribution), g(t.rate), g(t.cost)));
  }

  function results(r: { projection: Projection; scenario: Scenario }): { el: HTMLElement; draw: () => Promise<void> } {
    const lang = store.state.lang;
    const l = LABELS[lang];
    const p = r.projection;
    const confidence = resolveScenario(r.scenario).simulation.confidence;
    const fan = h('div', { class: 'chart', 'data-testid': 'chart-fan' });
    const deficitYear = p.firstYearLossRatioAboveOne;
    const backstopYear = p.firstYearBackstopInsufficient;
    const yearOf = (y: number) => p.years[y - 1];
    const section = h('div', { class: 'compare-results' },
      h('p', { class: 'projection-sentence', 'data-testid': 'projection-first-deficit', 'data-year': deficitYear === null ? '' : String(deficitYear) },
        deficitYear === null ? l.projNoDeficit(p.years.length) : l.projFirstDeficit(deficitYear, formatPercent(yearOf(deficitYear).expectedLossRatio))),
      h('p', { class: 'projection-sentence', 'data-testid': 'projection-backstop-year', 'data-year': backstopYear === null ? '' : String(backstopYear) },
        backstopYear === null ? l.projBackstopNone(p.years.length, formatPercent(1 - confidence, 1))
          : l.projBackstopYear(backstopYear, formatPercent(yearOf(backstopYear).probDepleted), formatPercent(1 - confidence, 1))),
      fan,
      projectionTable(p, lang),
      h('p', { class: 'run-info' }, l.runInfo(p.iterations.toLocaleString('en-US'), p.seed)));
    const draw = async () => {
      const width = Math.max(360, (el.clientWidth || 900) - 80);
      await renderChart(fan, fundFanSpec(p.years, {
        lang, width, height: 300,
        labels: { title: l.fanTitle, x: l.fanX, y: l.fanY, band: l.fanBand, median: l.fanMedian, depleted: l.fanDepleted },
      }), lang);
    };
    return { el: section, draw };
  }

  function renderForm() {
    form.replaceChildren(...[trends(), controls()].filter((x): x is HTMLElement => x !== null));
  }

  function render() {
    const l = L();
    head.replaceChildren(h('h2', {}, l.projTitle), h('p', { class: 'note' }, l.projHint));
    renderForm();
    const shown = result && results(result);
    resultsBox.replaceChildren(shown ? shown.el : h('p', { class: 'empty' }, l.projNoResult));
    if (shown && !el.hidden) void shown.draw().catch((e) => console.warn('projection chart', e));
  }

  return { el, render };
}

/** The table per year: amounts in 万/亿 (or M), shares in percent; `data-value` holds each number. */
export function projectionTable(p: Projection, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const cell = (value: number, text: string) => h('td', { 'data-value': String(value) }, text);
  return h('table', { class: 'compare-table projection-table', 'data-testid': 'projection-table' },
    h('thead', {}, h('tr', {}, l.projCols.map((c) => h('th', {}, c)))),
    h('tbody', {}, p.years.map((y) => h('tr', { 'data-year': String(y.year) },
      h('th', {}, l.projYear(y.year)),
      cell(y.members, y.members.toLocaleString('en-US')),
      cell(y.income, formatYuan(y.income, lang)),
      cell(y.expectedPayout, formatYuan(y.expectedPayout, lang)),
      h('td', { 'data-value': String(y.expectedLossRatio), class: y.expectedLossRatio > 1 ? 'bad' : undefined }, formatPercent(y.expectedLossRatio)),
      cell(y.balance.p5, formatYuan(y.balance.p5, lang)),
      cell(y.balance.p50, formatYuan(y.balance.p50, lang)),
      cell(y.balance.p95, formatYuan(y.balance.p95, lang)),
      cell(y.probDepleted, formatPercent(y.probDepleted, 2)),
      cell(y.expectedBackstopUse, formatYuan(y.expectedBackstopUse, lang))))));
}
