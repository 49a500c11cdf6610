/**
 * Which reader a history file wants: a regional table (`parseRegions`) has a `region` column in
 * its header (any case, spaces around allowed); a table by year (`parseHistory`) has not. Only
 * the first 4 KiB are read, with the history files' CSV reader (readCsv).
 * @example isRegionTable('Region,members,paid\nA,100,5000\n') // true
 */
import { readCsv } from './csv.ts';

export function isRegionTable(text: string): boolean {
  const header = readCsv(text.slice(0, 4096)).records[0];
  return header !== undefined && header.fields.some((f) => f.trim().toLowerCase() === 'region');
}
