/**
 * A worksheet to the records the CSV reader produces (csv.ts), so that a sheet is read by the
 * same table reader, cell rules and messages as a CSV file (parseHistory, parseRegions,
 * parseClaims). Pure: the rows come in as exceljs gives them (`row.values`, index = column
 * number from 1), typed here as `unknown`, so this file needs no spreadsheet library.
 *
 * Each cell becomes the text a CSV export would hold:
 * - a number: `String(value)` (shortest round trip: the cell rules read the same number back);
 *   a text: itself (so `4,020,000` typed as text is refused as in a CSV); rich text and links: their text;
 * - a formula: its saved result, read as above; a formula with no saved result is refused
 *   (`cellFormula`: open and save the workbook in Excel or WPS, or paste values);
 * - a date, a true/false or an error value (`#DIV/0!`) is refused wherever it stands, with its cell
 *   address (`Sheet1!C4`): these tables hold names and numbers only.
 * The record's line is the sheet's row number, so every later problem (`line 4, payouts`) is
 * moved to its cell (`Sheet1!D4 (payouts)`) by `locateInSheet`. The header is the first row with
 * a value; the table's columns run from its first to its last filled header cell, and a value
 * outside them is refused. More than `maxColumns` columns or `maxRows` rows with values: refused
 * before any cell is read.
 * @example sheetRecords('Sheet1', [{ row: 1, values: [, 'year'] }, { row: 2, values: [, 2015] }]) // { ok: true, sheet: 'Sheet1', records: [{ line: 1, fields: ['year'] }, { line: 2, fields: ['2015'] }], columns: [1], problems: [] }
 */
import type { CsvRecord } from './csv.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';

/** One row of a sheet: its number (from 1) and its values by column number (from 1). */
export interface SheetRow {
  row: number;
  values: readonly unknown[];
}

/** A sheet read as records: its name, the records, the sheet column of each field, and the cells refused. */
export interface SheetRecords {
  sheet: string;
  records: CsvRecord[];
  /** `columns[j]`: the sheet column number (A = 1) of field j. */
  columns: number[];
  problems: HistoryProblem[];
}

export const MAX_SHEET_COLUMNS = 50;

