/**
 * Workbooks in the browser: opening a history, regional or claim sheet (.xlsx: the first sheet),
 * and the "Excel" download of a view's tables. Both go through src/workbook, which imports
 * exceljs on first use: its own chunk, fetched only when a workbook is opened or written.
 */
import type { Lang } from '../domain/format.ts';
import { historyMessage, type HistoryProblem, type SheetRecords } from '../history/index.ts';
import type { SheetSpec } from '../workbook/tables.ts';
import { MAX_WORKBOOK_BYTES } from '../workbook/limits.ts';
import { h } from './dom.ts';

export const isWorkbookFile = (file: File) => /\.xlsx$/i.test(file.name);

/** The first sheet of a workbook file as records, or its problems (nothing read above 10 MB). */
export async function readWorkbookFile(
  file: File,
): Promise<{ ok: true; sheet: SheetRecords } | { ok: false; problems: HistoryProblem[] }> {
  if (file.size > MAX_WORKBOOK_BYTES)
    return {
      ok: false,
      problems: [
        { at: { path: file.name }, ...historyMessage('tooLarge', { mb: MAX_WORKBOOK_BYTES / 1024 / 1024 }) },
      ],
    };
  try {
    const { readWorkbook } = await import('../workbook/readWorkbook.ts');
    const read = await readWorkbook(new Uint8Array(await file.arrayBuffer()), { file: file.name });
    return read.ok ? { ok: true, sheet: read.sheet } : { ok: false, problems: read.problems };
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return {
      ok: false,
      problems: [{ at: { path: file.name }, ...historyMessage('workbookUnreadable', { reason }) }],
    };
  }
}

/** A sheet's records as CSV text (what the view keeps to read again after a reload). */
export function recordsCsv(sheet: SheetRecords): string {
  const field = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return sheet.records.map((r) => r.fields.map(field).join(',')).join('\n') + '\n';
}

/** Offers the workbook of `sheets()` as a download named `file`. */
export async function downloadWorkbook(file: string, sheets: () => SheetSpec[]): Promise<void> {
  const { writeWorkbook } = await import('../workbook/writeWorkbook.ts');
  const bytes = await writeWorkbook(sheets());
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const a = h('a', { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A button "Excel" beside the CSV one: the workbook of `sheets(lang)` named `file()`. */
export function xlsxExportButton(
  testid: string,
  label: string,
  file: () => string,
  sheets: (lang: Lang) => SheetSpec[],
  lang: () => Lang,
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      'data-testid': testid,
      onclick: () =>
        void downloadWorkbook(file(), () => sheets(lang())).catch((e) => console.warn(testid, e)),
    },
    label,
  );
}
