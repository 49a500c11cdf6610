/**
 * Checks a workbook's bytes before any spreadsheet library unpacks them (exceljs inflates
 * whatever it is given): the zip signature (an old `.xls` is named as such), the central
 * directory's entries and their declared sizes (total unpacked size, per-part compression ratio,
 * number of parts), and then each part inflated with a counter that stops at its declared size,
 * so a directory that lies about a size is caught too. Returns a problem or null; never throws.
 *
 * Limits (README, "Limits"): 10 MB file, 50 MB unpacked, 1,000 parts, 200:1 per part above 1 MB.
 */
import { Inflate } from 'fflate';
import { historyMessage as msg, type HistoryMessage } from '../history/index.ts';

import { MAX_WORKBOOK_BYTES } from './limits.ts';

export { MAX_WORKBOOK_BYTES };
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_ENTRIES = 1000;
export const MAX_RATIO = 200;
const RATIO_FROM = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  packed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** The central directory's entries (names read byte by byte: the parts of a workbook are named in ASCII), or a problem. */
export function zipEntries(b: Uint8Array): Entry[] | HistoryMessage {
  const unreadable = (reason: string) => msg('workbookUnreadable', { reason });
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return unreadable('no zip directory (the file is cut short or damaged)');
  const count = u16(b, eocd + 10);
  const start = u32(b, eocd + 16);
  if (count === 0xffff || start === 0xffffffff) return unreadable('ZIP64 archives are not read');
  if (count > MAX_ENTRIES) return msg('tooManyEntries', { max: MAX_ENTRIES });
  const entries: Entry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return unreadable('a damaged zip directory');
    const nameLength = u16(b, p + 28);
    const name = String.fromCharCode(...b.subarray(p + 46, p + 46 + nameLength));
    entries.push({
      name,
      method: u16(b, p + 10),
      packed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** Inflates one part counting its bytes; false when it unpacks to more than it declares. */
function inflatesWithin(b: Uint8Array, e: Entry): boolean | 'damaged' {
  if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) return 'damaged';
  const from = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const data = b.subarray(from, from + e.packed);
  if (e.method === 0) return data.length <= e.size;
  if (e.method !== 8) return 'damaged';
  let out = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    out += chunk.length;
    if (out > e.size) over = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += 65536)
      inflate.push(data.subarray(i, i + 65536), i + 65536 >= data.length);
  } catch {
    return 'damaged';
  }
  return !over;
}

/** What is wrong with these bytes as a workbook to unpack, or null. */
export function zipProblem(b: Uint8Array): HistoryMessage | null {
  if (b.length > MAX_WORKBOOK_BYTES) return msg('tooLarge', { mb: MAX_WORKBOOK_BYTES / 1024 / 1024 });
  if (b.length >= 4 && u32(b, 0) === 0xe011cfd0) return msg('oldExcelFormat');
  if (b.length < 4 || u32(b, 0) !== 0x04034b50) return msg('notWorkbook');
  const entries = zipEntries(b);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > MAX_UNZIPPED_BYTES) return msg('unzippedTooLarge', { mb: MAX_UNZIPPED_BYTES / 1024 / 1024 });
    if (e.size > RATIO_FROM && e.size / Math.max(1, e.packed) > MAX_RATIO)
      return msg('compressionRatio', { entry: e.name, ratio: e.size / Math.max(1, e.packed) });
  }
  for (const e of entries) {
    const ok = inflatesWithin(b, e);
    if (ok === 'damaged') return msg('workbookUnreadable', { reason: `its part ${e.name} is damaged` });
    if (!ok) return msg('compressionRatio', { entry: e.name, ratio: Infinity });
  }
  return null;
}
