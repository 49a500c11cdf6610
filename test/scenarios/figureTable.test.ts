/**
 * data/README.md, "Figures from the sources, file by file": one table a file, one row a figure,
 * `| field | value | source | as printed | how |`. This test reads the files themselves (raw JSON
 * and CSV text, not through the loader, so no default or migration stands in for a figure) and
 * holds the table to them:
 * - every row's value is the file's value at the row's field;
 * - every numeric leaf of a scenario's members, contributions, fund, limits, risks, benefits and
 *   trend, every number of data/hulunbuir-targets.json and every filled cell of a data CSV (but
 *   its first column, the row's key) has a row;
 * - a row says how the figure was got: `as printed`, `derived`, `calibrated` or `ASSUMED`, and an
 *   `as printed` row quotes a figure that, read with its unit (万, 亿, %), is the value — so the
 *   transcription is checked against the quote, not only the table against the file.
 * A CSV field is `<key>.<column>`: the row whose first cell (or its first word) is `key`, the column
 * whose header (without its bracketed unit) is `column`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');
const SECTION = '## Figures from the sources, file by file';
/** Scenario fields whose numbers are figures (ids, names, seeds and iterations are not). */
const SCENARIO_KEYS = ['members', 'contributions', 'fund', 'limits', 'risks', 'benefits', 'trend'];
/** Data files that are not from the sources: an invented example for the districts view. */
const NOT_FROM_SOURCES = ['data/districts-example.csv'];
const SOURCE_KEYS = ['BJ21', 'BJT', 'HZ', 'NB', 'WZ', 'JX', 'IM', '—'];
const HOW = /^(as printed|derived|calibrated|ASSUMED)\b/;

interface Row {
  field: string;
  value: string;
  source: string;
  printed: string;
  how: string;
}

/** The section's tables, by file: `### \`file\`` then a table whose first column is `field`. */
function readTables(markdown: string): Map<string, Row[]> {
  const start = markdown.indexOf(SECTION);
  if (start < 0) throw new Error(`data/README.md has no section "${SECTION}"`);
  const rest = markdown.slice(start + SECTION.length);
  const end = rest.search(/^## /m);
  const tables = new Map<string, Row[]>();
  let file: string | undefined;
  for (const line of (end < 0 ? rest : rest.slice(0, end)).split('\n')) {
    const heading = /^### `([^`]+)`/.exec(line);
    if (heading) {
      file = heading[1];
      tables.set(file, []);
      continue;
    }
    const cells = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!cells || file === undefined) continue;
    const [value, source, printed, how] = cells[2].split('|').map((c) => c.trim());
    tables.get(file)!.push({ field: cells[1], value, source, printed, how });
  }
  return tables;
}

type Leaf = [path: string, value: number];

function jsonLeaves(v: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => jsonLeaves(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) jsonLeaves(x, path ? `${path}.${k}` : k, out);
  return out;
}

function csvLeaves(text: string): Leaf[] {
  const [head, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const columns = head.map((h) => h.replace(/\s*\(.*\)\s*$/, '').trim());
  const out: Leaf[] = [];
  for (const row of rows) {
    const key = row[0].split(' ')[0];
    row.slice(1).forEach((cell, i) => {
      // `projects` is text (which projects a row covers), not a figure: data/README.md says where
      // each file's comes from in its section.
      if (cell.trim() !== '' && columns[i + 1] !== 'projects')
        out.push([`${key}.${columns[i + 1]}`, Number(cell)]);
    });
  }
  return out;
}

/** Every figure of a file, by field. */
function fileLeaves(file: string): Map<string, number> {
  const text = read(file);
  if (file.endsWith('.csv')) return new Map(csvLeaves(text));
  const json = JSON.parse(text) as Record<string, unknown>;
  if (!file.startsWith('scenarios/')) return new Map(jsonLeaves(json, '', []));
  const out: Leaf[] = [];
  for (const key of SCENARIO_KEYS) if (key in json) jsonLeaves(json[key], key, out);
  return new Map(out);
}

/** The numbers a Chinese quote prints, each read with its unit: 2382万 → 23,820,000, 40余万 (400,000-odd) → 400,000, 50% → 0.5. */
function printedNumbers(quote: string): number[] {
  const unit: Record<string, number> = { 万: 1e4, 亿: 1e8, '%': 0.01 };
  return [...quote.matchAll(/(\d+(?:\.\d+)?)\s*余?(万|亿|%)?/g)].map((m) => Number(m[1]) * (unit[m[2]] ?? 1));
}
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const tables = readTables(read('data/README.md'));
const files = [
  ...readdirSync(new URL('scenarios/', ROOT))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `scenarios/${f}`),
  ...readdirSync(new URL('data/', ROOT))
    .filter((f) => /\.(csv|json)$/.test(f))
    .map((f) => `data/${f}`)
    .filter((f) => !NOT_FROM_SOURCES.includes(f)),
].sort();

describe('data/README.md traces every figure of every bundled file', () => {
  it('has a table for every scenario and data file from the sources, and for no other file', () => {
    expect([...tables.keys()].sort()).toEqual(files);
  });

  describe.each(files)('%s', (file) => {
    const rows = tables.get(file) ?? [];
    const leaves = fileLeaves(file);

    it("gives, in every row, the file's value at the row's field", () => {
      const wrong = rows
        .filter((r) => !leaves.has(r.field) || !same(leaves.get(r.field)!, Number(r.value)))
        .map((r) => `${r.field}: table ${r.value}, file ${leaves.get(r.field) ?? '(no such figure)'}`);
      expect(wrong).toEqual([]);
    });

    it('has a row for every figure of the file, and one only', () => {
      const counted = rows.map((r) => r.field);
      expect([...leaves.keys()].filter((p) => !counted.includes(p))).toEqual([]);
      expect(counted.filter((p, i) => counted.indexOf(p) !== i)).toEqual([]);
    });

    it('says of every row how it was got, from which source, and quotes what it copies', () => {
      const bad = rows
        .filter(
          (r) =>
            !HOW.test(r.how) ||
            !SOURCE_KEYS.includes(r.source) ||
            (r.how.startsWith('as printed') &&
              (r.source === '—' || !printedNumbers(r.printed).some((n) => same(n, Number(r.value))))),
        )
        .map((r) => `${r.field}: ${r.source} | ${r.printed} | ${r.how}`);
      expect(bad).toEqual([]);
    });
  });
});

describe('the quote reader', () => {
  it('reads 万, 亿 and % as the sources print them', () => {
    expect(printedNumbers('申领补助金2382万余元')).toEqual([23_820_000]);
    expect(printedNumbers('参保金额1.60亿元')).toEqual([160_000_000]);
    expect(printedNumbers('近4000家单位40余万人')).toEqual([4000, 400_000]);
    expect(printedNumbers('1001—10000元之间补助50%')).toEqual([1001, 10000, 0.5]);
    expect(same(printedNumbers('单笔申领金额最高为14.12429万元')[0], 141_242.9)).toBe(true);
  });
});
