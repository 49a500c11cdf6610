/**
 * Workbooks made in the tests with exceljs (the library the app reads them with is not what
 * checks them: the expected figures come from the CSV the sheet copies), and hostile ones made
 * byte by byte: a zip bomb (a part that unpacks 1,000 times), and one whose directory lies about
 * the size of its part.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';

/** A workbook of one sheet `name` holding `rows` (row 1 first); `edit` may change cells after. */
export async function workbook(
  rows: unknown[][],
  name = 'Sheet1',
  edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  edit?.(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Wenzhou's history (data/wenzhou.csv) under Chinese headers: 年份, 参保人数（人次）: enrolments,
 * 互助金收入, 支出, 受益人数（人）: people, 月数, 项目 (projects).
 */
export const WENZHOU_ZH: unknown[][] = [
  ['年份', '参保人数（人次）', '互助金收入', '支出', '受益人数（人）', '月数', '项目'],
  [2014, 91449, 7623069, 1500000, 507, 11, '全部互助保障项目'],
  [2015, 332874, 9986220, 4020000, 2236, 11, '全部互助保障项目'],
];

/** A zip whose one part is `mb` MB of zeros, deflated at the highest level (about 1,000:1). */
export function zipBomb(mb = 60): Uint8Array {
  return zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(mb * 1024 * 1024) }, { level: 9 });
}

/**
 * A valid workbook whose central directory says its first sheet unpacks to 10 bytes fewer than
 * it does (a directory that lies, which exceljs would not notice).
 */
export function lyingSizes(bytes: Uint8Array): Uint8Array {
  const b = bytes.slice();
  const dv = new DataView(b.buffer);
  let eocd = b.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = dv.getUint32(eocd + 16, true);
  for (let k = 0; k < dv.getUint16(eocd + 10, true); k++) {
    const n = dv.getUint16(p + 28, true);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + n));
    if (name === 'xl/worksheets/sheet1.xml') dv.setUint32(p + 24, dv.getUint32(p + 24, true) - 10, true);
    p += 46 + n + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return b;
}
