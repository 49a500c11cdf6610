/**
 * Workbooks in the browser: opening a history, regional, claim or district table (.xlsx: the first
 * sheet, then any other from a sheet chooser), and the "Excel" download of a view's tables. Both
 * go through src/workbook, which imports exceljs on first use: its own chunk, fetched only when a
 * workbook is opened or written.
 *
 *   file ─▶ openTableFile ─▶ CSV text | a sheet's records (+ the open workbook: OpenBook)
 *   sheet chooser ─▶ readBookSheet(book, name) ─▶ that sheet's records
 * A refusal is a value (`ok: false` with its problems); the view keeps what it showed.
 */
import type { Lang } from '../domain/format.ts';
import { historyMessage, type HistoryProblem, type SheetRecords } from '../history/index.ts';
import type { SheetSpec } from '../workbook/tables.ts';
import { MAX_WORKBOOK_BYTES } from '../workbook/limits.ts';
import { h } from './dom.ts';

export const isWorkbookFile = (file: File) => /\.xlsx$/i.test(file.name);

/** A workbook open in a view: its bytes (to read another sheet without the file), its sheets, the one read last. */
export interface OpenBook {
  name: string;
  bytes: Uint8Array;
  sheets: string[];
  sheet: string;
}

export type WorkbookRead =
  | { ok: true; sheet: SheetRecords; book: OpenBook }
  | { ok: false; problems: HistoryProblem[]; book: OpenBook | null };

const unreadable = (name: string, e: unknown): HistoryProblem => ({
  at: { path: name },
  ...historyMessage('workbookUnreadable', {
    reason: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200),
  }),
});

/**
 * One sheet of a workbook's bytes (the first when `sheet` is not given) as records, or its
 * problems; `book` is the workbook whenever it could be unpacked, so its other sheets can be offered.
 */
async function readBytes(name: string, bytes: Uint8Array, sheet?: string): Promise<WorkbookRead> {
  try {
    const { readWorkbook } = await import('../workbook/readWorkbook.ts');
    const read = await readWorkbook(bytes, { file: name, sheet });
    const sheets = read.sheets ?? [];
    const book =
      sheets.length > 0
        ? { name, bytes, sheets, sheet: read.ok ? read.sheet.sheet : (sheet ?? sheets[0]) }
        : null;
    return read.ok
      ? { ok: true, sheet: read.sheet, book: book! }
      : { ok: false, problems: read.problems, book };
  } catch (e) {
    return { ok: false, problems: [unreadable(name, e)], book: null };
  }
}

/** The first sheet (or `sheet`) of a workbook file as records, or its problems (nothing read above 10 MB). */
export async function readWorkbookFile(file: File, sheet?: string): Promise<WorkbookRead> {
  if (file.size > MAX_WORKBOOK_BYTES)
    return {
      ok: false,
      book: null,
      problems: [
        { at: { path: file.name }, ...historyMessage('tooLarge', { mb: MAX_WORKBOOK_BYTES / 1024 / 1024 }) },
      ],
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, problems: [unreadable(file.name, e)], book: null };
  }
  return readBytes(file.name, bytes, sheet);
}

/** Another sheet of a workbook already open. */
export const readBookSheet = (book: OpenBook, sheet: string): Promise<WorkbookRead> =>
  readBytes(book.name, book.bytes, sheet);

/** A table file as read for a view: CSV text, or a workbook's sheet (or its problems). */
export type TableFileRead = { ok: true; text: string } | WorkbookRead;

/**
 * A table file chosen or dropped, for a view: CSV text as it is, or a workbook's first sheet as
 * records with the workbook (`book`, whose other sheets the view's chooser offers), or the
 * problems that refused it. `done` is called once, after the file is read.
 */
export function openTableFile(file: File, done: (read: TableFileRead) => void): void {
  if (isWorkbookFile(file)) {
    void readWorkbookFile(file).then(done);
    return;
  }
  file.text().then(
    (text) => done({ ok: true, text }),
    (e: unknown) => done({ ok: false, problems: [unreadable(file.name, e)], book: null }),
  );
}

/**
 * The sheet chooser of a view (test id `testid`): a list of the open workbook's sheets, shown only
 * when it has more than one, on the sheet read last; choosing one calls `choose` with its name.
 */
export function sheetChooser(
  testid: string,
  label: string,
  book: OpenBook | null,
  choose: (sheet: string) => void,
): HTMLElement | '' {
  if (!book || book.sheets.length < 2) return '';
  return h(
    'label',
    { class: 'sheet-chooser' },
    `${label} `,
    h(
      'select',
      {
        'data-testid': testid,
        'aria-label': `${label}: ${book.name}`,
        onchange: (e: Event) => choose((e.target as HTMLSelectElement).value),
      },
      book.sheets.map((s) => h('option', { value: s, ...(s === book.sheet ? { selected: true } : {}) }, s)),
    ),
  );
}

/**
 * A view's table files (history, claims, districts): `open(file)` reads a CSV or a workbook's first
 * sheet and hands it to `read`, or its problems to `refuse`; `chooser(label)` is the sheet chooser
 * of the workbook last opened (when it has several sheets), which reads the sheet chosen the same
 * way. A workbook that cannot be unpacked leaves the chooser of the one before; a CSV or the
 * view's own data (`forget()`) removes it.
 */
export function tableFiles(o: {
  chooserId: string;
  read(name: string, source: string | SheetRecords): void;
  refuse(name: string, problems: HistoryProblem[]): void;
}) {
  let book: OpenBook | null = null;
  const show = (name: string, r: WorkbookRead) => {
    if (r.book) book = r.book.sheets.length > 1 ? r.book : null;
    if (r.ok) o.read(name, r.sheet);
    else o.refuse(name, r.problems);
  };
  return {
    open(file: File) {
      openTableFile(file, (r) => {
        if (!('text' in r)) return show(file.name, r);
        book = null;
        o.read(file.name, r.text);
      });
    },
    forget() {
      book = null;
    },
    chooser(label: string): HTMLElement | '' {
      const open = book;
      return sheetChooser(o.chooserId, label, open, (sheet) => {
        if (open) void readBookSheet(open, sheet).then((r) => show(open.name, r));
      });
    },
  };
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
