/**
 * Tables (tables.ts) to .xlsx bytes with exceljs: numbers stay numbers, each column's format set
 * from its kind — yuan `#,##0.00` (the companion 万元 column holds the value / 10,000 with the
 * same format, so every spreadsheet shows it alike: a `0!.0000"万"` display trick is not used,
 * as it is not read the same in every program), fractions `0.00%`, counts `#,##0`, years `0`.
 * Text is written as text (never a formula, whatever it starts with). Sheet names are cut to
 * Excel's 31 characters, with `[]:*?/\` replaced, and made unique.
 */
import { loadExcelJs } from './readWorkbook.ts';
import type { Format, SheetSpec } from './tables.ts';

export const NUMBER_FORMATS: Record<Format, string | undefined> = {
  yuan: '#,##0.00',
  percent: '0.00%',
  count: '#,##0',
  year: '0',
  plain: undefined,
};

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in `taken`. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let s = base;
  for (let i = 2; taken.has(s.toLowerCase()); i++) s = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  taken.add(s.toLowerCase());
  return s;
}

export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'huzhu';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken));
    ws.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    for (const r of s.rows)
      ws.addRow(r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
    s.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      col.width = Math.min(40, Math.max(10, c.header.length + 2));
      col.eachCell((cell, n) => {
        if (n === 1 || typeof cell.value !== 'number') return;
        const fmt = NUMBER_FORMATS[s.cellFormat?.(n - 2, j) ?? c.format];
        if (fmt) cell.numFmt = fmt;
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
