/**
 * A workbook (.xlsx bytes) to the records of one sheet, for the history, region and claim readers
 * (src/history: parseHistory, parseRegions, parseClaims take them as they take CSV text):
 *
 *   bytes ─▶ zipCheck (signature, directory sizes, bounded inflate) ─▶ exceljs ─▶ sheet ─▶ sheetRecords
 *
 * The sheet is the first, or the one named. exceljs is imported on first use (in the browser a
 * separate chunk, loaded only when a workbook is opened). Every refusal is a problem; nothing
 * throws. `unreadable` tells a file that cannot be read at all (the CLI's exit 2) from a sheet
 * with invalid cells (exit 1).
 */
import {
  MAX_SHEET_COLUMNS,
  historyMessage as msg,
  sheetRecords,
  sheetRef,
  type HistoryProblem,
  type SheetRecords,
  type SheetRow,
} from '../history/index.ts';
import { zipProblem } from './zipCheck.ts';

/** Rows with values a sheet may have (the table readers then apply their own row limits). */
export const MAX_SHEET_ROWS = 100_000;

/** `sheets`: the workbook's sheet names, whenever it could be unpacked (so another can be chosen). */
export type ReadWorkbookResult =
  | { ok: true; sheet: SheetRecords; sheets: string[] }
  | { ok: false; unreadable: boolean; problems: HistoryProblem[]; sheets?: string[] };

/** Loads exceljs once (a dynamic import: its own chunk in the browser). */
export async function loadExcelJs() {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

export async function readWorkbook(
  bytes: Uint8Array,
  options: { file: string; sheet?: string; maxRows?: number },
): Promise<ReadWorkbookResult> {
  const refuse = (m: ReturnType<typeof msg>, unreadable = true): ReadWorkbookResult => ({
    ok: false,
    unreadable,
    problems: [{ at: { path: options.file }, ...m }],
  });
  const bad = zipProblem(bytes);
  if (bad) return refuse(bad);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return refuse(msg('workbookUnreadable', { reason }));
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws =
    options.sheet === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === options.sheet);
  if (!ws)
    return options.sheet === undefined
      ? refuse(msg('noSheet'))
      : { ...refuse(msg('unknownSheet', { sheet: options.sheet, sheets: names })), sheets: names };
  if (ws.actualColumnCount > MAX_SHEET_COLUMNS)
    return { ...refuse(msg('tooManyColumns', { max: MAX_SHEET_COLUMNS }), false), sheets: names };
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows.push({ row: n, values: row.values as unknown[] });
  });
  const read = sheetRecords(ws.name, rows, options.maxRows ?? MAX_SHEET_ROWS);
  if (!read.ok) return { ok: false, unreadable: false, problems: read.problems, sheets: names };
  const { ok: _, ...sheet } = read;
  void _;
  return { ok: true, sheet, sheets: names };
}

/** Whether a file is a workbook by its name (`.xlsx`, any case). */
export const isWorkbookName = (name: string) => /\.xlsx$/i.test(name);

export { sheetRef };
