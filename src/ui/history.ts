/**
 * The experience view (历年经验): a history CSV (a file, or one of the bundled data files) read
 * with every problem shown at once, and on success a table by year (loss ratio, growth, claim
 * rate, average benefit), the flags and data checks in words, and the chart of contributions
 * against payouts with the flagged years marked; a regional table (a `region` column) is shown
 * region by region with its data checks. Below: calibration (to these years, or to claim-level
 * costs) and district credibility.
 *
 *   file / bundled ─▶ parseHistory | parseRegions ─▶ analyseHistory | checkAggregates ─▶ tables, words, chart
 *                                                  └▶ calibration (years with claimants)
 * A file that cannot be read leaves what was shown before untouched.
 */
import { countsText, partYearsText, projectsLine, rateSpreadText } from '../messages/rateSpread.ts';
import { historySpec } from '../charts/history.ts';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import {
  analyseHistory,
  checkAggregates,
  isRegionTable,
  parseHistory,
  parseRegions,
  type AggregateRegion,
  type HistoryAnalysis,
  type HistoryProblem,
  type HistoryRow,
  type SheetRecords,
} from '../history/index.ts';
import { historySheets } from '../workbook/results.ts';
import { recordsCsv, tableFiles, xlsxExportButton } from './xlsx.ts';
import { per100, signedPercent } from '../messages/figures.ts';
import { historyMessageText, historyProblemText } from '../messages/history.ts';
import { createCalibration } from './calibration.ts';
import { createCredibility } from './credibility.ts';
import { dataTable, h, problemList } from './dom.ts';
import { figure } from './figure.ts';
import { CSV_FILES, filePicker, XLSX_FILES } from './filePicker.ts';
import { LABELS } from './i18n.ts';
import { DATA_FILES } from './historyData.ts';
import type { Store } from './store.ts';
import { redrawsOn, type View } from './view.ts';

type Loaded =
  | { name: string; kind: 'history'; rows: HistoryRow[] }
  | { name: string; kind: 'regions'; regions: AggregateRegion[] };

