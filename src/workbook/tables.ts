/**
 * Results as tables for a workbook, built generically from the objects `--json` prints (the
 * engine's report, a comparison, a projection, a history analysis with its flags worded), so a
 * field added to a report appears in the workbook without a change here:
 *
 * - the object's scalar fields (a list of plain values joined by commas; an empty list left out), flattened to paths (`simulated.quantiles.p95`), one row each
 *   (`key | value`), or one column per version side by side for a comparison;
 * - each array of objects (`benefits`, `flags`, `years`, `groups`, `limits`, a version's
 *   `changes`) its own sheet, one row per item, one column per flattened field.
 * A column's format comes from its path (formatOf): yuan (`#,##0.00`, with a companion column in
 * 万元, the value / 10,000), a fraction as a percentage, a count, or plain.
 */
export type Format = 'yuan' | 'percent' | 'count' | 'year' | 'plain';
export type Value = string | number | boolean | null;

export interface Column {
  header: string;
  format: Format;
}

export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Value[][];
  /** A cell's own format, over its column's (a `key | value` table formats each row by its key). */
  cellFormat?(row: number, column: number): Format | undefined;
}

/** Path segments read from the last: the first that says what the figure is decides its format. */
const RULES: [RegExp, Format][] = [
  [/^(year)$/i, 'year'],
  [/ratio$|^prob|growth$|rate$|share$|^confidence$/i, 'percent'],
  [
    /contribution|income|expenses|payout|paid|cost|balance|mean|^sd$|standarderror|^p\d+$|average|cap|reserve|backstop|amount|^(expected|simulated|from|to)$/i,
    'yuan',
  ],
  [/members|claimants|beneficiar|claims|iterations|count|times|^n$|^year$/i, 'count'],
];

export function formatOf(path: string): Format {
  const segments = path.split('.').reverse();
  for (const s of segments) for (const [re, f] of RULES) if (re.test(s)) return f;
  return 'plain';
}

type Flat = [string, Value][];

/** The scalar fields of `o` as `[path, value]`, arrays of objects set aside in `arrays`. */
export function flatten(o: unknown, prefix = '', arrays: [string, unknown[]][] = []): Flat {
  const out: Flat = [];
  if (o === null || typeof o !== 'object') return [[prefix, o as Value]];
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (v.some((x) => x !== null && typeof x === 'object')) arrays.push([path, v]);
      else out.push([path, v.join(', ')]);
    } else if (v !== null && typeof v === 'object') out.push(...flatten(v, path, arrays));
    else if (v !== undefined) out.push([path, v as Value]);
  }
  return out;
}

/** Columns for `keys`: each yuan column followed by its 万元 column. */
function columnsOf(
  keys: string[],
  wan: string,
): { columns: Column[]; cells: (row: Map<string, Value>) => Value[] } {
  const columns: Column[] = [];
  for (const k of keys) {
    const format = formatOf(k);
    columns.push({ header: k, format });
    if (format === 'yuan') columns.push({ header: `${k} (${wan})`, format: 'yuan' });
  }
  const cells = (row: Map<string, Value>) =>
    keys.flatMap((k) => {
      const v = row.get(k) ?? null;
      return formatOf(k) === 'yuan' ? [v, typeof v === 'number' ? v / 10_000 : null] : [v];
    });
  return { columns, cells };
}

/** A sheet with one row per item of `items`, one column per flattened field (in order of first appearance). */
export function itemsSheet(
  name: string,
  items: readonly unknown[],
  wan: string,
  lead: [string, Value[]] | null = null,
): SheetSpec {
  const rows = items.map((it) => new Map(flatten(it)));
  const keys = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  const { columns, cells } = columnsOf(keys, wan);
  return {
    name,
    columns: lead ? [{ header: lead[0], format: 'plain' }, ...columns] : columns,
    rows: rows.map((r, i) => (lead ? [lead[1][i], ...cells(r)] : cells(r))),
  };
}

/** `key | value | 万元`: one row per scalar field; then a sheet per array of objects. */
export function objectSheets(
  name: string,
  o: object,
  words: { key: string; value: string; wan: string },
): SheetSpec[] {
  const arrays: [string, unknown[]][] = [];
  const flat = flatten(o, '', arrays);
  const summary: SheetSpec = {
    name,
    columns: [
      { header: words.key, format: 'plain' },
      { header: words.value, format: 'plain' },
      { header: words.wan, format: 'yuan' },
    ],
    rows: flat.map(([k, v]) => [k, v, formatOf(k) === 'yuan' && typeof v === 'number' ? v / 10_000 : null]),
    cellFormat: (i, j) => (j === 1 ? formatOf(flat[i][0]) : undefined),
  };
  return [summary, ...arrays.map(([k, items]) => itemsSheet(k, items, words.wan))];
}

/**
 * Versions side by side: `key | version 1 | version 2 | … | version 1 (万元) | …`, one row per
 * scalar field (the 万元 columns hold a yuan field's value / 10,000, blank for other fields); then
 * one sheet per array field, every version's items with the version's number first.
 */
export function sideBySideSheets(
  name: string,
  versions: readonly object[],
  words: { key: string; version: (i: number) => string; wan: string },
): SheetSpec[] {
  const arrays = versions.map(() => [] as [string, unknown[]][]);
  const flats = versions.map((v, i) => new Map(flatten(v, '', arrays[i])));
  const keys = [...new Set(flats.flatMap((f) => [...f.keys()]))];
  const n = versions.length;
  const wanOf = (k: string, v: Value) =>
    formatOf(k) === 'yuan' && typeof v === 'number' ? v / 10_000 : null;
  const sheet: SheetSpec = {
    name,
    columns: [
      { header: words.key, format: 'plain' },
      ...versions.map((_, i) => ({ header: words.version(i + 1), format: 'plain' as Format })),
      ...versions.map((_, i) => ({
        header: `${words.version(i + 1)} (${words.wan})`,
        format: 'yuan' as Format,
      })),
    ],
    rows: keys.map((k) => {
      const values = flats.map((f) => f.get(k) ?? null);
      return [k, ...values, ...values.map((v) => wanOf(k, v))];
    }),
    cellFormat: (i, j) => (j >= 1 && j <= n ? formatOf(keys[i]) : undefined),
  };
  const arrayNames = [...new Set(arrays.flatMap((a) => a.map(([k]) => k)))];
  const more = arrayNames.map((k) => {
    const items: unknown[] = [];
    const lead: Value[] = [];
    arrays.forEach((a, i) => {
      for (const it of a.find(([n]) => n === k)?.[1] ?? []) {
        items.push(it);
        lead.push(i + 1);
      }
    });
    return itemsSheet(k, items, words.wan, [words.version(0).replace(/\s*0$/, ''), lead]);
  });
  return [sheet, ...more];
}
