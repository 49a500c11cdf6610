/**
 * The calibration view's third part: a cost risk fitted to several figures at once
 * (history/calibrateTargets.ts). The targets are entered in a form (members, claimants, total
 * paid and its tolerance, up to three thresholds with their counts, the largest, whether the
 * amounts are payouts or costs) or loaded from a targets JSON file (docs/cli.md, `calibrate`),
 * which fills the form; "Fit" checks them (readTargets) and fits every family. Shown: the
 * families ranked by Σz², and for the best one each target observed / fitted / z; a button puts
 * the best fit (cost, and the rate when members and claimants are given) into the draft.
 */
import { formatYuan, type Lang } from '../domain/format.ts';
import type { CostDist, CostRisk, Scenario } from '../domain/scenario.ts';
import {
  calibrateTargets,
  costParts,
  readTargets,
  type FamilyTargetFit,
  type HistoryProblem,
  type TargetCalibrationResult,
  type TargetRow,
} from '../history/index.ts';
import { parseJson } from '../io/parseJson.ts';
import { average } from '../messages/figures.ts';
import { historyMessageText, historyProblemText } from '../messages/history.ts';
import { jsonReasonText } from '../messages/validation.ts';
import { dataTable, h, problemBox } from './dom.ts';
import { filePicker, JSON_FILES } from './filePicker.ts';
import { LABELS } from './i18n.ts';
import type { Store } from './store.ts';

const ROWS = 3;
const digits = (x: number, d = 4) => x.toLocaleString('en-US', { maximumSignificantDigits: d });

interface Form {
  members: string;
  claimants: string;
  paid: string;
  tolerance: string;
  thresholds: string[];
  counts: string[];
  largest: string;
  on: 'payout' | 'cost';
}

const emptyForm = (): Form => ({
  members: '',
  claimants: '',
  paid: '',
  tolerance: '1',
  thresholds: Array(ROWS).fill(''),
  counts: Array(ROWS).fill(''),
  largest: '',
  on: 'payout',
});

/** A field's text as the targets want it: absent when blank, a number when it reads as one, else the text (refused with its message). */
const value = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};

/** The form as raw targets for readTargets. */
function rawTargets(f: Form): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined) raw[k] = v;
  };
  put('members', value(f.members));
  put('claimants', value(f.claimants));
  put('paid', value(f.paid));
  const tol = value(f.tolerance);
  put('paidTolerance', typeof tol === 'number' ? tol / 100 : tol);
  const above = f.thresholds
    .map((t, i) => ({ threshold: value(t), count: value(f.counts[i]) }))
    .filter((a) => a.threshold !== undefined || a.count !== undefined);
  if (above.length) raw.above = above;
  put('largest', value(f.largest));
  raw.on = f.on;
  return raw;
}

/** A targets file's fields into the form (fields it does not have are left blank). */
function formFrom(o: Record<string, unknown>): Form {
  const f = emptyForm();
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  f.members = text(o.members);
  f.claimants = text(o.claimants);
  f.paid =
    o.paid !== undefined
      ? text(o.paid)
      : typeof o.paidPerClaimant === 'number' && typeof o.claimants === 'number'
        ? String(o.paidPerClaimant * o.claimants)
        : '';
  if (typeof o.paidTolerance === 'number') f.tolerance = String(o.paidTolerance * 100);
  if (Array.isArray(o.above))
    o.above.slice(0, ROWS).forEach((a: { threshold?: unknown; count?: unknown }, i) => {
      f.thresholds[i] = text(a?.threshold);
      f.counts[i] = text(a?.count);
    });
  f.largest = text(o.largest);
  if (o.on === 'cost') f.on = 'cost';
  return f;
}