export function createHistoryView(deps: { store: Store }): View {
  const { store } = deps;
  let loaded: Loaded | null = null;
  let rejected: { name: string; problems: HistoryProblem[] } | null = null;
  const head = h('div', {});
  const errorBox = h('div', { class: 'error', 'data-testid': 'history-error', role: 'alert', hidden: true });
  const content = h('div', {});
  const calibration = createCalibration({ store });
  const credibilityView = createCredibility({ store });
  const el = h(
    'section',
    { class: 'history-view', 'data-testid': 'history' },
    head,
    errorBox,
    content,
    calibration.el,
    credibilityView.el,
  );
  const L = () => LABELS[store.state.lang];

  /**
   * Reads a table (CSV text, or a workbook's sheet as records) after a tick (the page paints
   * first); a failure keeps what was shown. A sheet is kept as CSV text, to read again on reload.
   */
  function load(name: string, text: string | SheetRecords) {
    setTimeout(() => {
      if (isRegionTable(text)) {
        const r = parseRegions(text);
        if (!r.ok) rejected = { name, problems: r.problems };
        else {
          loaded = { name, kind: 'regions', regions: r.regions };
          rejected = null;
        }
      } else {
        const r = parseHistory(text);
        if (!r.ok) rejected = { name, problems: r.problems };
        else {
          loaded = { name, kind: 'history', rows: r.rows };
          rejected = null;
        }
      }
      if (rejected === null)
        store.setViews('history', { name, text: typeof text === 'string' ? text : recordsCsv(text) });
      calibration.setHistory(loaded?.kind === 'history' ? loaded.rows : null);
      render();
    }, 0);
  }

  /** Files chosen or dropped: CSV text, or a workbook's sheet (the first, then any from the chooser). */
  const files = tableFiles({
    chooserId: 'history-sheet',
    read: load,
    refuse: (name, problems) => {
      rejected = { name, problems };
      render();
    },
  });
  const openFile = (file: File) => files.open(file);

  // A table (.csv, .txt, .xlsx) dropped on the view is read here; anything else (a scenario) goes
  // on to the page's own drop, which opens scenarios.
  const isTable = (e: DragEvent) =>
    [...(e.dataTransfer?.items ?? [])].some((i) => i.kind === 'file') &&
    !/\.json$/i.test(e.dataTransfer?.files?.[0]?.name ?? '');
  el.addEventListener('dragover', (e) => {
    if (!isTable(e)) return;
    e.preventDefault();
    e.stopPropagation();
  });
  el.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file || !/\.(csv|txt|xlsx)$/i.test(file.name)) return;
    e.preventDefault();
    e.stopPropagation();
    openFile(file);
  });

  function controls(): HTMLElement {
    const l = L();
    return h(
      'div',
      { class: 'row history-controls' },
      filePicker({
        id: 'history-file',
        accept: `${CSV_FILES},${XLSX_FILES}`,
        label: l.histOpen,
        onFile: openFile,
      }),
      files.chooser(l.sheetChoose),
      h(
        'select',
        {
          'data-testid': 'history-example',
          'aria-label': l.histExample,
          onchange: (e: Event) => {
            const sel = e.target as HTMLSelectElement;
            const f = DATA_FILES.find((d) => d.file === sel.value);
            sel.value = '';
            if (f) {
              files.forget();
              load(f.file, f.text);
            }
          },
        },
        h('option', { value: '' }, l.histExample),
        DATA_FILES.map((f) => h('option', { value: f.file }, f.file)),
      ),
    );
  }

  function render() {
    const l = L();
    const lang = store.state.lang;
    head.replaceChildren(h('h2', {}, l.histTitle), h('p', { class: 'note' }, l.histHint), controls());
    errorBox.hidden = rejected === null;
    errorBox.replaceChildren(
      ...(rejected === null
        ? []
        : problemList(
            l.histRejected(rejected.name),
            rejected.problems.map((p) => historyProblemText(lang, p)),
          )),
    );
    let draw: (() => Promise<void>) | null = null;
    if (!loaded) content.replaceChildren(h('p', { class: 'empty' }, l.histNone));
    else if (loaded.kind === 'regions')
      content.replaceChildren(
        h('p', { class: 'note' }, l.histShowing(loaded.name)),
        regionsSection(loaded.regions, lang),
      );
    else {
      const analysis = analyseHistory(loaded.rows);
      const base = loaded.name.replace(/\.(csv|xlsx)$/i, '');
      const chart = figure('chart-history');
      content.replaceChildren(
        h(
          'div',
          { class: 'compare-results' },
          h('p', { class: 'note' }, l.histShowing(loaded.name)),
          historyTable(analysis, lang),
          projectsNote(analysis, lang),
          ...[
            ['history-part-years', partYearsText(analysis, lang)],
            ['history-counts', countsText(analysis, lang)],
            ['history-rate-spread', rateSpreadText(analysis, lang)],
          ].flatMap(([id, text]) =>
            text === null ? [] : [h('p', { class: 'note', 'data-testid': id }, text)],
          ),
          flagList(analysis, lang),
          warningList(analysis, lang),
          h(
            'div',
            { class: 'row' },
            xlsxExportButton(
              'history-export-xlsx',
              l.exportXlsx,
              () => `${base}-history.xlsx`,
              (lang) => historySheets(analysis, lang),
              () => lang,
            ),
          ),
          chart.el,
        ),
      );
      draw = () =>
        chart.draw(
          historySpec(
            analysis.years,
            analysis.flags.map((f) => ({ year: f.year, text: l.flagNames[f.code] ?? f.code })),
            {
              lang,
              labels: l.histChart,
              width: Math.max(360, (el.clientWidth || 900) - 80),
              height: 300,
            },
          ),
          lang,
        );
    }
    calibration.render();
    credibilityView.render();
    if (draw && !el.hidden) void draw();
  }

  return {
    tab: 'history',
    tabTestid: 'tab-history',
    tabLabel: (l) => l.tabHistory,
    el,
    mount(parent) {
      parent.append(el);
      // The table shown before a reload, read again (a table that no longer reads is left out).
      const saved = store.state.views.history;
      if (saved) load(saved.name, saved.text);
    },
    update(change) {
      if (!el.hidden && redrawsOn(change)) render();
    },
    dispose() {
      calibration.dispose();
      el.remove();
    },
  };
}

const growthText = (g: number | null) => (g === null ? '—' : signedPercent(g));

/** The projects line, each name the file's own words (`data-user-text`), or '' when the file says none. */
function projectsNote(a: HistoryAnalysis, lang: Lang): HTMLElement | '' {
  const line = projectsLine(a, lang);
  if (line === null) return '';
  const parts: (Node | string)[] = [line.head];
  line.groups.forEach((g, i) => {
    if (i > 0) parts.push(line.groupSep);
    parts.push(g.year);
    g.names.forEach((n, k) => {
      if (k > 0) parts.push(line.nameSep);
      parts.push(h('span', { 'data-user-text': '' }, n));
    });
  });
  return h('p', { class: 'note', 'data-testid': 'history-projects' }, parts);
}

