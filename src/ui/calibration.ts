/**
 * Calibration (校准) of the scenario's cost risk, two ways:
 * (a) to aggregates — the loaded history's years that have claimants, chosen by the user, through
 *     `calibrateScenario`: the fit year by year (observed against fitted expected payout), the new
 *     rate and cost level, and a button that puts the calibrated risk into the draft (an edit,
 *     autosaved);
 * (b) to claim-level data — a CSV of individual costs through `parseClaims` and `fitClaims`: the
 *     three fits ranked by AIC with the KS distance, a QQ plot, and a button that puts the chosen
 *     fit into the risk's cost distribution.
 * (c) to several figures at once — members, claimants, paid, counts above thresholds, the largest —
 *     entered or loaded (calibrationTargets.ts): the families ranked by Σz² and each target against
 *     the best fit.
 * The first two computations are fast but run after a tick, so the page paints first.
 */
import { qqPlotSpec } from '../charts/qqPlot.ts';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import type { CostDist, CostRisk, Scenario } from '../domain/scenario.ts';
import {
  calibrateScenario,
  calibrationYears,
  fitClaims,
  parseClaims,
  type CalibrationRow,
  type ClaimFit,
  type FitClaimsResult,
  type HistoryProblem,
  type HistoryRow,
  type SheetRecords,
} from '../history/index.ts';
import { per100 } from '../messages/figures.ts';
import { historyMessageText, historyProblemText } from '../messages/history.ts';
import { dataTable, h, problemBox } from './dom.ts';
import { figure } from './figure.ts';
import { CSV_FILES, filePicker, XLSX_FILES } from './filePicker.ts';
import { tableFiles } from './xlsx.ts';
import { LABELS } from './i18n.ts';
import { setAt } from './paths.ts';
import type { Store } from './store.ts';
import { rateText } from './describe.ts';
import { costParams, costPartsNote, createTargetsPanel } from './calibrationTargets.ts';

type CalResult = ReturnType<typeof calibrateScenario>;

const digits = (x: number, d = 4) => x.toLocaleString('en-US', { maximumSignificantDigits: d });

/** The cost risks of a scenario, by id. */
const costRisks = (s: Scenario | null): CostRisk[] =>
  s ? s.risks.filter((r): r is CostRisk => r.kind === 'cost') : [];