/** `A`, `Z`, `AA`, … for column numbers 1, 26, 27, … */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet's name as a reference writes it: quoted (`'My data'`) unless letters, digits, `_` and `.`. */
export function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Sheet1!C4` */
export const cellRef = (sheet: string, column: number, row: number) =>
  `${sheetRef(sheet)}!${columnLetters(column)}${row}`;

type Read = { text: string } | { refused: HistoryMessage };

/** A cell value as the text a CSV would hold, or why it is refused. */
export function cellText(value: unknown): Read {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean')
    return { refused: msg('cellBoolean', { text: String(value).toUpperCase() }) };
  if (value instanceof Date)
    return {
      refused: msg('cellDate', {
        text: Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10),
      }),
    };
  if (typeof value !== 'object') return { refused: msg('cellUnknown') };
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return { refused: msg('cellError', { text: v.error }) };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = String(v.formula ?? v.sharedFormula);
    if (
      v.result === undefined ||
      v.result === null ||
      (typeof v.result === 'object' && !('error' in v.result))
    )
      return { refused: msg('cellFormula', { formula }) };
    return cellText(v.result);
  }
  if (Array.isArray(v.richText))
    return { text: v.richText.map((r) => String((r as { text?: unknown }).text ?? '')).join('') };
  if (typeof v.text === 'string') return { text: v.text };
  return { refused: msg('cellUnknown') };
}

/** Whether a value fills its cell: a refused value does, a blank or empty text does not. */
const fills = (v: unknown) => {
  const read = cellText(v);
  return !('text' in read) || read.text.trim() !== '';
};

export type SheetRecordsResult = ({ ok: true } & SheetRecords) | { ok: false; problems: HistoryProblem[] };

export function sheetRecords(
  sheet: string,
  rows: readonly SheetRow[],
  maxRows = Infinity,
  maxColumns = MAX_SHEET_COLUMNS,
): SheetRecordsResult {
  const filled = rows.filter((r) => r.values.some(fills));
  if (filled.length > maxRows + 1)
    return {
      ok: false,
      problems: [
        {
          at: { cell: `${sheetRef(sheet)}!${filled[maxRows + 1].row}:${filled[maxRows + 1].row}` },
          ...msg('tooManyRows', { max: maxRows }),
        },
      ],
    };
  const widest = filled.reduce((m, r) => Math.max(m, r.values.length - 1), 0);
  if (widest > maxColumns)
    return {
      ok: false,
      problems: [{ at: { cell: sheetRef(sheet) }, ...msg('tooManyColumns', { max: maxColumns }) }],
    };
  const problems: HistoryProblem[] = [];
  const header = filled[0];
  if (!header) return { ok: true, sheet, records: [], columns: [], problems };
  const used = header.values.map((_, c) => c).filter((c) => c > 0 && fills(header.values[c]));
  const first = used[0] ?? 1;
  const last = used[used.length - 1] ?? 1;
  const columns = Array.from({ length: last - first + 1 }, (_, j) => first + j);
  const records: CsvRecord[] = [];
  for (const r of filled) {
    const fields: string[] = [];
    r.values.forEach((value, c) => {
      if (c < 1) return;
      const read = cellText(value);
      const at = { cell: cellRef(sheet, c, r.row) };
      if ('refused' in read) problems.push({ at, ...read.refused });
      else if (c < first || c > last) {
        if (read.text.trim() !== '')
          problems.push({ at, ...msg('cellOutsideTable', { last: columnLetters(last) }) });
      } else fields[c - first] = read.text;
    });
    records.push({ line: r.row, fields: columns.map((_, j) => fields[j] ?? '') });
  }
  return { ok: true, sheet, records, columns, problems };
}

/**
 * Moves the problems of a table read from a sheet to their cells: `{ line: 4, column: 'payouts' }`
 * becomes `{ cell: 'Sheet1!D4', column: 'payouts' }` (the column whose header names it, or whose
 * header is that text), a problem of a whole line `{ cell: 'Sheet1!4:4' }`. A cell already
 * refused (a date, a formula…) is not also said to be required. Problems come in the order of
 * the sheet: by row, then by column (a whole row's first).
 */
export function locateInSheet(
  sheet: SheetRecords,
  header: CsvRecord,
  names: readonly (string | null)[],
  problems: readonly HistoryProblem[],
): HistoryProblem[] {
  const refused = new Set(sheet.problems.map((p) => ('cell' in p.at ? p.at.cell : '')));
  const placed: { p: HistoryProblem; row: number; col: number }[] = [];
  for (const p of problems) {
    if (!('line' in p.at)) {
      const m = 'cell' in p.at ? /!([A-Z]+)(\d+)$/.exec(p.at.cell) : null;
      placed.push({ p, row: m ? Number(m[2]) : 0, col: m ? columnNumber(m[1]) : 0 });
      continue;
    }
    const { line, column } = p.at;
    let j = column === undefined ? -1 : names.indexOf(column);
    if (j < 0 && column !== undefined) j = header.fields.findIndex((f) => f.trim() === column);
    const col = j < 0 ? undefined : sheet.columns[j];
    if (col === undefined) {
      const cell = `${sheetRef(sheet.sheet)}!${line}:${line}`;
      placed.push({ p: { ...p, at: column === undefined ? { cell } : { cell, column } }, row: line, col: 0 });
      continue;
    }
    const cell = cellRef(sheet.sheet, col, line);
    if (!refused.has(cell))
      placed.push({ p: { ...p, at: { cell, column: column as string } }, row: line, col });
  }
  return placed.sort((a, b) => a.row - b.row || a.col - b.col).map(({ p }) => p);
}

/** 1, 26, 27 for `A`, `Z`, `AA`. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}
