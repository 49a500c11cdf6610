/**
 * The parts of a comparison a person reads, as elements: the table of decisive figures per
 * version with each difference against the baseline (amounts as ± amount and ± percent,
 * probabilities and ratios in percentage points), the growth flags with their figures, and the
 * changes field by field. Used by the compare view and, compactly, by the report.
 */
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import type { Comparison, VersionSummary } from '../engine/compare.ts';
import { flagText } from '../messages/flags.ts';
import { changeLine } from '../messages/fields.ts';
import { h } from './dom.ts';
import { LABELS } from './i18n.ts';

interface Row {
  key: string;
  label: string;
  value: (v: VersionSummary, i: number) => number | null;
  kind: 'amount' | 'share';
  digits?: number;
}

/** The rows the one-page report keeps. */
const COMPACT = new Set([
  'income',
  'expected',
  'loss-ratio',
  'prob-deficit',
  'prob-deficit-exact',
  'prob-beyond',
  'p995',
]);

const signed = (x: number, text: string) => (x > 0 ? `+${text}` : x < 0 ? text : '±0');

/** "+¥1,234万 (+15.2%)", or "−1.3 个百分点". */
export function deltaText(kind: Row['kind'], base: number, v: number, lang: Lang): string {
  const d = v - base;
  if (kind === 'share')
    return LABELS[lang].percentagePoints(
      signed(d, (d * 100).toLocaleString('en-US', { maximumFractionDigits: 2 }).replace('-', '−')),
    );
  const rel = base !== 0 ? ` (${signed(d, formatPercent(d / base).replace('-', '−'))})` : '';
  return `${signed(d, formatYuan(d, lang))}${rel}`;
}

function rows(lang: Lang, exact: (number | null)[]): Row[] {
  const L = LABELS[lang];
  const list: Row[] = [
    { key: 'income', label: L.income, value: (v) => v.income, kind: 'amount' },
    { key: 'expected', label: L.expected, value: (v) => v.expected.payout, kind: 'amount' },
    { key: 'loss-ratio', label: L.lossRatio, value: (v) => v.expected.lossRatio, kind: 'share', digits: 1 },
    {
      key: 'prob-deficit',
      label: L.probDeficit,
      value: (v) => v.simulated.probDeficit,
      kind: 'share',
      digits: 2,
    },
    {
      key: 'prob-deficit-exact',
      label: L.rowProbDeficitExact,
      value: (_, i) => exact[i] ?? null,
      kind: 'share',
      digits: 2,
    },
    {
      key: 'prob-beyond',
      label: L.probBeyond,
      value: (v) => v.simulated.probBeyondBackstop,
      kind: 'share',
      digits: 2,
    },
    { key: 'p50', label: L.rowP50, value: (v) => v.simulated.quantiles.p50, kind: 'amount' },
    { key: 'p95', label: L.rowP95, value: (v) => v.simulated.quantiles.p95, kind: 'amount' },
    { key: 'p995', label: L.rowP995, value: (v) => v.simulated.quantiles.p995, kind: 'amount' },
  ];
  return exact.some((x) => x !== null) ? list : list.filter((r) => r.key !== 'prob-deficit-exact');
}

/** The table: one column per version (the baseline first), one row per figure, the verdict last. */
export function renderCompareTable(
  r: { comparison: Comparison; exact: (number | null)[] },
  lang: Lang,
  compact = false,
): HTMLElement {
  const L = LABELS[lang];
  const versions = r.comparison.versions;
  const format = (row: Row, x: number) =>
    row.kind === 'amount' ? formatYuan(x, lang) : formatPercent(x, row.digits);
  return h(
    'table',
    {
      class: `compare-table${compact ? ' compact' : ''}`,
      'data-testid': compact ? 'report-compare-table' : 'compare-table',
    },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, L.figureCol),
        versions.map((v, i) =>
          h(
            'th',
            { 'data-user-text': '', 'data-version': i },
            h('span', { class: 'version-no' }, L.versionNo(i)),
            h('span', { class: 'version-name' }, v.name),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows(lang, r.exact)
        .filter((row) => !compact || COMPACT.has(row.key))
        .map((row) =>
          h(
            'tr',
            { 'data-row': row.key },
            h('th', {}, row.label),
            versions.map((v, i) => {
              const x = row.value(v, i);
              const base = row.value(versions[0], 0);
              return h(
                'td',
                { 'data-version': i, 'data-value': x === null ? '' : String(x) },
                x === null ? '—' : format(row, x),
                i > 0 &&
                  x !== null &&
                  base !== null &&
                  h('span', { class: 'delta' }, deltaText(row.kind, base, x, lang)),
              );
            }),
          ),
        ),
      h(
        'tr',
        { 'data-row': 'verdict' },
        h('th', {}, L.verdictRow),
        versions.map((v, i) =>
          h(
            'td',
            { 'data-version': i, 'data-value': v.verdict, class: `verdict-cell verdict-${v.verdict}` },
            L.verdict[v.verdict],
          ),
        ),
      ),
    ),
  );
}

/** The growth flags of every version against the baseline, in `lang`, each with its figures. */
export function compareFlags(comparison: Comparison, lang: Lang, testid = 'compare-flags'): HTMLElement {
  const L = LABELS[lang];
  const [base, ...others] = comparison.versions;
  const items = others.flatMap((v, k) =>
    v.flags.map((f) =>
      h(
        'li',
        { 'data-flag': f.code, 'data-version': k + 1 },
        L.flagLine(
          L.versionNo(k + 1),
          flagText(lang, f),
          L.flagFigures(
            formatYuan(base.expected.payout, lang),
            formatYuan(v.expected.payout, lang),
            formatYuan(base.income, lang),
            formatYuan(v.income, lang),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'compare-flags', 'data-testid': testid },
    h('h3', {}, L.flagsTitle),
    items.length > 0 ? h('ul', { class: 'flags' }, items) : h('p', { class: 'note' }, L.noFlags),
  );
}

/** Fields that describe the file rather than the scheme: listed after the scheme's own changes. */
const isAbout = (path: string) => /^(\$schema|name|period|source|notes)$/.test(path);

/** What changed in each version against the baseline, field by field, in words (the scheme's fields first). */
export function renderChanges(comparison: Comparison, lang: Lang, limit = Infinity): HTMLElement {
  const L = LABELS[lang];
  return h(
    'div',
    { class: 'compare-changes', 'data-testid': 'compare-changes' },
    h('h3', {}, L.changesTitle),
    comparison.versions.slice(1).map((v, k) => {
      const shown = [...v.changes]
        .sort((a, b) => Number(isAbout(a.path)) - Number(isAbout(b.path)))
        .slice(0, limit);
      return h(
        'div',
        { class: 'changes-of', 'data-version': k + 1 },
        h('h4', {}, L.changesOf(k + 1)),
        shown.length === 0
          ? h('p', { class: 'note' }, L.noChanges)
          : h(
              'ul',
              {},
              shown.map((c) => h('li', { 'data-path': c.path }, changeLine(c, lang))),
              v.changes.length > shown.length && h('li', { class: 'note' }, '…'),
            ),
      );
    }),
  );
}