export function createCalibration(deps: { store: Store }) {
  const { store } = deps;
  let rows: HistoryRow[] | null = null;
  let chosen = new Set<number>();
  let riskId = '';
  let cal: CalResult | null = null;
  let calApplied = false;
  let claims: { name: string; costs: number[] } | null = null;
  let claimsProblems: { name: string; problems: HistoryProblem[] } | null = null;
  let fits: FitClaimsResult | null = null;
  let family = '';
  let fitApplied = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Claim files: a CSV, or a workbook's sheet (the first, then any from the chooser). */
  const claimFiles = tableFiles({
    chooserId: 'claims-sheet',
    read: (name, source) => setTimeout(() => readClaims(name, source), 0),
    refuse: (name, problems) => {
      claimsProblems = { name, problems };
      draw();
    },
  });
  const aggBox = h('div', {});
  const targetsBox = h('div', {});
  const fitBox = h('div', {});
  const el = h(
    'section',
    { class: 'calibration compare-results', 'data-testid': 'calibration' },
    aggBox,
    targetsBox,
    fitBox,
  );
  const L = () => LABELS[store.state.lang];

  const risks = () => costRisks(store.state.valid);
  const risk = () => risks().find((r) => r.id === riskId) ?? risks()[0] ?? null;
  const targets = createTargetsPanel({ store, risk, applyRisk: (r) => applyRisk(r) });

  /** Recomputes (after a tick) and redraws. */
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      compute();
      draw();
    }, 0);
  }

  function compute() {
    const s = store.state.valid;
    const r = risk();
    cal = null;
    if (s && r && rows && chosen.size > 0) {
      const share = r.who === 'female' ? (s.members.femaleShare ?? null) : null;
      cal = calibrateScenario(calibrationYears(rows, chosen, share), s, r.id);
    }
    fits = claims ? fitClaims(claims.costs, { qqPoints: 60 }) : null;
    if (fits?.ok && !fits.fits.some((f) => f.family === family)) family = fits.fits[0].family;
  }

  function setHistory(next: HistoryRow[] | null) {
    rows = next;
    chosen = new Set((next ?? []).filter((r) => r.claimants !== undefined).map((r) => r.year));
    calApplied = false;
  }

  function applyRisk(next: CostRisk | ((r: CostRisk) => CostRisk)) {
    const r = risk();
    const draftRisks = store.state.draft.risks;
    if (!r || !Array.isArray(draftRisks)) return false;
    const i = draftRisks.findIndex((d) => (d as { id?: unknown })?.id === r.id);
    if (i < 0) return false;
    setAt(store.state.draft, `risks[${i}]`, structuredClone(typeof next === 'function' ? next(r) : next));
    store.edited(true);
    return true;
  }

  function riskSelect(): HTMLElement {
    const l = L();
    const r = risk();
    return h(
      'label',
      { class: 'field' },
      h('span', { class: 'label' }, l.calRisk),
      h(
        'select',
        {
          'data-testid': 'calibration-risk',
          onchange: (e: Event) => {
            riskId = (e.target as HTMLSelectElement).value;
            calApplied = false;
            targets.reset();
            fitApplied = false;
            schedule();
          },
        },
        risks().map((k) => h('option', { value: k.id, selected: k.id === r?.id }, k.id)),
      ),
    );
  }

  function aggregates(): HTMLElement {
    const l = L();
    const lang = store.state.lang;
    const withClaimants = (rows ?? []).filter((r) => r.claimants !== undefined);
    const head = [h('h3', {}, l.calAggTitle), h('p', { class: 'note' }, l.calHint)];
    if (!store.state.valid) return h('div', {}, head, h('p', { class: 'note error-text' }, l.calInvalid));
    if (risks().length === 0) return h('div', {}, head, h('p', { class: 'note' }, l.calNoCostRisk));
    if (withClaimants.length === 0) return h('div', {}, head, h('p', { class: 'note' }, l.calNeedHistory));
    const years = h(
      'fieldset',
      { class: 'calibration-years' },
      h('legend', {}, l.calYears),
      withClaimants.map((r) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            'data-testid': 'calibration-year',
            'data-year': String(r.year),
            checked: chosen.has(r.year),
            onchange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) chosen.add(r.year);
              else chosen.delete(r.year);
              calApplied = false;
              schedule();
            },
          }),
          ` ${l.histYear(r.year)}`,
        ),
      ),
    );
    const out: (HTMLElement | string)[] = [];
    const r = risk()!;
    if (chosen.size === 0) out.push(h('p', { class: 'note' }, l.calNoYears));
    else if (cal && !cal.ok)
      out.push(problemBox(l.calFailed, worded(lang, cal.problems), { 'data-testid': 'calibration-error' }));
    else if (cal && cal.ok) {
      out.push(
        h(
          'p',
          {
            class: 'calibration-summary',
            'data-testid': 'calibration-summary',
            'data-rate': String(cal.claimRate),
          },
          [
            l.calRate(typeof r.rate === 'number' ? per100(r.rate) : rateText(r.rate), per100(cal.claimRate)),
            costChange(r.cost, cal.risk.cost, cal.costScale, lang),
            l.calPerClaimant(formatYuan(cal.perClaimant, lang)),
          ].join(l.ruleSep),
        ),
        r.who === 'female' ? h('p', { class: 'note' }, l.calFemale) : '',
        costPartsNote(store.state.valid, r, lang, 'calibration-parts'),
        calibrationTable(cal.table, lang),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-testid': 'apply-calibration',
              onclick: () => {
                const fitted = cal?.ok ? cal.risk : null;
                if (fitted && applyRisk(fitted)) {
                  calApplied = true;
                  draw();
                }
              },
            },
            l.calApply,
          ),
          calApplied ? h('span', { class: 'note', role: 'status' }, l.calApplied) : '',
        ),
      );
    }
    return h('div', {}, head, years, out);
  }

  function claimLevel(): { el: HTMLElement; draw: (() => Promise<void>) | null } {
    const l = L();
    const lang = store.state.lang;
    const controls = h(
      'div',
      { class: 'row' },
      filePicker({
        id: 'claims-file',
        accept: `${CSV_FILES},${XLSX_FILES}`,
        label: l.fitOpen,
        onFile: (file) => claimFiles.open(file),
      }),
      claimFiles.chooser(l.sheetChoose),
      claims ? h('span', { class: 'note' }, l.histShowing(claims.name)) : '',
    );
    const parts: (HTMLElement | string)[] = [
      h('h3', {}, l.fitTitle),
      h('p', { class: 'note' }, l.fitHint),
      controls,
    ];
    if (claimsProblems) {
      parts.push(
        problemBox(l.fitRejected(claimsProblems.name), worded(lang, claimsProblems.problems), {
          'data-testid': 'claims-error',
        }),
      );
    }
    if (!fits)
      return {
        el: h('div', {}, parts, claimsProblems ? '' : h('p', { class: 'empty' }, l.fitNone)),
        draw: null,
      };
    if (!fits.ok) {
      parts.push(problemBox(l.fitFailed, worded(lang, fits.problems)));
      return { el: h('div', {}, parts), draw: null };
    }
    const f = fits;
    const chart = figure('chart-qq');
    const chosenFit = f.fits.find((x) => x.family === family) ?? f.fits[0];
    const r = risk();
    parts.push(
      h('p', { class: 'note' }, l.fitSummary(f.n.toLocaleString('en-US'), digits(f.ksReference, 3))),
      fitTable(f.fits, lang, family, (next) => {
        family = next;
        fitApplied = false;
        draw();
      }),
      store.state.valid && r
        ? h(
            'div',
            { class: 'row' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                'data-testid': 'apply-fit',
                disabled: !chosenFit.meanExists,
                title: chosenFit.meanExists ? undefined : l.fitNoMean,
                onclick: () => {
                  if (applyRisk((k) => ({ ...k, cost: chosenFit.dist as CostDist }))) {
                    fitApplied = true;
                    draw();
                  }
                },
              },
              l.fitApply(r.id),
            ),
            fitApplied ? h('span', { class: 'note', role: 'status' }, l.fitApplied) : '',
          )
        : h('p', { class: 'note' }, store.state.valid ? l.calNoCostRisk : l.calInvalid),
      chart.el,
    );
    return {
      el: h('div', {}, parts),
      draw: () =>
        chart.draw(
          qqPlotSpec(
            f.fits.map((x) => ({ label: l.distNames[x.family] ?? x.family, points: x.qq })),
            {
              lang,
              labels: l.qq,
              width: Math.min(640, Math.max(320, (el.clientWidth || 700) - 40)),
              height: 320,
            },
          ),
          lang,
        ),
    };
  }

  function readClaims(name: string, source: string | SheetRecords) {
    const parsed = parseClaims(source);
    if (!parsed.ok) claimsProblems = { name, problems: parsed.problems };
    else {
      claims = { name, costs: parsed.costs };
      claimsProblems = null;
      family = '';
      fitApplied = false;
    }
    compute();
    draw();
  }

  function draw() {
    aggBox.replaceChildren(
      h('h2', {}, L().calTitle),
      risks().length > 0 ? h('div', { class: 'row' }, riskSelect()) : '',
      aggregates(),
    );
    if (store.state.valid && risk()) {
      targets.draw();
      targetsBox.replaceChildren(targets.el);
    } else targetsBox.replaceChildren();
    const c = claimLevel();
    fitBox.replaceChildren(c.el);
    if (c.draw && el.isConnected && el.offsetParent !== null) void c.draw();
  }

  /** Everything again (a language, a scenario, new history): recompute after a tick. */
  function render() {
    draw();
    schedule();
  }

  /** Drops a recomputation still waiting. */
  const dispose = () => clearTimeout(timer);
  return { el, render, setHistory, dispose };
}

