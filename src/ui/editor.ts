/**
 * The scenario editor: forms over the draft, each input bound to its field path (`data-field`),
 * each with a place for the validator's message (`data-field-error`). Typing mutates the draft and
 * revalidates; nothing typed is discarded, even when invalid (a number field keeps the raw text
 * until it parses). Structural edits (add or remove a row, change a type) rebuild the editor.
 */
import type { Lang } from '../domain/format.ts';
import { formatPerMember } from '../domain/format.ts';
import { ALL_GROUP, SCENARIO_FORMAT_1, SCENARIO_FORMAT_2 } from '../domain/scenario.ts';
import type { ScenarioProblem } from '../domain/validation.ts';
import { splitContributions } from '../engine/splitContributions.ts';
import { scenarioProblemText } from '../messages/validation.ts';
import { h, type Child } from './dom.ts';
import { LABELS, type Labels } from './i18n.ts';
import { getAt, parsePath, setAt, type Draft } from './paths.ts';
import type { Store } from './store.ts';

/** The paths of the fields format /2 adds (docs/scenario-format.md). */
const FORMAT_2_FIELD = /(^|\.)(perShare|groups|holdings|waitingAmount|limits)(\[|\.|$)/;
const isFormat2Edit = (path: string, value: unknown) =>
  FORMAT_2_FIELD.test(path) ||
  (/^risks\[\d+\]\.rate$/.test(path) && typeof value === 'object') ||
  (path === 'members' && isRecordLike(value) && 'groups' in value);

type Kind = 'text' | 'textarea' | 'number' | 'optional-number' | 'list';

const COST_DEFAULTS: Record<string, Record<string, unknown>> = {
  lognormal: { dist: 'lognormal', mean: 4000, cv: 2 },
  gamma: { dist: 'gamma', mean: 4000, cv: 1 },
  pareto: { dist: 'pareto', scale: 6000, shape: 2.5 },
  empirical: { dist: 'empirical', values: [1000, 4000, 12000] },
};
const DAYS_DEFAULTS: Record<string, Record<string, unknown>> = {
  poisson: { dist: 'poisson', mean: 9 },
  'negative-binomial': { dist: 'negative-binomial', mean: 9, cv: 0.9 },
  fixed: { dist: 'fixed', value: 7 },
  empirical: { dist: 'empirical', values: [3, 7, 12] },
};
const BENEFIT_DEFAULTS: Record<string, (id: string, risk: string) => Record<string, unknown>> = {
  bands: (id, risk) => ({
    id,
    risk,
    type: 'bands',
    bands: [
      { upTo: 10000, rate: 0.5 },
      { upTo: null, rate: 0.6 },
    ],
    cap: 30000,
  }),
  steps: (id, risk) => ({ id, risk, type: 'steps', from: 20000, step: 10000, perStep: 1000, cap: 50000 }),
  daily: (id, risk) => ({ id, risk, type: 'daily', perDay: 30, maxDays: 15 }),
  'lump-sum': (id, risk) => ({ id, risk, type: 'lump-sum', amount: 4000, cap: 16000 }),
};

/** Parses what was typed: a number where it is one, the raw text otherwise (the validator says why). */
function parseValue(raw: string, kind: Kind): unknown {
  const text = raw.trim();
  if (kind === 'text' || kind === 'textarea') return raw;
  if (kind === 'list')
    return text === ''
      ? []
      : text
          .split(/[\s,，]+/)
          .filter(Boolean)
          .map((t) => (Number.isFinite(Number(t)) ? Number(t) : t));
  if (text === '') return kind === 'optional-number' ? undefined : '';
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : raw;
}

function showValue(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return '';
  if (kind === 'list' && Array.isArray(value)) return value.join(', ');
  return String(value);
}

const isRecordLike = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function renderEditor(store: Store): HTMLElement {
  const L = LABELS[store.state.lang];
  const d = store.state.draft;
  const edit = (path: string, value: unknown, structural = false) => {
    setAt(d, path, value);
    // A field only format /2 has (per share, groups, holdings, a waiting amount, limits, a rate by
    // group) makes the draft a /2 scenario, as the workbench saves it: the same scheme otherwise.
    if (value !== undefined && d.format === SCENARIO_FORMAT_1 && isFormat2Edit(path, value))
      d.format = SCENARIO_FORMAT_2;
    store.edited(structural);
  };
  /** A field whose value other parts of the editor list (a group's or a benefit's id): rebuilt when left. */
  const rebuildOnChange = { onchange: () => store.edited(true) };
  const field = (
    path: string,
    label: string,
    kind: Kind = 'number',
    extra: Record<string, string> = {},
    events: Record<string, EventListener> = {},
  ) => {
    const attrs = {
      'data-field': path,
      id: `f-${path}`,
      value: showValue(getAt(d, path), kind),
      spellcheck: 'false',
      inputmode: kind === 'number' || kind === 'optional-number' ? 'decimal' : undefined,
      oninput: (e: Event) => edit(path, parseValue((e.target as HTMLInputElement).value, kind)),
      ...extra,
      ...events,
    };
    const input =
      kind === 'textarea' ? h('textarea', { ...attrs, rows: 3 }) : h('input', { ...attrs, type: 'text' });
    return h(
      'label',
      { class: 'field', for: `f-${path}` },
      h('span', { class: 'label' }, label),
      input,
      h('span', { class: 'field-error', 'data-field-error': path, role: 'alert' }),
    );
  };
  const select = (path: string, label: string, options: [string, string][], onChange: (v: string) => void) =>
    h(
      'label',
      { class: 'field' },
      h('span', { class: 'label' }, label),
      h(
        'select',
        { 'data-field': path, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
        options.map(([value, text]) =>
          h('option', { value, selected: String(getAt(d, path) ?? '') === value }, text),
        ),
      ),
      h('span', { class: 'field-error', 'data-field-error': path, role: 'alert' }),
    );
  const button = (text: string, onclick: () => void, cls = 'small', testid?: string) =>
    h('button', { type: 'button', class: cls, onclick, 'data-testid': testid }, text);
  const list = (path: string) => (Array.isArray(getAt(d, path)) ? (getAt(d, path) as unknown[]) : []);
  /** A yes/no field stored as `true` or left out (the format's default, false). */
  const toggle = (path: string, label: string, hint?: string) =>
    h(
      'label',
      { class: 'field toggle', title: hint },
      h('input', {
        type: 'checkbox',
        'data-field': path,
        checked: getAt(d, path) === true,
        onchange: (e: Event) => edit(path, (e.target as HTMLInputElement).checked ? true : undefined),
      }),
      h('span', { class: 'label' }, label),
      h('span', { class: 'field-error', 'data-field-error': path, role: 'alert' }),
    );
  /**
   * A choice of ids (the groups that pay, the benefits a limit covers): one box per known id, and
   * one per id the file names that is not known (ticked, so it can be unticked; the validator says
   * why it is wrong). `all` = true: every box ticked is stored as the field left out.
   */
  const choice = (path: string, label: string, known: string[], all: boolean) => {
    const given = getAt(d, path);
    const named = Array.isArray(given) ? given.map(String) : all ? known : [];
    const options = [...known, ...named.filter((id) => !known.includes(id))];
    const set = (id: string, on: boolean) => {
      // What is ticked now (the editor is not rebuilt between two ticks).
      const now = getAt(d, path);
      const ticked = Array.isArray(now) ? now.map(String) : all ? known : [];
      const next = options.filter((x) => (x === id ? on : ticked.includes(x)));
      edit(
        path,
        all && known.every((k) => next.includes(k)) && next.length === known.length ? undefined : next,
      );
    };
    return h(
      'div',
      { class: 'field choice', 'data-field': path },
      h('span', { class: 'label' }, label),
      h(
        'span',
        { class: 'choices' },
        options.map((id) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              value: id,
              checked: named.includes(id),
              onchange: (e: Event) => set(id, (e.target as HTMLInputElement).checked),
            }),
            id,
          ),
        ),
      ),
      h('span', { class: 'field-error', 'data-field-error': path, role: 'alert' }),
    );
  };
  const groupIds = list('members.groups').map((g) => String((g as Record<string, unknown>)?.id ?? ''));
  const benefitIds = list('benefits').map((b) => String((b as Record<string, unknown>)?.id ?? ''));

  /**
   * One membership as member groups (format /2): the one group `"all"` the format reads
   * `members.count` as, with its count and shares, so the scheme and its figures are unchanged.
   */
  function splitIntoGroups() {
    const m = isRecordLike(d.members) ? d.members : {};
    const { count, femaleShare, newShare } = m;
    edit('members', { groups: [{ id: ALL_GROUP, count, femaleShare, newShare }] }, true);
  }

  /** A group's holdings: one row per number of shares with the fraction of members holding it. */
  function holdingsEditor(path: string) {
    const rows = list(path) as Record<string, unknown>[];
    const add = () => {
      if (rows.length === 0) return edit(path, [{ shares: 1, fraction: 1 }], true);
      const most = Math.max(0, ...rows.map((r) => (typeof r?.shares === 'number' ? r.shares : 0)));
      edit(`${path}[${rows.length}]`, { shares: most + 1, fraction: 0.1 }, true);
    };
    return h(
      'div',
      { class: 'holdings', 'data-testid': 'holdings' },
      h('span', { class: 'label' }, L.holdings),
      rows.length === 0 && h('span', { class: 'note' }, L.oneShareEach),
      rows.map((_, j) =>
        h(
          'div',
          { class: 'row' },
          field(`${path}[${j}].shares`, L.holdingShares),
          field(`${path}[${j}].fraction`, L.holdingFraction),
          button(L.remove, () => edit(rows.length === 1 ? path : `${path}[${j}]`, undefined, true)),
        ),
      ),
      h('span', { class: 'field-error', 'data-field-error': path, role: 'alert' }),
      button(L.addHolding, add, 'small', 'add-holding'),
    );
  }

  const risks = list('risks') as Record<string, unknown>[];
  const riskIds = risks.map((r) => String(r?.id ?? ''));

  return h(
    'form',
    { class: 'editor', onsubmit: (e: Event) => e.preventDefault(), novalidate: true },
    h('h2', {}, L.editorTitle),
    h('ul', { class: 'problems', 'data-testid': 'problems' }),
    h(
      'fieldset',
      {},
      h('legend', {}, L.scheme),
      field('name', L.name, 'text', { 'data-testid': 'name-input' }),
      field('period', L.period, 'text'),
      field('source', L.source, 'textarea'),
      field('notes', L.notes, 'textarea'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.members),
      Array.isArray(getAt(d, 'members.groups'))
        ? [
            ...list('members.groups').map((_, i) =>
              h(
                'div',
                { class: 'card', 'data-testid': 'member-group' },
                h(
                  'div',
                  { class: 'row' },
                  field(`members.groups[${i}].id`, L.groupId, 'text', {}, rebuildOnChange),
                  field(`members.groups[${i}].count`, L.count),
                  button(L.remove, () => edit(`members.groups[${i}]`, undefined, true)),
                ),
                h(
                  'div',
                  { class: 'row' },
                  field(`members.groups[${i}].femaleShare`, L.femaleShare, 'optional-number'),
                  field(`members.groups[${i}].newShare`, L.newShare, 'optional-number'),
                ),
                holdingsEditor(`members.groups[${i}].holdings`),
              ),
            ),
            h('span', { class: 'field-error', 'data-field-error': 'members.groups', role: 'alert' }),
            button(
              L.addGroup,
              () =>
                edit(
                  `members.groups[${list('members.groups').length}]`,
                  { id: `group-${list('members.groups').length + 1}`, count: 1000 },
                  true,
                ),
              'small',
              'add-group',
            ),
          ]
        : [
            h(
              'div',
              { class: 'row' },
              field('members.count', L.count),
              field('members.femaleShare', L.femaleShare, 'optional-number'),
              field('members.newShare', L.newShare, 'optional-number'),
            ),
            button(L.splitGroups, splitIntoGroups, 'small', 'split-groups'),
          ],
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.contributions),
      list('contributions').map((_, i) =>
        groupIds.length > 0
          ? h(
              'div',
              { class: 'card' },
              h(
                'div',
                { class: 'row' },
                field(`contributions[${i}].payer`, L.payer, 'text'),
                field(`contributions[${i}].amount`, L.amount),
                button(L.remove, () => edit(`contributions[${i}]`, undefined, true)),
              ),
              toggle(`contributions[${i}].perShare`, L.perShare, L.perShareHint),
              choice(`contributions[${i}].groups`, L.payingGroups, groupIds, true),
            )
          : h(
              'div',
              { class: 'row' },
              field(`contributions[${i}].payer`, L.payer, 'text'),
              field(`contributions[${i}].amount`, L.amount),
              toggle(`contributions[${i}].perShare`, L.perShare, L.perShareHint),
              button(L.remove, () => edit(`contributions[${i}]`, undefined, true)),
            ),
      ),
      h('span', { class: 'field-error', 'data-field-error': 'contributions', role: 'alert' }),
      h('p', { class: 'totals', 'data-testid': 'contribution-totals' }, contributionSummary(d, L)),
      button(L.addPayer, () =>
        edit(`contributions[${list('contributions').length}]`, { payer: 'member', amount: 0 }, true),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.fund),
      h(
        'div',
        { class: 'row' },
        field('fund.reserve', L.reserve, 'optional-number'),
        field('fund.backstop', L.backstop, 'optional-number'),
        field('fund.expenseRate', L.expenseRate, 'optional-number'),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.risks),
      risks.map((r, i) => riskEditor(i, r)),
      button(L.addRisk, () =>
        edit(
          `risks[${risks.length}]`,
          { id: `risk-${risks.length + 1}`, kind: 'cost', rate: 0.04, cost: { ...COST_DEFAULTS.lognormal } },
          true,
        ),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.benefits),
      list('benefits').map((b, i) => benefitEditor(i, b as Record<string, unknown>)),
      button(L.addBenefit, () =>
        edit(
          `benefits[${list('benefits').length}]`,
          BENEFIT_DEFAULTS.bands(`benefit-${list('benefits').length + 1}`, riskIds[0] ?? ''),
          true,
        ),
      ),
    ),
    h(
      'fieldset',
      { 'data-testid': 'limits' },
      h('legend', {}, L.limits),
      h('p', { class: 'note' }, L.limitsHint),
      list('limits').map((_, i) => limitEditor(i)),
      h('span', { class: 'field-error', 'data-field-error': 'limits', role: 'alert' }),
      button(
        L.addLimit,
        () =>
          edit(
            `limits[${list('limits').length}]`,
            { id: `limit-${list('limits').length + 1}`, benefits: benefitIds.slice(0, 1), cap: 50000 },
            true,
          ),
        'small',
        'add-limit',
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.simulation),
      h(
        'div',
        { class: 'row' },
        field('simulation.iterations', L.iterations, 'optional-number', { 'data-testid': 'iterations' }),
        field('simulation.seed', L.seed, 'text', { 'data-testid': 'seed' }),
        field('simulation.confidence', L.confidence, 'optional-number'),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.trendTitle),
      h(
        'div',
        { class: 'row' },
        field('trend.members', L.trendMembers, 'optional-number'),
        field('trend.contribution', L.trendContribution, 'optional-number'),
        field('trend.rate', L.trendRate, 'optional-number'),
        field('trend.cost', L.trendCost, 'optional-number'),
        field('simulation.years', L.simYears, 'optional-number'),
      ),
    ),
  );

  /** A risk's or a benefit's card: its id, its choices and Remove in the first row, then the rest. */
  function card(p: string, choices: HTMLElement[], ...rest: (Child | Child[])[]) {
    const remove = button(L.remove, () => edit(p, undefined, true));
    return h(
      'div',
      { class: 'card' },
      h('div', { class: 'row' }, field(`${p}.id`, L.idLabel, 'text', {}, rebuildOnChange), choices, remove),
      ...rest,
    );
  }

  function limitEditor(i: number) {
    const p = `limits[${i}]`;
    return h(
      'div',
      { class: 'card', 'data-testid': 'limit' },
      h(
        'div',
        { class: 'row' },
        field(`${p}.id`, L.idLabel, 'text'),
        field(`${p}.cap`, L.limitCap),
        toggle(`${p}.perShare`, L.perShare, L.perShareLimitHint),
        button(L.remove, () => edit(list('limits').length === 1 ? 'limits' : p, undefined, true)),
      ),
      choice(`${p}.benefits`, L.limitBenefits, benefitIds, false),
      h('span', { class: 'field-error', 'data-field-error': p, role: 'alert' }),
    );
  }

  /** A risk's rate: one field, or one per exposed group (and per group the rate names besides). */
  function rateFields(p: string, r: Record<string, unknown>) {
    const given = getAt(d, `${p}.rate`);
    const rate = isRecordLike(given) ? given : null;
    const exposed = Array.isArray(r?.groups) ? r.groups.map(String) : groupIds;
    const switchTo = (on: boolean) => {
      if (on) {
        const one = typeof given === 'number' ? given : 0;
        edit(`${p}.rate`, Object.fromEntries(exposed.map((g) => [g, one])), true);
      } else {
        const first = Object.values(rate ?? {})[0];
        edit(`${p}.rate`, typeof first === 'number' ? first : 0, true);
      }
    };
    const toggleByGroup =
      groupIds.length > 0 &&
      h(
        'label',
        { class: 'field toggle' },
        h('input', {
          type: 'checkbox',
          'data-testid': 'rate-by-group',
          checked: rate !== null,
          onchange: (e: Event) => switchTo((e.target as HTMLInputElement).checked),
        }),
        h('span', { class: 'label' }, L.rateByGroup),
      );
    if (!rate)
      return h(
        'div',
        { class: 'row' },
        field(`${p}.rate`, L.rate),
        field(`${p}.rateCv`, L.rateCv, 'optional-number'),
        toggleByGroup,
      );
    return [
      h(
        'div',
        { class: 'rates-by-group' },
        h('span', { class: 'label' }, L.rate),
        h(
          'div',
          { class: 'row' },
          [...exposed, ...Object.keys(rate).filter((g) => !exposed.includes(g))].map((g) =>
            field(`${p}.rate.${g}`, g),
          ),
        ),
        h('span', { class: 'field-error', 'data-field-error': `${p}.rate`, role: 'alert' }),
      ),
      h('div', { class: 'row' }, field(`${p}.rateCv`, L.rateCv, 'optional-number'), toggleByGroup),
    ];
  }

  function riskEditor(i: number, r: Record<string, unknown>) {
    const p = `risks[${i}]`;
    const isCost = r?.kind === 'cost';
    const cost = (r?.cost ?? {}) as Record<string, unknown>;
    const days = r?.days as Record<string, unknown> | undefined;
    return card(
      p,
      [
        select(
          `${p}.kind`,
          L.kind,
          [
            ['cost', L.kindCost],
            ['event', L.kindEvent],
          ],
          (v) => {
            const next: Record<string, unknown> = { ...r, kind: v };
            if (v === 'event') {
              delete next.cost;
              delete next.days;
            } else next.cost = { ...COST_DEFAULTS.lognormal };
            edit(p, next, true);
          },
        ),
        select(
          `${p}.who`,
          L.who,
          [
            ['all', L.whoAll],
            ['female', L.whoFemale],
          ],
          (v) => edit(`${p}.who`, v),
        ),
      ],
      rateFields(p, r),
      groupIds.length > 0 && choice(`${p}.groups`, L.exposedGroups, groupIds, true),
      isCost &&
        h(
          'div',
          { class: 'row' },
          select(
            `${p}.cost.dist`,
            L.cost,
            Object.keys(COST_DEFAULTS).map((k) => [k, L.distNames[k]]),
            (v) => edit(`${p}.cost`, { ...COST_DEFAULTS[v] }, true),
          ),
          cost.dist === 'pareto'
            ? [field(`${p}.cost.scale`, L.scale), field(`${p}.cost.shape`, L.shape)]
            : cost.dist === 'empirical'
              ? field(`${p}.cost.values`, L.values, 'list')
              : [field(`${p}.cost.mean`, L.mean), field(`${p}.cost.cv`, L.cv)],
        ),
      isCost &&
        h(
          'div',
          { class: 'row' },
          select(
            `${p}.days.dist`,
            L.days,
            [
              ['', L.daysNone],
              ...Object.keys(DAYS_DEFAULTS).map((k): [string, string] => [k, L.daysNames[k]]),
            ],
            (v) => edit(`${p}.days`, v === '' ? undefined : { ...DAYS_DEFAULTS[v] }, true),
          ),
          days?.dist === 'fixed'
            ? field(`${p}.days.value`, L.daysValue)
            : days?.dist === 'empirical'
              ? field(`${p}.days.values`, L.values, 'list')
              : days
                ? [
                    field(`${p}.days.mean`, L.daysMean),
                    days.dist === 'negative-binomial' && field(`${p}.days.cv`, L.cv),
                  ]
                : null,
        ),
    );
  }

  function benefitEditor(i: number, b: Record<string, unknown>) {
    const p = `benefits[${i}]`;
    const bands = Array.isArray(b?.bands) ? (b.bands as unknown[]) : [];
    const typeOptions: [string, string][] = [
      ['bands', L.typeBands],
      ['steps', L.typeSteps],
      ['daily', L.typeDaily],
      ['lump-sum', L.typeLump],
    ];
    return card(
      p,
      [
        select(
          `${p}.risk`,
          L.onRisk,
          riskIds.map((id) => [id, id]),
          (v) => edit(`${p}.risk`, v),
        ),
        select(`${p}.type`, L.type, typeOptions, (v) =>
          edit(p, BENEFIT_DEFAULTS[v](String(b?.id ?? ''), String(b?.risk ?? '')), true),
        ),
      ],
      b?.type === 'bands' && [
        h(
          'div',
          { class: 'row' },
          field(`${p}.deductible`, L.deductible, 'optional-number'),
          field(`${p}.cap`, L.cap, 'optional-number'),
        ),
        h(
          'table',
          { class: 'bands' },
          h('thead', {}, h('tr', {}, h('th', {}, L.upTo), h('th', {}, L.bandRate), h('th', {}))),
          h(
            'tbody',
            {},
            bands.map((_, j) =>
              h(
                'tr',
                {},
                h('td', {}, field(`${p}.bands[${j}].upTo`, '', 'optional-number')),
                h('td', {}, field(`${p}.bands[${j}].rate`, '')),
                h(
                  'td',
                  {},
                  button(L.remove, () => edit(`${p}.bands[${j}]`, undefined, true)),
                ),
              ),
            ),
          ),
        ),
        h('span', { class: 'field-error', 'data-field-error': `${p}.bands`, role: 'alert' }),
        button(L.addBand, () => edit(`${p}.bands[${bands.length}]`, { upTo: null, rate: 0.5 }, true)),
      ],
      b?.type === 'steps' &&
        h(
          'div',
          { class: 'row' },
          field(`${p}.from`, L.from),
          field(`${p}.step`, L.step),
          field(`${p}.perStep`, L.perStep),
          field(`${p}.cap`, L.cap, 'optional-number'),
        ),
      b?.type === 'daily' &&
        h(
          'div',
          { class: 'row' },
          field(`${p}.perDay`, L.perDay),
          field(`${p}.maxDays`, L.maxDays, 'optional-number'),
        ),
      b?.type === 'lump-sum' &&
        h(
          'div',
          { class: 'row' },
          field(`${p}.amount`, L.lumpAmount),
          field(`${p}.cap`, L.cap, 'optional-number'),
          field(`${p}.waitingDays`, L.waitingDays, 'optional-number'),
          field(`${p}.waitingAmount`, L.waitingAmount, 'optional-number'),
        ),
      toggle(`${p}.perShare`, L.perShare, L.perShareBenefitHint),
    );
  }
}

