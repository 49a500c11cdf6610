/**
 * Rows built in memory (a table edited in the workbench, rows from JSON) checked by the same
 * rules as a history file (historyRow.ts), with problems located as `row 3 (year 2017).members`
 * (1-based row; the year when it reads as one). A field that is not a finite number, null or
 * absent is `not a number`; `null`/absent is blank (allowed for contributions and claimants).
 * `projects` is a list of names (or absent/null), under the rules of a file's `projects` cell.
 * Unknown fields are refused, as unknown columns are in a file. Never throws.
 * @example validateHistoryRows([{ year: 2015, members: 0, contributions: 1, payouts: 1 }])
 * // { ok: false, problems: [{ at: { path: 'row 1 (year 2015).members' }, ...'must be a whole number from 1 to 1,000,000,000' }] }
 */
import type { Cell } from './cells.ts';
import {
  checkHistoryRow,
  checkYearOrder,
  HISTORY_COLUMNS,
  MAX_PROJECT_NAME,
  MAX_PROJECTS,
  PROJECT_SEPARATORS,
  PROJECTS_COLUMN,
  readProjects,
  type HistoryRow,
  type RowCells,
} from './historyRow.ts';
import { historyMessage as msg, type HistoryPlace, type HistoryProblem } from './messages.ts';
import type { ParseHistoryResult } from './parseHistory.ts';
import { MAX_HISTORY_ROWS } from './parseHistory.ts';

const asCell = (v: unknown): { cell: Cell; text: string } => {
  if (v === null || v === undefined) return { cell: { kind: 'blank' }, text: '' };
  if (typeof v === 'number' && Number.isFinite(v))
    return { cell: { kind: 'number', value: v }, text: String(v) };
  return { cell: { kind: 'invalid' }, text: typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)) };
};

/** `projects`: absent, null or a list of names, checked as the cell they would be written in. */
function projectsOf(v: unknown, at: HistoryPlace, problems: HistoryProblem[]): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  const read = list && !list.some((x) => PROJECT_SEPARATORS.test(x)) ? readProjects(list.join(';')) : null;
  if (!read || read.problem || (read.projects?.length ?? 0) !== list!.length) {
    problems.push({
      at,
      ...msg('projectsList', { max: MAX_PROJECTS, length: MAX_PROJECT_NAME }),
    });
    return undefined;
  }
  return read.projects;
}

export function validateHistoryRows(rows: readonly unknown[]): ParseHistoryResult {
  const problems: HistoryProblem[] = [];
  if (!Array.isArray(rows) || rows.length === 0)
    return { ok: false, problems: [{ at: { path: 'rows' }, ...msg('noRows') }] };
  if (rows.length > MAX_HISTORY_ROWS)
    return {
      ok: false,
      problems: [{ at: { path: 'rows' }, ...msg('tooManyRows', { max: MAX_HISTORY_ROWS }) }],
    };
  const out: HistoryRow[] = [];
  const years: { year: number | undefined; where: HistoryPlace }[] = [];
  rows.forEach((raw, i) => {
    const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const y = obj.year;
    const year = typeof y === 'number' && Number.isInteger(y) ? y : undefined;
    const where = (field: string): HistoryPlace =>
      year === undefined ? { row: i + 1, field } : { row: i + 1, year, field };
    const allowed = [...HISTORY_COLUMNS, PROJECTS_COLUMN];
    for (const key of Object.keys(obj)) {
      if (!(allowed as readonly string[]).includes(key)) {
        problems.push({
          at: where(key),
          ...msg('unknownColumn', { column: key, allowed }),
        });
      }
    }
    const cells: RowCells = {};
    for (const c of HISTORY_COLUMNS) cells[c] = asCell(obj[c]);
    const projects = projectsOf(obj.projects, where(PROJECTS_COLUMN), problems);
    const row = checkHistoryRow(cells, where, problems);
    if (row) out.push(projects ? { ...row, projects } : row);
    years.push({ year, where: where('year') });
  });
  checkYearOrder(years, problems);
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}
