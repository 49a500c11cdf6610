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
import { resolveScheme } from '../domain/defaults.ts';
import type { Lang } from '../domain/format.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ScenarioProblem } from '../domain/validation.ts';
import { compareVersions, type Comparison } from '../engine/compare.ts';
import type { Runner } from '../engine/runner.ts';
import { loadScenarioText } from '../io/loadScenario.ts';
import { serialiseScenario } from '../io/serialise.ts';
import { compareFlags, renderChanges, renderCompareTable } from './compareTable.ts';
import { comparisonCsv } from './csv.ts';
import { h, textField } from './dom.ts';
import type { ExactClient } from './exactClient.ts';
import { EXAMPLES, exampleScenario, readScenarioFile } from './files.ts';
import { csvExportButton, figure } from './figure.ts';
import { comparisonSheets } from '../workbook/results.ts';
import { xlsxExportButton } from './xlsx.ts';
import { filePicker, JSON_FILES } from './filePicker.ts';
import { failureText } from './runErrors.ts';
import { LABELS, type Labels } from './i18n.ts';
import { progressRunner } from './progressRunner.ts';
import { createRunController, type RunController } from './runController.ts';
import type { Store, ViewState } from './store.ts';
import { createRunView, runControls, type View } from './view.ts';

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
  showError: (title: ((l: Labels) => string) | null, problems?: ScenarioProblem[]) => void;
}

/** A version's short name for chart legends: its number, and for several benefits the benefit. */
export const versionLabel = (lang: Lang, i: number, benefit?: string) =>
  benefit ? `${LABELS[lang].versionNo(i)} · ${benefit}` : LABELS[lang].versionNo(i);