/** "Total ¥100.00 · members' own share ¥30.00 (30%)": the member's own burden shown apart (docs/sources.md, 'What the schemes are'). */
export function contributionSummary(d: Draft, L: Labels): string {
  const rows = Array.isArray(d.contributions)
    ? (d.contributions as { payer?: unknown; amount?: unknown }[])
    : [];
  // By group or per share, one member's total is not Σ amount: the results' table by group shows it.
  if (rows.some((c) => isRecordLike(c) && ('groups' in c || 'perShare' in c))) return '';
  const { total, member, memberShare } = splitContributions(rows);
  const share = memberShare === null ? '' : ` (${(memberShare * 100).toFixed(0)}%)`;
  return `${L.total} ${formatPerMember(total)} · ${L.memberShare} ${formatPerMember(member)}${share}`;
}

/** `limits[0].benefits[1]`, `limits[0].benefits`, `limits[0]`, `limits`: the path and the fields holding it. */
function pathAndParents(path: string): string[] {
  const parts = parsePath(path);
  return parts.map((_, n) =>
    parts
      .slice(0, parts.length - n)
      .map((x, k) => (typeof x === 'number' ? `[${x}]` : k === 0 ? x : `.${x}`))
      .join(''),
  );
}

/**
 * Puts each problem at its field, worded in `lang`: at the field of its path, or else at the
 * nearest field holding it (an unknown benefit a limit names, `limits[0].benefits[1]`, at the
 * limit's choice of benefits, its path before the message), never at a field of the group, risk
 * or benefit as a whole when the path is only the list's (`benefits`). Problems with no field go to
 * the list at the top.
 */