/** History problems as the lists show them, in `lang`. */
const worded = (lang: Lang, problems: readonly HistoryProblem[]) =>
  problems.map((p) => historyProblemText(lang, p));

function costChange(from: CostDist, to: CostDist, scale: number, lang: Lang): string {
  const l = LABELS[lang];
  if (
    (from.dist === 'lognormal' || from.dist === 'gamma') &&
    (to.dist === 'lognormal' || to.dist === 'gamma')
  )
    return l.calMean(formatYuan(from.mean, lang), formatYuan(to.mean, lang));
  if (from.dist === 'pareto' && to.dist === 'pareto')
    return l.calScale(formatYuan(from.scale, lang), formatYuan(to.scale, lang));
  return l.calValues(digits(scale));
}

function calibrationTable(table: readonly CalibrationRow[], lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const td = (col: string, value: number, text: string) =>
    h('td', { 'data-col': col, 'data-value': String(value) }, text);
  return dataTable(
    { class: 'compare-table calibration-table', 'data-testid': 'calibration-table' },
    l.calCols,
    table.map((y) =>
      h(
        'tr',
        { 'data-year': y.year === null ? '' : String(y.year) },
        h('th', {}, y.year === null ? '—' : l.histYear(y.year)),
        td('members', y.members, y.members.toLocaleString('en-US')),
        td('claimants', y.claimants, y.claimants.toLocaleString('en-US')),
        td('fitted-claimants', y.expectedClaimants, Math.round(y.expectedClaimants).toLocaleString('en-US')),
        td('observed', y.paid, formatYuan(y.paid, lang)),
        td('fitted', y.expectedPaid, formatYuan(y.expectedPaid, lang)),
        td('ratio', y.ratio, formatPercent(y.ratio)),
      ),
    ),
  );
}

function fitTable(
  fits: readonly ClaimFit[],
  lang: Lang,
  chosen: string,
  choose: (family: string) => void,
): HTMLElement {
  const l = LABELS[lang];
  return dataTable(
    { class: 'compare-table fit-table', 'data-testid': 'fit-table' },
    l.fitCols,
    fits.map((f, i) =>
      h(
        'tr',
        { 'data-family': f.family, 'data-rank': String(i + 1) },
        h('th', {}, String(i + 1)),
        h('td', {}, l.distNames[f.family] ?? f.family),
        h('td', {}, costParams(f.dist, lang)),
        h('td', { 'data-value': String(f.aic) }, f.aic.toFixed(1)),
        h('td', { 'data-value': String(f.deltaAic) }, f.deltaAic.toFixed(1)),
        h('td', { 'data-value': String(f.ks) }, f.ks.toFixed(3)),
        h('td', {}, f.notes.map((n) => historyMessageText(lang, n)).join(l.ruleSep)),
        h(
          'td',
          {},
          h('input', {
            type: 'radio',
            name: 'fit-choice',
            value: f.family,
            'data-testid': 'fit-choose',
            'aria-label': l.distNames[f.family] ?? f.family,
            checked: f.family === chosen,
            onchange: () => choose(f.family),
          }),
        ),
      ),
    ),
  );
}
