/**
 * The scenario editor: forms over the draft, each input bound to its field path (`data-field`),
 * each with a place for the validator's message (`data-field-error`). Typing mutates the draft and
 * revalidates; nothing typed is discarded, even when invalid (a number field keeps the raw text
 * until it parses). Structural edits (add or remove a row, change a type) rebuild the editor.
 */
import type { Lang } from '../domain/format.ts';
import { formatPercent, formatPerMember } from '../domain/format.ts';
import type { ScenarioProblem } from '../domain/validation.ts';
import { splitContributions } from '../engine/splitContributions.ts';
import { scenarioProblemText } from '../messages/validation.ts';
import { h, type Child } from './dom.ts';
import { LABELS, type Labels } from './i18n.ts';
import { getAt, setAt, type Draft } from './paths.ts';
import type { Store } from './store.ts';

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

/** A rate given group by group (format /2): `{ groupId: rate }`. */
const ratesByGroup = (v: unknown): boolean => isRecordLike(v);
const isRecordLike = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "in-service, migrant · per share" for a contribution paid by some groups or per share (format /2). */
function contributionScope(c: unknown, L: Labels): Child {
  if (!isRecordLike(c)) return null;
  const groups = Array.isArray(c.groups) ? c.groups.map(String).join(', ') : '';
  const parts = [groups, c.perShare === true ? L.holdings : ''].filter((x) => x !== '');
  return parts.length === 0 ? null : h('p', { class: 'totals' }, `${L.groupId}: ${parts.join(' · ')}`);
}

/** "1 份 80% · 2 份 20%", or the default when a group lists no holdings. */
function holdingsText(v: unknown, oneEach: string): string {
  if (!Array.isArray(v) || v.length === 0) return oneEach;
  return v
    .map(
      (x: { shares?: unknown; fraction?: unknown }) =>
        `${String(x?.shares)}× ${formatPercent(Number(x?.fraction), 0)}`,
    )
    .join(' · ');
}

export function renderEditor(store: Store): HTMLElement {
  const L = LABELS[store.state.lang];
  const d = store.state.draft;
  const edit = (path: string, value: unknown, structural = false) => {
    setAt(d, path, value);
    store.edited(structural);
  };
  const field = (path: string, label: string, kind: Kind = 'number', extra: Record<string, string> = {}) => {
    const attrs = {
      'data-field': path,
      id: `f-${path}`,
      value: showValue(getAt(d, path), kind),
      spellcheck: 'false',
      inputmode: kind === 'number' || kind === 'optional-number' ? 'decimal' : undefined,
      oninput: (e: Event) => edit(path, parseValue((e.target as HTMLInputElement).value, kind)),
      ...extra,
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
  const button = (text: string, onclick: () => void, cls = 'small') =>
    h('button', { type: 'button', class: cls, onclick }, text);
  const list = (path: string) => (Array.isArray(getAt(d, path)) ? (getAt(d, path) as unknown[]) : []);

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
                { class: 'row', 'data-testid': 'member-group' },
                field(`members.groups[${i}].id`, L.groupId, 'text'),
                field(`members.groups[${i}].count`, L.count),
                field(`members.groups[${i}].femaleShare`, L.femaleShare, 'optional-number'),
                field(`members.groups[${i}].newShare`, L.newShare, 'optional-number'),
                h(
                  'p',
                  { class: 'totals' },
                  `${L.holdings}: ${holdingsText(getAt(d, `members.groups[${i}].holdings`), L.oneShareEach)}`,
                ),
                button(L.remove, () => edit(`members.groups[${i}]`, undefined, true)),
              ),
            ),
            h('span', { class: 'field-error', 'data-field-error': 'members.groups', role: 'alert' }),
            button(L.addGroup, () =>
              edit(
                `members.groups[${list('members.groups').length}]`,
                { id: `group-${list('members.groups').length + 1}`, count: 1000 },
                true,
              ),
            ),
          ]
        : h(
            'div',
            { class: 'row' },
            field('members.count', L.count),
            field('members.femaleShare', L.femaleShare, 'optional-number'),
            field('members.newShare', L.newShare, 'optional-number'),
          ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L.contributions),
      list('contributions').map((_, i) =>
        h(
          'div',
          { class: 'row' },
          field(`contributions[${i}].payer`, L.payer, 'text'),
          field(`contributions[${i}].amount`, L.amount),
          contributionScope(getAt(d, `contributions[${i}]`), L),
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
      h('div', { class: 'row' }, field(`${p}.id`, L.idLabel, 'text'), choices, remove),
      ...rest,
    );
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
      h(
        'div',
        { class: 'row' },
        ratesByGroup(getAt(d, `${p}.rate`))
          ? Object.keys(getAt(d, `${p}.rate`) as Record<string, unknown>).map((g) =>
              field(`${p}.rate.${g}`, `${L.rate} · ${g}`),
            )
          : field(`${p}.rate`, L.rate),
        field(`${p}.rateCv`, L.rateCv, 'optional-number'),
      ),
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
        ),
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

/** Puts each problem at its field, worded in `lang`; problems with no field of their own go to the list at the top. */
export function showProblems(root: HTMLElement, coded: readonly ScenarioProblem[], lang: Lang): void {
  const problems = coded.map((p) => scenarioProblemText(lang, p));
  const byPath = new Map<string, string[]>();
  for (const p of problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.message]);
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
  list.replaceChildren(
    ...problems.filter((p) => !placed.has(p.path)).map((p) => h('li', {}, `${p.path}: ${p.message}`)),
  );
  list.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
}
