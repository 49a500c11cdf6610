/**
 * Which reader a history file wants: a regional table (`parseRegions`) has a `region` column in
 * its header (any case, spaces around allowed, or its Chinese name, headerAliases.ts); a table by year (`parseHistory`) has not. Only
 * the first 4 KiB of a text are read, with the history files' CSV reader (readCsv); of a sheet, its first record.
 * @example isRegionTable('Region,members,paid\nA,100,5000\n') // true
 */
import { readCsv } from './csv.ts';
import { canonicalColumn, REGION_ALIASES } from './headerAliases.ts';
import type { SheetRecords } from './sheetRecords.ts';

export function isRegionTable(source: string | SheetRecords): boolean {
  const header = typeof source === 'string' ? readCsv(source.slice(0, 4096)).records[0] : source.records[0];
  return header !== undefined && header.fields.some((f) => canonicalColumn(f, REGION_ALIASES) === 'region');
}
