/**
 * District credibility (区县信度) under city-level pooling: a districts × years CSV (a file, or
 * the bundled illustrative example) through `credibility` (Bühlmann–Straub) to a table per
 * district — exposure, observed rate, Z, credibility rate, pooled rate, subsidised or not — and
 * the notes in words. Compact: one control row, one table.
 */
import {
  credibility,
  parseDistricts,
  type Credibility,
  type HistoryProblem,
  type SheetRecords,
} from '../history/index.ts';
import { per100 } from '../messages/figures.ts';
import { historyMessageText, historyProblemText } from '../messages/history.ts';
import { dataTable, h, problemBox } from './dom.ts';
import { CSV_FILES, filePicker, XLSX_FILES } from './filePicker.ts';
import { LABELS } from './i18n.ts';
import { DISTRICTS_EXAMPLE, districtsExample } from './historyData.ts';
import type { Store } from './store.ts';
import { recordsCsv, tableFiles } from './xlsx.ts';

export function createCredibility(deps: { store: Store }) {
  const { store } = deps;
  let source: { name: string; text: string; example: boolean } | null = null;
  let rejected: { name: string; problems: HistoryProblem[] } | null = null;
  const el = h('section', { class: 'credibility compare-results', 'data-testid': 'credibility' });
  const L = () => LABELS[store.state.lang];

  /** Reads a table after a tick; a sheet is kept as its CSV text (what is shown is read from it again). */
  function load(name: string, table: string | SheetRecords, example: boolean) {
    setTimeout(() => {
      const parsed = parseDistricts(table);
      if (parsed.ok) {
        source = { name, text: typeof table === 'string' ? table : recordsCsv(table), example };
        rejected = null;
      } else rejected = { name, problems: parsed.problems };
      render();
    }, 0);
  }
  /** District files: a CSV, or a workbook's sheet (the first, then any from the chooser). */
  const files = tableFiles({
    chooserId: 'districts-sheet',
    read: (name, table) => load(name, table, false),
    refuse: (name, problems) => {
      rejected = { name, problems };
      render();
    },
  });

  function render() {
    const l = L();
    const lang = store.state.lang;
    const worded = (problems: readonly HistoryProblem[]) => problems.map((p) => historyProblemText(lang, p));
    const example = districtsExample();
    const parts: (HTMLElement | string)[] = [
      h('h2', {}, l.credTitle),
      h('p', { class: 'note' }, l.credHint),
      h(
        'div',
        { class: 'row' },
        filePicker({
          id: 'districts-file',
          accept: `${CSV_FILES},${XLSX_FILES}`,
          label: l.credOpen,
          onFile: (file) => files.open(file),
        }),
        files.chooser(l.sheetChoose),
        example !== null &&
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'districts-example',
              onclick: () => {
                files.forget();
                load(DISTRICTS_EXAMPLE, example, true);
              },
            },
            l.credExample,
          ),
      ),
    ];
    if (rejected) {
      parts.push(
        problemBox(l.credRejected(rejected.name), worded(rejected.problems), {
          'data-testid': 'credibility-error',
        }),
      );
    }
    if (!source) parts.push(h('p', { class: 'empty' }, l.credNone));
    else {
      const parsed = parseDistricts(source.text);
      const result = parsed.ok ? credibility(parsed.districts) : parsed;
      parts.push(
        h(
          'p',
          { class: 'note' },
          source.example
            ? `${l.histShowing(source.name)} · ${l.credIllustrative}`
            : l.histShowing(source.name),
        ),
      );
      if (!result.ok) {
        parts.push(problemBox(l.credFailed, worded(result.problems)));
      } else
        parts.push(
          credibilityTable(result, lang),
          result.notes.length
            ? h(
                'ul',
                { class: 'notes' },
                result.notes.map((n) => h('li', {}, historyMessageText(lang, n))),
              )
            : '',
        );
    }
    el.replaceChildren(...parts);
  }

  return { el, render };
}

function credibilityTable(c: Credibility, lang: 'zh' | 'en'): HTMLElement {
  const l = LABELS[lang];
  const td = (value: number, text: string) => h('td', { 'data-value': String(value) }, text);
  return dataTable(
    { class: 'compare-table credibility-table', 'data-testid': 'credibility-table' },
    l.credCols,
    c.districts.map((d) =>
      h(
        'tr',
        { 'data-district': d.name, 'data-subsidised': String(d.subsidised) },
        h('td', { 'data-user-text': '' }, d.name),
        td(d.exposure, d.exposure.toLocaleString('en-US')),
        td(d.claimants, d.claimants.toLocaleString('en-US')),
        td(d.observedRate, per100(d.observedRate)),
        td(d.weight, d.weight.toFixed(3)),
        td(d.credibilityRate, per100(d.credibilityRate)),
        td(d.pooledRate, per100(d.pooledRate)),
        h('td', {}, d.subsidised ? l.yes : l.no),
      ),
    ),
  );
}