export function showProblems(root: HTMLElement, coded: readonly ScenarioProblem[], lang: Lang): void {
  const problems = coded.map((p) => scenarioProblemText(lang, p));
  const fields = new Set(
    [...root.querySelectorAll<HTMLElement>('[data-field-error]')].map((el) => el.dataset.fieldError!),
  );
  const byPath = new Map<string, string[]>();
  for (const p of problems) {
    const at = pathAndParents(p.path).find((x) => fields.has(x));
    if (at === undefined) continue;
    const message = at === p.path ? p.message : `${p.path}: ${p.message}`;
    byPath.set(at, [...(byPath.get(at) ?? []), message]);
  }
  const placed = new Set<string>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-field-error]')) {
    const path = el.dataset.fieldError!;
    const messages = byPath.get(path);
    el.textContent = messages ? messages.join('; ') : '';
    const input = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    input?.toggleAttribute('aria-invalid', Boolean(messages));
    if (messages) placed.add(path);
  }
  const list = root.querySelector('[data-testid="problems"]');
  if (!list) return;
  const isPlaced = (path: string) => pathAndParents(path).some((x) => placed.has(x));
  list.replaceChildren(
    ...problems.filter((p) => !isPlaced(p.path)).map((p) => h('li', {}, `${p.path}: ${p.message}`)),
  );
  list.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
}
