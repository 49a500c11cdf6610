/**
 * Rows built in memory (a table edited in the workbench, rows from JSON) checked by the same
 * rules as a history file (historyRow.ts), with problems located as `row 3 (year 2017).members`
 * (1-based row; the year when it reads as one). A field that is not a finite number, null or
 * absent is `not a number`; `null`/absent is blank (allowed for contributions and claimants).
 * Unknown fields are refused, as unknown columns are in a file. Never throws.
 * @example validateHistoryRows([{ year: 2015, members: 0, contributions: 1, payouts: 1 }])
 * // { ok: false, problems: [{ path: 'row 1 (year 2015).members', message: 'must be a whole number from 1 to 1,000,000,000' }] }
 */
import type { Lang } from '../domain/format.ts';
import type { Problem } from '../domain/scenario.ts';
import type { Cell } from './cells.ts';
import {
  checkHistoryRow,
  checkYearOrder,
  HISTORY_COLUMNS,
  type HistoryRow,
  type RowCells,
} from './historyRow.ts';
import { historySayer } from './messages.ts';
import type { ParseHistoryResult } from './parseHistory.ts';
import { MAX_HISTORY_ROWS } from './parseHistory.ts';

const asCell = (v: unknown): { cell: Cell; text: string } => {
  if (v === null || v === undefined) return { cell: { kind: 'blank' }, text: '' };
  if (typeof v === 'number' && Number.isFinite(v))
    return { cell: { kind: 'number', value: v }, text: String(v) };
  return { cell: { kind: 'invalid' }, text: typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)) };
};

export function validateHistoryRows(
  rows: readonly unknown[],
  options: { lang?: Lang } = {},
): ParseHistoryResult {
  const say = historySayer(options.lang ?? 'en');
  const problems: Problem[] = [];
  if (!Array.isArray(rows) || rows.length === 0)
    return { ok: false, problems: [{ path: 'rows', message: say('noRows') }] };
  if (rows.length > MAX_HISTORY_ROWS)
    return {
      ok: false,
      problems: [{ path: 'rows', message: say('tooManyRows', { max: MAX_HISTORY_ROWS }) }],
    };
  const out: HistoryRow[] = [];
  const years: { year: number | undefined; where: string }[] = [];
  rows.forEach((raw, i) => {
    const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const y = obj.year;
    const year = typeof y === 'number' && Number.isInteger(y) ? y : undefined;
    const where = (field: string) => say('atRow', { row: i + 1, year, field });
    for (const key of Object.keys(obj)) {
      if (!(HISTORY_COLUMNS as readonly string[]).includes(key)) {
        problems.push({
          path: where(key),
          message: say('unknownColumn', { column: key, allowed: HISTORY_COLUMNS }),
        });
      }
    }
    const cells: RowCells = {};
    for (const c of HISTORY_COLUMNS) cells[c] = asCell(obj[c]);
    const row = checkHistoryRow(cells, where, say, problems);
    if (row) out.push(row);
    years.push({ year, where: where('year') });
  });
  checkYearOrder(years, say, problems);
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}
