/**
 * The projection view (多年预测): the fund over several years under the scenario's trends —
 * `project` on the Web Worker runner, with progress and cancel — as a fan chart of the balance,
 * a table per year, and in words the first year the expected loss ratio passes 100% and the
 * first year the backstop stops sufficing (P(depleted) > 1 − confidence).
 *
 *   years, iterations, seed ─▶ Run ─▶ project(valid scenario, web workers) ─▶ progress
 *                                                                          ─▶ sentences, fan, table
 */
import { projectionSheets } from '../workbook/results.ts';
import { safeFileName } from './files.ts';
import { xlsxExportButton } from './xlsx.ts';
import { fundFanSpec } from '../charts/fundFan.ts';
import { resolveScheme } from '../domain/defaults.ts';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import type { Scenario } from '../domain/scenario.ts';
import { project, type Projection } from '../engine/project.ts';
import type { Runner } from '../engine/runner.ts';
import { figure } from './figure.ts';
import { dataTable, h, textField } from './dom.ts';
import { failureText } from './runErrors.ts';
import { LABELS } from './i18n.ts';
import { createRunController, type RunController } from './runController.ts';
import type { Store, ViewState } from './store.ts';
import { createRunView, runControls, type View } from './view.ts';

export const MAX_YEARS = 50;

/** Years typed: a whole number from 1 to 50, else null. */
export function readYears(text: string): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= MAX_YEARS ? n : null;
}