export function createTargetsPanel(deps: {
  store: Store;
  risk: () => CostRisk | null;
  applyRisk: (r: CostRisk) => boolean;
}) {
  const { store } = deps;
  let form = emptyForm();
  let result: TargetCalibrationResult | null = null;
  let refused: HistoryProblem[] | null = null;
  let fileProblem: string | null = null;
  let applied = false;
  const el = h('div', { class: 'calibration-targets', 'data-testid': 'targets' });
  const L = () => LABELS[store.state.lang];

  function fit() {
    const s = store.state.valid;
    const r = deps.risk();
    applied = false;
    fileProblem = null;
    if (!s || !r) return;
    const read = readTargets(rawTargets(form));
    refused = read.ok ? null : read.problems;
    result = read.ok ? calibrateTargets(read.targets, r, s.benefits) : null;
    draw();
  }

  async function load(file: File) {
    const parsed = parseJson(await file.text());
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      fileProblem =
        parsed.ok || parsed.code === 'too-large'
          ? file.name
          : `${file.name}: ${parsed.line}:${parsed.column} ${jsonReasonText(store.state.lang, parsed.reason)}`;
      result = null;
      refused = null;
      draw();
      return;
    }
    form = formFrom(parsed.value as Record<string, unknown>);
    fit();
  }

  function input(testid: string, label: string, get: () => string, set: (v: string) => void, index?: number) {
    return h(
      'label',
      { class: 'field' },
      h('span', { class: 'label' }, label),
      h('input', {
        type: 'text',
        inputmode: 'decimal',
        value: get(),
        'data-testid': testid,
        ...(index === undefined ? {} : { 'data-index': String(index) }),
        oninput: (e: Event) => set((e.target as HTMLInputElement).value),
      }),
    );
  }

  function formView(): HTMLElement {
    const l = L();
    const rows = [];
    for (let i = 0; i < ROWS; i++)
      rows.push(
        h(
          'div',
          { class: 'row' },
          input(
            'targets-threshold',
            l.tgtThreshold(i + 1),
            () => form.thresholds[i],
            (v) => (form.thresholds[i] = v),
            i,
          ),
          input(
            'targets-count',
            l.tgtCount(i + 1),
            () => form.counts[i],
            (v) => (form.counts[i] = v),
            i,
          ),
        ),
      );
    const on = h(
      'label',
      { class: 'field' },
      h('span', { class: 'label' }, l.tgtOn),
      h(
        'select',
        {
          'data-testid': 'targets-on',
          onchange: (e: Event) => (form.on = (e.target as HTMLSelectElement).value as Form['on']),
        },
        (['payout', 'cost'] as const).map((k) =>
          h('option', { value: k, selected: form.on === k }, l.tgtOnNames[k]),
        ),
      ),
    );
    return h(
      'div',
      { class: 'targets-form' },
      h(
        'div',
        { class: 'row' },
        input(
          'targets-members',
          l.tgtMembers,
          () => form.members,
          (v) => (form.members = v),
        ),
        input(
          'targets-claimants',
          l.tgtClaimants,
          () => form.claimants,
          (v) => (form.claimants = v),
        ),
        input(
          'targets-paid',
          l.tgtPaid,
          () => form.paid,
          (v) => (form.paid = v),
        ),
        input(
          'targets-tolerance',
          l.tgtTolerance,
          () => form.tolerance,
          (v) => (form.tolerance = v),
        ),
      ),
      rows,
      h(
        'div',
        { class: 'row' },
        input(
          'targets-largest',
          l.tgtLargest,
          () => form.largest,
          (v) => (form.largest = v),
        ),
        on,
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'primary', 'data-testid': 'targets-fit', onclick: fit },
          l.tgtFit,
        ),
        filePicker({ id: 'targets-file', accept: JSON_FILES, label: l.tgtOpen, onFile: (f) => void load(f) }),
      ),
    );
  }

  function resultView(): (HTMLElement | string)[] {
    const l = L();
    const lang = store.state.lang;
    if (fileProblem !== null)
      return [
        problemBox(l.tgtFailed, [{ path: fileProblem, message: '' }], { 'data-testid': 'targets-error' }),
      ];
    const problems = refused ?? (result && !result.ok ? result.problems : null);
    if (problems)
      return [
        problemBox(
          l.tgtFailed,
          problems.map((p) => historyProblemText(lang, p)),
          { 'data-testid': 'targets-error' },
        ),
      ];
    if (!result || !result.ok) return [];
    const r = result;
    const risk = deps.risk();
    return [
      costPartsNote(store.state.valid, risk, lang, 'targets-parts'),
      familiesTable(r.fits, lang),
      h(
        'p',
        { class: 'note', 'data-testid': 'targets-summary' },
        l.tgtSummary(r.targets, r.fits[0].objective.toFixed(2)),
      ),
      rowsTable(r.fits[0], lang),
      risk
        ? h(
            'div',
            { class: 'row' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                'data-testid': 'apply-targets',
                onclick: () => {
                  if (deps.applyRisk(r.risk)) {
                    applied = true;
                    draw();
                  }
                },
              },
              l.tgtApply(risk.id),
            ),
            applied ? h('span', { class: 'note', role: 'status' }, l.tgtApplied) : '',
          )
        : '',
    ];
  }

  function draw() {
    const l = L();
    el.replaceChildren(
      h('h3', {}, l.tgtTitle),
      h('p', { class: 'note' }, l.tgtHint),
      formView(),
      ...resultView(),
    );
  }

  /** Forgets the fit (another risk or scenario); the form is kept. */
  function reset() {
    result = null;
    refused = null;
    applied = false;
  }

  return { el, draw, reset };
}

