/** The largest workbook read (as for CSV: src/ui/files.ts, src/history/parseHistory.ts). No imports, so the app's first chunk can read it. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