export function createProjectionView(deps: { store: Store; runner: Runner }): View {
  const { store } = deps;
  /** The view's state, in the store (autosaved): years, iterations and seed as typed. */
  const vs = () => store.state.views.projection;
  const keep = (patch: Partial<ViewState['projection']>) =>
    store.setViews('projection', { ...vs(), ...patch });
  let result: { projection: Projection; scenario: Scenario } | null = null;
  const L = () => LABELS[store.state.lang];

  const defaults = () => (store.state.valid ? resolveScheme(store.state.valid).simulation : null);
  const badYears = () => vs().years.trim() !== '' && readYears(vs().years) === null;

  const runs: RunController = createRunController<{ projection: Projection; scenario: Scenario }>({
    testids: { run: 'projection-run', cancel: 'projection-cancel', progress: 'projection-progress' },
    labels: () => {
      const l = L();
      return { run: l.projRun, cancel: l.cancel, running: l.projRunning, cancelled: l.projCancelled };
    },
    canRun: () => defaults() !== null && !badYears(),
    async task(signal, onProgress) {
      const scenario = store.state.valid!;
      const d = defaults()!;
      const { years, iterations, seed } = vs();
      const T = years.trim() === '' ? d.years : readYears(years)!;
      const n = Math.round(Number(iterations));
      const projection = await project(scenario, deps.runner, {
        years: T,
        iterations: Number.isInteger(n) && n > 0 ? n : d.iterations,
        seed: seed.trim() || d.seed,
        signal,
        onProgress: (done, total) => onProgress(done / total),
      });
      return { projection, scenario };
    },
    done: (r) => {
      result = r;
    },
    failure: (e) =>
      h('p', { class: 'note error-text' }, `${L().projFailed}${failureText(e, store.state.lang)}`),
    notes: () => [!defaults() && h('p', { class: 'note error-text' }, L().projInvalid)],
    settled: () => render(),
  });

  function controls(): HTMLElement {
    const l = L();
    const d = defaults();
    const { years, iterations, seed } = vs();
    const input = (
      testid: string,
      label: string,
      value: string,
      placeholder: string,
      set: (v: string) => void,
    ) =>
      textField({
        testid,
        label,
        value,
        placeholder,
        numeric: true,
        onInput: (v) => {
          set(v);
          syncRun();
        },
      });
    return runControls(
      runs,
      [
        input('projection-years', l.projYears, years, d ? String(d.years) : '', (v) => keep({ years: v })),
        input('projection-iterations', l.iterations, iterations, d ? String(d.iterations) : '', (v) =>
          keep({ iterations: v }),
        ),
        input('projection-seed', l.seed, seed, d?.seed ?? '', (v) => keep({ seed: v })),
      ],
      h(
        'p',
        { class: 'note error-text', 'data-testid': 'projection-years-error', hidden: !badYears() },
        l.projYearsInvalid,
      ),
    );
  }

  /** Typing years enables or disables Run without rebuilding the inputs (the caret stays). */
  function syncRun() {
    const button = el.querySelector<HTMLButtonElement>('[data-testid="projection-run"]');
    if (button) button.disabled = runs.running || !defaults() || badYears();
    const note = el.querySelector<HTMLElement>('[data-testid="projection-years-error"]');
    if (note) note.hidden = !badYears();
  }

  function trends(): HTMLElement | null {
    const s = store.state.valid;
    if (!s) return null;
    const t = resolveScheme(s).trend;
    const g = (x: number) => `${x >= 0 ? '+' : '−'}${formatPercent(Math.abs(x))}`;
    return h('p', { class: 'note' }, L().projTrends(g(t.members), g(t.contribution), g(t.rate), g(t.cost)));
  }

  function results(r: { projection: Projection; scenario: Scenario }): {
    el: HTMLElement;
    draw: () => Promise<void>;
  } {
    const lang = store.state.lang;
    const l = LABELS[lang];
    const p = r.projection;
    const confidence = resolveScheme(r.scenario).simulation.confidence;
    const fan = figure('chart-fan');
    const deficitYear = p.firstYearLossRatioAboveOne;
    const backstopYear = p.firstYearBackstopInsufficient;
    const yearOf = (y: number) => p.years[y - 1];
    const section = h(
      'div',
      { class: 'compare-results' },
      h(
        'p',
        {
          class: 'projection-sentence',
          'data-testid': 'projection-first-deficit',
          'data-year': deficitYear === null ? '' : String(deficitYear),
        },
        deficitYear === null
          ? l.projNoDeficit(p.years.length)
          : l.projFirstDeficit(deficitYear, formatPercent(yearOf(deficitYear).expectedLossRatio)),
      ),
      h(
        'p',
        {
          class: 'projection-sentence',
          'data-testid': 'projection-backstop-year',
          'data-year': backstopYear === null ? '' : String(backstopYear),
        },
        backstopYear === null
          ? l.projBackstopNone(p.years.length, formatPercent(1 - confidence, 1))
          : l.projBackstopYear(
              backstopYear,
              formatPercent(yearOf(backstopYear).probDepleted),
              formatPercent(1 - confidence, 1),
            ),
      ),
      fan.el,
      projectionTable(p, lang),
      h(
        'div',
        { class: 'row' },
        xlsxExportButton(
          'projection-export-xlsx',
          l.exportXlsx,
          () => `${safeFileName(r.scenario.name, 'projection')}.xlsx`,
          (lang) => projectionSheets(p, lang),
          () => lang,
        ),
      ),
      h('p', { class: 'run-info' }, l.runInfo(p.iterations.toLocaleString('en-US'), p.seed)),
    );
    const draw = async () => {
      const width = Math.max(360, (el.clientWidth || 900) - 80);
      await fan.draw(
        fundFanSpec(p.years, {
          lang,
          width,
          height: 300,
          labels: {
            title: l.fanTitle,
            x: l.fanX,
            y: l.fanY,
            band: l.fanBand,
            median: l.fanMedian,
            depleted: l.fanDepleted,
          },
        }),
        lang,
      );
    };
    return { el: section, draw };
  }

  const view = createRunView({
    tab: 'projection',
    store,
    texts: (l) => ({ tab: l.tabProjection, title: l.projTitle, hint: l.projHint, empty: l.projNoResult }),
    form: () => [trends(), controls()].filter((x): x is HTMLElement => x !== null),
    results: () => result && results(result),
    runs,
  });
  const { el, render } = view;
  return view;
}

/** The table per year: amounts in 万/亿 (or M), shares in percent; `data-value` holds each number. */
export function projectionTable(p: Projection, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const cell = (value: number, text: string) => h('td', { 'data-value': String(value) }, text);
  return dataTable(
    { class: 'compare-table projection-table', 'data-testid': 'projection-table' },
    l.projCols,
    p.years.map((y) =>
      h(
        'tr',
        { 'data-year': String(y.year) },
        h('th', {}, l.projYear(y.year)),
        cell(y.members, y.members.toLocaleString('en-US')),
        cell(y.income, formatYuan(y.income, lang)),
        cell(y.expectedPayout, formatYuan(y.expectedPayout, lang)),
        h(
          'td',
          { 'data-value': String(y.expectedLossRatio), class: y.expectedLossRatio > 1 ? 'bad' : undefined },
          formatPercent(y.expectedLossRatio),
        ),
        cell(y.balance.p5, formatYuan(y.balance.p5, lang)),
        cell(y.balance.p50, formatYuan(y.balance.p50, lang)),
        cell(y.balance.p95, formatYuan(y.balance.p95, lang)),
        cell(y.probDepleted, formatPercent(y.probDepleted, 2)),
        cell(y.expectedBackstopUse, formatYuan(y.expectedBackstopUse, lang)),
      ),
    ),
  );
}
