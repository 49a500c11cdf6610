/**
 * A small RFC 4180 reader, written here rather than taken from a library (papaparse) because
 * what the history files need is small and exact: records with the **line each starts on**
 * (for `line 4, payouts` problems), every syntax problem as a value (never a throw), and
 * nothing to configure — one dialect, the one spreadsheets export. About 60 lines; no
 * dependency in the browser bundle.
 *
 * The dialect (RFC 4180, with the usual tolerances):
 * - fields separated by `,`; records end at CRLF, LF or a lone CR (all three count as a line);
 * - a field may be quoted with `"`; inside quotes `""` is one quote and line breaks are kept;
 * - a leading UTF-8 byte order mark is dropped; a final line break is optional;
 * - records whose fields are all blank (empty lines, `,,,`) are dropped;
 * - problems: a quote never closed (the rest of the text is then one field) and text after a
 *   closing quote (`"12"3`; the text is kept). A quote inside an unquoted field is kept as text.
 * Fields are returned as written (not trimmed); callers trim.
 *
 * @example readCsv('year,members\r\n2015,720000\r\n') // { records: [{ line: 1, fields: ['year', 'members'] }, { line: 2, fields: ['2015', '720000'] }], problems: [] }
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  kind: 'unterminated-quote' | 'text-after-quote';
}

export interface CsvText {
  records: CsvRecord[];
  problems: CsvProblem[];
}

export function readCsv(text: string): CsvText {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const quoteLine = line;
      let closed = false;
      for (i++; i < s.length; i++) {
        const q = s[i];
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i++;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && s[i + 1] !== '\n')) line++;
        field += q;
      }
      if (!closed) {
        problems.push({ line: quoteLine, kind: 'unterminated-quote' });
        break;
      }
      if (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r')
        problems.push({ line, kind: 'text-after-quote' });
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, problems };
}