function historyTable(a: HistoryAnalysis, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const td = (value: number | null, text: string) =>
    h('td', { 'data-value': value === null ? '' : String(value) }, text);
  const money = (x: number | null) => td(x, x === null ? '—' : formatYuan(x, lang));
  return dataTable(
    { class: 'compare-table history-table', 'data-testid': 'history-table' },
    l.histCols,
    a.years.map((y) =>
      h(
        'tr',
        { 'data-year': String(y.year) },
        h('th', {}, l.histYear(y.year)),
        td(y.members, y.members.toLocaleString('en-US')),
        money(y.contributions),
        money(y.payouts),
        td(y.lossRatio, y.lossRatio === null ? '—' : formatPercent(y.lossRatio)),
        td(y.contributionGrowth, growthText(y.contributionGrowth)),
        td(y.payoutGrowth, growthText(y.payoutGrowth)),
        td(y.memberGrowth, growthText(y.memberGrowth)),
        td(y.claimants, y.claimants === null ? '—' : y.claimants.toLocaleString('en-US')),
        td(y.claimRate, y.claimRate === null ? '—' : per100(y.claimRate)),
        money(y.averageBenefit),
      ),
    ),
  );
}

function flagList(a: HistoryAnalysis, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  return h(
    'div',
    { class: 'compare-flags', 'data-testid': 'history-flags' },
    h('h3', {}, l.histFlags),
    a.flags.length === 0
      ? h('p', { class: 'note' }, l.histNoFlags)
      : h(
          'ul',
          {},
          a.flags.map((f) =>
            h(
              'li',
              { 'data-flag': f.code, 'data-year': String(f.year) },
              l.histFlagLine(f.year, l.flagNames[f.code] ?? f.code, historyMessageText(lang, f.note)),
            ),
          ),
        ),
  );
}

function warningList(a: HistoryAnalysis, lang: Lang): HTMLElement {
  const l = LABELS[lang];
  return h(
    'div',
    { class: 'compare-flags', 'data-testid': 'history-warnings' },
    h('h3', {}, l.histWarnings),
    a.warnings.length === 0
      ? h('p', { class: 'note' }, l.histNoWarnings)
      : h(
          'ul',
          {},
          a.warnings.map((w) =>
            h(
              'li',
              { 'data-code': w.code, 'data-year': String(w.year) },
              l.histWarningLine(
                l.histYear(w.year),
                l.histFieldNames[w.field] ?? w.field,
                historyMessageText(lang, w.note),
              ),
            ),
          ),
        ),
  );
}

function regionsSection(regions: readonly AggregateRegion[], lang: Lang): HTMLElement {
  const l = LABELS[lang];
  const warnings = checkAggregates(regions);
  const num = (x: number | undefined) =>
    h(
      'td',
      { 'data-value': x === undefined ? '' : String(x) },
      x === undefined ? '—' : x.toLocaleString('en-US'),
    );
  const avg = (paid: number, n: number | undefined) =>
    h('td', {}, n ? `¥${Math.round(paid / n).toLocaleString('en-US')}` : '—');
  const questioned = new Set(warnings.map((w) => w.region));
  return h(
    'div',
    { class: 'compare-results' },
    h('h3', {}, l.regionsTitle),
    dataTable(
      { class: 'compare-table regions-table', 'data-testid': 'regions-table' },
      l.regionCols,
      regions.map((r) =>
        h(
          'tr',
          { 'data-region': r.name, class: questioned.has(r.name) ? 'questioned' : undefined },
          h('td', { 'data-user-text': '' }, r.name),
          num(r.members),
          num(r.claimants),
          num(r.claims),
          h('td', { 'data-value': String(r.paid) }, formatYuan(r.paid, lang)),
          avg(r.paid, r.claims),
          avg(r.paid, r.claimants),
        ),
      ),
    ),
    h(
      'div',
      { class: 'compare-flags', 'data-testid': 'history-warnings' },
      h('h3', {}, l.histWarnings),
      warnings.length === 0
        ? h('p', { class: 'note' }, l.histNoWarnings)
        : h(
            'ul',
            {},
            warnings.map((w) =>
              h(
                'li',
                { 'data-code': w.code, 'data-region': w.region },
                l.histWarningLine(
                  w.region,
                  l.histFieldNames[w.field] ?? w.field,
                  historyMessageText(lang, w.note),
                ),
              ),
            ),
          ),
    ),
  );
}