export function createCompareView(deps: Deps): View {
  const { store } = deps;
  /** The view's state, in the store (autosaved): slots, opened files, iterations, seed. */
  const vs = () => store.state.views.compare;
  const keep = (patch: Partial<ViewState['compare']>) => store.setViews('compare', { ...vs(), ...patch });
  let result: CompareResult | null = null;
  /** The opened files read back (each text validated once). */
  const parsed = new Map<string, Scenario | null>();

  const L = () => LABELS[store.state.lang];

  function fileScenario(k: number): Scenario | null {
    const f = vs().files[k];
    if (!f) return null;
    if (!parsed.has(f.text)) {
      const loaded = loadScenarioText(f.text);
      parsed.set(f.text, loaded.ok ? loaded.scenario : null);
    }
    return parsed.get(f.text) ?? null;
  }

  function scenarioOf(choice: string): Scenario | null {
    if (choice === 'draft') return store.state.valid;
    if (choice.startsWith('example:')) return exampleScenario(choice.slice('example:'.length));
    if (choice.startsWith('file:')) return fileScenario(Number(choice.slice('file:'.length)));
    return null;
  }

  function chosen(): Scenario[] {
    return vs()
      .slots.map(scenarioOf)
      .filter((s): s is Scenario => s !== null);
  }

  async function addFile(file: File) {
    const opened = await readScenarioFile(file);
    if (!opened.ok) return deps.showError((l) => l.compareFileRejected(file.name), opened.problems);
    deps.showError(null);
    const text = serialiseScenario(opened.scenario);
    parsed.set(text, opened.scenario);
    const files = [...vs().files, { name: file.name, text }];
    const slots = vs().slots.slice();
    const empty = slots.indexOf('');
    if (empty >= 0) slots[empty] = `file:${files.length - 1}`;
    keep({ files, slots });
    renderForm();
  }

  const runs: RunController = createRunController<CompareResult>({
    testids: { run: 'compare-run', cancel: 'compare-cancel', progress: 'compare-progress' },
    labels: () => {
      const l = L();
      return {
        run: l.compareRun,
        cancel: l.cancel,
        running: l.compareRunning,
        cancelled: l.compareCancelled,
      };
    },
    canRun: () => chosen().length >= 2,
    async task(signal, onProgress) {
      const scenarios = chosen();
      const base = resolveScheme(scenarios[0]).simulation;
      const n = Math.round(Number(vs().iterations));
      const runner = progressRunner(deps.runner, scenarios.length, {
        signal,
        onProgress: (p) => onProgress(p),
      });
      const { comparison, simulations } = await compareVersions(scenarios, runner, {
        iterations: Number.isInteger(n) && n > 0 ? n : base.iterations,
        seed: vs().seed.trim() || base.seed,
      });
      const exact = (await deps.exact.probDeficits(scenarios)) ?? scenarios.map(() => null);
      return { comparison, scenarios, totals: simulations.map((s) => s.totals), exact };
    },
    done: (r) => {
      result = r;
    },
    failure: (e) =>
      h('p', { class: 'note error-text' }, `${L().compareFailed}${failureText(e, store.state.lang)}`),
    notes: () => [chosen().length < 2 && !runs.running && h('p', { class: 'note' }, L().compareNeedTwo)],
    settled: (status) => {
      render();
      if (status === 'done') store.setCompare(result);
    },
  });

  function choices(): HTMLElement {
    const l = L();
    const { slots, files } = vs();
    const options = (i: number) =>
      [
        h('option', { value: '' }, l.choiceNone),
        h(
          'option',
          { value: 'draft', disabled: !store.state.valid },
          store.state.valid ? l.choiceDraft : l.choiceDraftInvalid,
        ),
        EXAMPLES.map((e) =>
          h('option', { value: `example:${e.file}` }, l.choiceExample(e.file.replace(/\.json$/, ''))),
        ),
        files.map((f, k) => h('option', { value: `file:${k}` }, l.choiceFile(f.name))),
      ]
        .flat()
        .map((o) => {
          o.selected = o.value === slots[i];
          return o;
        });
    return h(
      'div',
      { class: 'compare-choices' },
      Array.from({ length: SLOTS }, (_, i) =>
        h(
          'label',
          { class: 'field' },
          h('span', { class: 'label' }, l.versionSlot(i)),
          h(
            'select',
            {
              'data-testid': `compare-version-${i}`,
              onchange: (e: Event) => {
                const next = vs().slots.slice();
                next[i] = (e.target as HTMLSelectElement).value;
                keep({ slots: next });
                renderForm();
              },
            },
            options(i),
          ),
        ),
      ),
    );
  }

  function controls(): HTMLElement {
    const l = L();
    const { iterations, seed } = vs();
    const base = chosen()[0];
    const defaults = base ? resolveScheme(base).simulation : null;
    return runControls(runs, [
      filePicker({
        id: 'compare-file',
        accept: JSON_FILES,
        label: l.compareOpenFile,
        onFile: (f) => void addFile(f),
      }),
      textField({
        testid: 'compare-iterations',
        label: l.iterations,
        value: iterations,
        placeholder: defaults ? String(defaults.iterations) : '',
        numeric: true,
        onInput: (v) => keep({ iterations: v }),
      }),
      textField({
        testid: 'compare-seed',
        label: l.seed,
        value: seed,
        placeholder: defaults?.seed ?? '',
        onInput: (v) => keep({ seed: v }),
      }),
    ]);
  }

  function results(r: CompareResult): { el: HTMLElement; draw: () => Promise<void> } {
    const lang = store.state.lang;
    const l = LABELS[lang];
    const payout = figure('chart-compare-payout');
    const benefit = figure('chart-compare-benefit');
    const section = h(
      'div',
      { class: 'compare-results' },
      renderCompareTable(r, lang),
      compareFlags(r.comparison, lang),
      payout.el,
      benefit.el,
      renderChanges(r.comparison, lang),
      h(
        'div',
        { class: 'row' },
        csvExportButton(
          'compare-export-csv',
          l.compareExport,
          () => 'huzhu-comparison.csv',
          () => comparisonCsv(r.comparison, r.exact),
        ),
        xlsxExportButton(
          'compare-export-xlsx',
          l.exportXlsx,
          () => 'huzhu-comparison.xlsx',
          (lang) => comparisonSheets(r.comparison, lang),
          () => lang,
        ),
      ),
      h(
        'p',
        { class: 'run-info' },
        l.runInfo(r.comparison.iterations.toLocaleString('en-US'), r.comparison.seed),
      ),
    );
    const draw = async () => {
      const width = Math.max(360, (el.clientWidth || 900) - 40);
      const bins = overlayBins(r.totals, 40);
      const series = r.comparison.versions.map((v, i) => ({
        label: versionLabel(lang, i),
        bins: bins[i],
        income: v.income,
      }));
      const curves = compareCurves(r.scenarios, lang);
      benefit.el.hidden = curves.length === 0;
      await Promise.all([
        payout.draw(
          payoutOverlaySpec(series, {
            lang,
            labels: {
              title: l.chartOverlayTitle,
              x: l.chartPayoutX,
              y: l.chartPayoutY,
              income: l.chartIncome,
            },
            width,
            height: 280,
          }),
          lang,
        ),
        curves.length > 0 &&
          benefit.draw(
            benefitCurveSpec(curves, {
              lang,
              labels: { title: l.chartCurvesTitle, x: l.chartBenefitX, y: l.chartBenefitY },
              width,
              height: 260,
            }),
            lang,
          ),
      ]);
    };
    return { el: section, draw };
  }

  const view = createRunView({
    tab: 'compare',
    store,
    texts: (l) => ({
      tab: l.tabCompare,
      title: l.compareTitle,
      hint: l.compareHint,
      empty: l.compareNoResult,
    }),
    form: () => [choices(), controls()],
    results: () => result && results(result),
    runs,
  });
  const { el, render, renderForm } = view;
  return view;
}

/** Every version's cost benefits (bands, steps) as curves over one cost range, named by version. */
export function compareCurves(scenarios: Scenario[], lang: Lang): Curve[] {
  const all = scenarios.flatMap((s, i) =>
    s.benefits.flatMap((b) => (b.type === 'bands' || b.type === 'steps' ? [{ i, b }] : [])),
  );
  if (all.length === 0) return [];
  const maxCost = Math.max(...all.map(({ b }) => defaultMaxCost(b)));
  const several = new Set(all.map(({ b }) => b.id)).size > 1;
  return all.flatMap(({ i, b }) => {
    try {
      return [
        {
          id: `${i}:${b.id}`,
          label: versionLabel(lang, i, several ? b.id : undefined),
          points: benefitCurve(b, maxCost),
        },
      ];
    } catch {
      return []; // a step benefit with too many steps to draw over this range
    }
  });
}
