/**
 * Workbooks on the command line: `history` reads `.xlsx` (`--sheet NAME`, else the first sheet),
 * and `--xlsx out.xlsx` on simulate, compare, project and history also writes the tables
 * (src/workbook). A workbook that cannot be read exits 2; a sheet with invalid cells exits 1;
 * each problem one line `place: message`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Lang } from '../domain/format.ts';
import type { SheetRecords } from '../history/index.ts';
import { historyProblemLine } from '../messages/history.ts';
import { isWorkbookName, readWorkbook } from '../workbook/readWorkbook.ts';
import type { SheetSpec } from '../workbook/tables.ts';
import { MAX_WORKBOOK_BYTES } from '../workbook/zipCheck.ts';
import { writeWorkbook } from '../workbook/writeWorkbook.ts';
import { CliError } from './errors.ts';
import { readText } from './files.ts';

export const XLSX_OPTIONS = { xlsx: { type: 'string' as const }, sheet: { type: 'string' as const } };

/** The text of a CSV, or the records of a workbook's sheet (`.xlsx`). */
export async function readTableFile(
  path: string,
  sheet: string | boolean | undefined,
  lang: Lang,
): Promise<string | SheetRecords> {
  if (!isWorkbookName(path)) {
    if (sheet !== undefined) throw new CliError(2, ['--sheet: only for a workbook (.xlsx)']);
    return readText(path);
  }
  let bytes: Uint8Array;
  try {
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    if (size > MAX_WORKBOOK_BYTES)
      throw new CliError(2, [`${path}: larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`]);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    await readText(path); // words the I/O error as for a CSV
    throw e;
  }
  const read = await readWorkbook(bytes, {
    file: path,
    sheet: typeof sheet === 'string' ? sheet : undefined,
  });
  if (!read.ok)
    throw new CliError(
      read.unreadable ? 2 : 1,
      read.problems.map((p) => historyProblemLine(lang, p)),
    );
  return read.sheet;
}

/** Writes `sheets` to the `--xlsx` path, when given. */
export async function writeXlsxOption(
  path: string | boolean | undefined,
  sheets: () => SheetSpec[],
): Promise<void> {
  if (path === undefined) return;
  if (typeof path !== 'string' || !isWorkbookName(path))
    throw new CliError(2, [`--xlsx: must name a .xlsx file, got "${String(path)}"`]);
  try {
    await writeFile(path, await writeWorkbook(sheets()));
  } catch (e) {
    throw new CliError(2, [`${path}: cannot write: ${(e as Error).message.split('\n')[0]}`]);
  }
}