/** A fitted cost's parameters in words (scale and shape, or mean and cv); this view's and the claim-list fit's. */
export function costParams(d: CostDist, lang: Lang): string {
  const l = LABELS[lang];
  if (d.dist === 'pareto') return l.fitScaleShape(formatYuan(d.scale, lang), digits(d.shape));
  if (d.dist === 'lognormal' || d.dist === 'gamma')
    return l.fitMeanCv(formatYuan(d.mean, lang), digits(d.cv));
  return '';
}

/**
 * The note that other cost risks pay the same tables as `risk` (history/costParts.ts): figures of
 * the whole cost fitted to one part give it the other parts' claimants too. '' when there are none.
 */
export function costPartsNote(
  scenario: Scenario | null,
  risk: CostRisk | null,
  lang: Lang,
  testid: string,
): HTMLElement | '' {
  const parts = risk && scenario ? costParts(scenario, risk.id) : [];
  return parts.length === 0
    ? ''
    : h(
        'p',
        { class: 'note caution', role: 'note', 'data-testid': testid },
        historyMessageText(lang, { code: 'tgtOtherParts', params: { risk: risk!.id, parts } }),
      );
}

function familiesTable(fits: readonly FamilyTargetFit[], lang: Lang): HTMLElement {
  const l = LABELS[lang];
  return dataTable(
    { class: 'compare-table', 'data-testid': 'targets-families' },
    l.tgtFamiliesCols,
    fits.map((f, i) =>
      h(
        'tr',
        { 'data-family': f.family, 'data-rank': String(i + 1) },
        h('th', {}, String(i + 1)),
        h('td', {}, l.distNames[f.family] ?? f.family),
        h('td', {}, costParams(f.cost, lang)),
        h('td', { 'data-col': 'objective', 'data-value': String(f.objective) }, f.objective.toFixed(2)),
      ),
    ),
  );
}

/** Observed and fitted as shown: counts as counts, amounts to the yuan (read digit by digit). */
function shown(r: TargetRow, x: number): string {
  if (r.kind === 'claimants') return Math.round(x).toLocaleString('en-US');
  if (r.kind === 'above') return Number.isInteger(x) ? x.toLocaleString('en-US') : digits(x);
  return average(x);
}

function rowsTable(fit: FamilyTargetFit, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const td = (col: string, v: number, text: string) =>
    h('td', { 'data-col': col, 'data-value': String(v) }, text);
  return dataTable(
    { class: 'compare-table', 'data-testid': 'targets-table', 'data-family': fit.family },
    l.tgtCols,
    fit.rows.map((r) =>
      h(
        'tr',
        { 'data-kind': r.kind, 'data-threshold': r.threshold === undefined ? '' : String(r.threshold) },
        h('th', {}, r.kind === 'above' ? l.tgtAbove(average(r.threshold!)) : l.tgtKinds[r.kind]),
        td('observed', r.observed, shown(r, r.observed)),
        td('fitted', r.fitted, shown(r, r.fitted)),
        td('z', r.z, `${r.z < 0 ? '−' : ''}${Math.abs(r.z).toFixed(2)}`),
      ),
    ),
  );
}
