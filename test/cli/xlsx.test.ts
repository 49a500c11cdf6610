/**
 * Workbooks on the command line: `history` reads a sheet with Chinese headers as its CSV (the
 * same `--json`), refuses hostile workbooks in one line with the contract's exit code (2 cannot
 * be read, 1 invalid data), and `--xlsx` writes workbooks whose figures, read back with exceljs,
 * are those of `--json`, numbers as numbers with their formats.
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { WENZHOU_ZH, workbook, zipBomb } from '../helpers/workbooks.ts';

const dir = mkdtempSync(join(tmpdir(), 'huzhu-xlsx-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function readBack(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** The `key | value` rows of a summary sheet, by key: the value cell. */
function byKey(ws: ExcelJS.Worksheet) {
  const cells = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row, n) => {
    if (n > 1) cells.set(String(row.getCell(1).value), row.getCell(2));
  });
  return cells;
}

describe('history reads .xlsx', () => {
  it('a sheet with Chinese headers gives exactly the --json of data/wenzhou.csv', async () => {
    const xlsx = file('wenzhou.xlsx', await workbook(WENZHOU_ZH, '\u5386\u5e74'));
    const fromSheet = runCli(['history', xlsx, '--json']);
    const fromCsv = runCli(['history', 'data/wenzhou.csv', '--json']);
    expect(fromSheet.code).toBe(0);
    expect(fromSheet.stdout).toBe(fromCsv.stdout);
    expect(JSON.parse(fromSheet.stdout).flags[0]).toMatchObject({
      code: 'payout-growth-outpaces-contributions',
      year: 2015,
    });
  });

  it('reads the sheet named by --sheet, and refuses --sheet on a CSV', async () => {
    const xlsx = file(
      'two.xlsx',
      await workbook([['notes']], 'Notes', (_, wb) => {
        const ws = wb.addWorksheet('Data');
        for (const r of WENZHOU_ZH) ws.addRow(r);
      }),
    );
    expect(runCli(['history', xlsx, '--sheet', 'Data', '--json']).stdout).toBe(
      runCli(['history', 'data/wenzhou.csv', '--json']).stdout,
    );
    const csv = runCli(['history', 'data/wenzhou.csv', '--sheet', 'Data']);
    expect([csv.code, csv.stderr]).toEqual([2, '--sheet: only for a workbook (.xlsx)\n']);
  });

  it('refuses hostile workbooks in one line each: 2 when it cannot be read, 1 when its data is invalid', async () => {
    const many = [WENZHOU_ZH[0], ...Array.from({ length: 1001 }, (_, i) => [1100 + i, 1, 1, 1, 0])];
    const cases: [string, Uint8Array | string, number, string][] = [
      [
        'not-zip.xlsx',
        'year,members\n',
        2,
        'not-zip.xlsx: is not an Excel workbook (.xlsx): it is not a zip file',
      ],
      [
        'bomb.xlsx',
        zipBomb(60),
        2,
        'bomb.xlsx: unpacks to more than 50 MB: refused (a zip bomb, or far too large a workbook)',
      ],
      ['many.xlsx', await workbook(many), 1, 'Sheet1!1002:1002: more than 1000 data rows'],
      [
        'formula.xlsx',
        await workbook(WENZHOU_ZH, 'Sheet1', (ws) => {
          ws.getCell('D2').value = { formula: 'B2*10' } as never;
        }),
        1,
        'Sheet1!D2: is a formula (=B2*10) with no saved result: open and save the workbook in Excel or WPS, or paste the values',
      ],
      [
        'date.xlsx',
        await workbook(WENZHOU_ZH, 'Sheet1', (ws) => {
          ws.getCell('C3').value = new Date(Date.UTC(2015, 0, 1));
        }),
        1,
        'Sheet1!C3: is a date (2015-01-01), not a number: write the value as a number',
      ],
    ];
    for (const [name, bytes, code, line] of cases) {
      const r = runCli(['history', file(name, bytes), '--lang', 'en']);
      expect([name, r.code, r.stdout]).toEqual([name, code, '']);
      expect(r.stderr.replace(dir + '/', '')).toBe(`${line}\n`);
    }
  });
});

describe('history reads regional tables and figures in 万 from .xlsx', () => {
  /** data/inner-mongolia-regions.csv as sheet rows, numbers as numbers, blanks as empty cells. */
  const regionRows = () =>
    readFileSync('data/inner-mongolia-regions.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map((f, j) => (j === 0 ? f : f === '' ? null : Number(f))));

  it('a regional sheet named by --sheet, with Chinese headers, gives the --json of its CSV', async () => {
    // 地区, 参保人年, 受益人数, 受益人次, 支付金额 for region, member-years, claimants, claims, paid.
    const header = [
      '\u5730\u533a',
      '\u53c2\u4fdd\u4eba\u5e74',
      '\u53d7\u76ca\u4eba\u6570',
      '\u53d7\u76ca\u4eba\u6b21',
      '\u652f\u4ed8\u91d1\u989d',
    ];
    const xlsx = file(
      'regions.xlsx',
      await workbook([['\u8bf4\u660e']], '\u8bf4\u660e', (_, wb) => {
        const ws = wb.addWorksheet('\u76df\u5e02');
        ws.addRow(header);
        for (const r of regionRows()) ws.addRow(r);
      }),
    );
    const fromSheet = runCli(['history', xlsx, '--sheet', '\u76df\u5e02', '--json']);
    const fromCsv = runCli(['history', 'data/inner-mongolia-regions.csv', '--json']);
    expect(fromSheet.code).toBe(0);
    expect(fromSheet.stdout).toBe(fromCsv.stdout);
    expect(JSON.parse(fromSheet.stdout).regions).toHaveLength(11);
    // Without --sheet the first sheet (a note) is read, and refused as not a table.
    const first = runCli(['history', xlsx, '--lang', 'en']);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/unknown column/);
  });

  it('Wenzhou with its money in 万元 and members in 万人次 gives exactly the --json of data/wenzhou.csv', async () => {
    const wan = [
      [
        '\u5e74\u4efd',
        '\u53c2\u4fdd\u4eba\u6570\uff08\u4e07\u4eba\u6b21\uff09',
        '\u4e92\u52a9\u91d1\u6536\u5165(\u4e07\u5143)',
        '\u652f\u51fa\uff08\u4e07\u5143\uff09',
        '\u53d7\u76ca\u4eba\u6570\uff08\u4eba\uff09',
        '\u6708\u6570',
        '\u9879\u76ee',
      ],
      [2014, 9.1449, 762.3069, 150, 507, 11, '\u5168\u90e8\u4e92\u52a9\u4fdd\u969c\u9879\u76ee'],
      [2015, 33.2874, 998.622, 402, 2236, 11, '\u5168\u90e8\u4e92\u52a9\u4fdd\u969c\u9879\u76ee'],
    ];
    const r = runCli(['history', file('wan.xlsx', await workbook(wan)), '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(runCli(['history', 'data/wenzhou.csv', '--json']).stdout);
  });

  it('refuses a regional sheet with wrong types at their cells, exit 1', async () => {
    const xlsx = file(
      'bad-regions.xlsx',
      await workbook([
        ['region', 'paid'],
        ['A', '4,020,000'],
        ['B', true],
        [new Date(Date.UTC(2020, 0, 1)), 5],
      ]),
    );
    const r = runCli(['history', xlsx, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^Sheet1!B2 \(paid\): .*4,020,000/),
      expect.stringMatching(/^Sheet1!B3: .*TRUE/),
      expect.stringMatching(/^Sheet1!A4: .*date/),
    ]);
  });
});

describe('--xlsx writes the figures of --json', () => {
  it('simulate: the summary, the quantiles and the benefits, yuan with a 10,000-yuan column, fractions as percentages', async () => {
    const out = join(dir, 'sim.xlsx');
    const r = runCli([
      'simulate',
      'scenarios/hangzhou-2016.json',
      '--iterations',
      '2000',
      '--seed',
      'x',
      '--workers',
      '1',
      '--json',
      '--xlsx',
      out,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const wb = await readBack(out);
    const summary = byKey(wb.worksheets[0]);
    expect(summary.get('income')?.value).toBe(json.income);
    expect(summary.get('income')?.numFmt).toBe('#,##0.00');
    expect(wb.worksheets[0].getRow(Number(summary.get('income')!.row)).getCell(3).value).toBe(
      json.income / 10_000,
    );
    expect(summary.get('expected.payout')?.value).toBe(json.expected.payout);
    expect(summary.get('expected.lossRatio')?.value).toBe(json.expected.lossRatio);
    expect(summary.get('expected.lossRatio')?.numFmt).toBe('0.00%');
    expect(summary.get('simulated.probDeficit')?.numFmt).toBe('0.00%');
    for (const q of ['p50', 'p95', 'p995'])
      expect(summary.get(`simulated.quantiles.${q}`)?.value).toBe(json.simulated.quantiles[q] as number);
    expect(summary.get('iterations')?.value).toBe(2000);
    expect(summary.get('verdict')?.value).toBe(json.verdict);
    const benefits = wb.getWorksheet('benefits')!;
    const head = (benefits.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 2)).toEqual(['id', 'expected']);
    json.benefits.forEach((b: { id: string; expected: number; simulated: number }, i: number) => {
      const row = benefits.getRow(i + 2);
      expect(row.getCell(1).value).toBe(b.id);
      expect(row.getCell(head.indexOf('expected') + 1).value).toBe(b.expected);
      expect(row.getCell(head.indexOf('simulated') + 1).value).toBe(b.simulated);
    });
  });

  it('project: one row per year; compare: the versions side by side; history: the years and flags', async () => {
    const proj = join(dir, 'proj.xlsx');
    const p = runCli([
      'project',
      'scenarios/hangzhou-2016.json',
      '--years',
      '3',
      '--iterations',
      '500',
      '--seed',
      's',
      '--workers',
      '1',
      '--json',
      '--xlsx',
      proj,
    ]);
    expect(p.code).toBe(0);
    const years = JSON.parse(p.stdout).years;
    const ws = (await readBack(proj)).worksheets[0];
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(ws.rowCount).toBe(1 + years.length);
    years.forEach((y: { year: number; balance: { p50: number }; probDepleted: number }, i: number) => {
      expect(ws.getRow(i + 2).getCell(head.indexOf('year') + 1).value).toBe(y.year);
      expect(ws.getRow(i + 2).getCell(head.indexOf('balance.p50') + 1).value).toBe(y.balance.p50);
      expect(ws.getRow(i + 2).getCell(head.indexOf('probDepleted') + 1).value).toBe(y.probDepleted);
      // Yuan as numbers with the yuan format, and beside them the same in 万元 (÷ 10,000), also numbers.
      const yuan = ws.getRow(i + 2).getCell(head.indexOf('balance.p50') + 1);
      const wan = ws.getRow(i + 2).getCell(head.indexOf('balance.p50 (\u4e07\u5143)') + 1);
      expect([typeof yuan.value, yuan.numFmt]).toEqual(['number', '#,##0.00']);
      expect([wan.value, wan.numFmt]).toEqual([y.balance.p50 / 10_000, '#,##0.00']);
    });

    const cmp = join(dir, 'cmp.xlsx');
    const c = runCli([
      'compare',
      'scenarios/hangzhou-2016.json',
      'scenarios/hangzhou-2016.json',
      '--iterations',
      '500',
      '--seed',
      's',
      '--workers',
      '1',
      '--json',
      '--xlsx',
      cmp,
    ]);
    expect(c.code).toBe(0);
    const versions = JSON.parse(c.stdout).versions;
    const side = byKey((await readBack(cmp)).worksheets[0]);
    const row = (await readBack(cmp)).worksheets[0].getRow(Number(side.get('expected.payout')!.row));
    expect([row.getCell(2).value, row.getCell(3).value]).toEqual(
      versions.map((v: { expected: { payout: number } }) => v.expected.payout),
    );
    expect([row.getCell(2).numFmt, row.getCell(3).numFmt]).toEqual(['#,##0.00', '#,##0.00']);
    // The 万元 columns after the versions: each version's payout ÷ 10,000, as numbers, formatted as yuan.
    const cmpHead = ((await readBack(cmp)).worksheets[0].getRow(1).values as unknown[]).slice(1);
    // In Chinese (the default language): 项目, 方案 1, 方案 2, 方案 1 (万元), 方案 2 (万元).
    expect(cmpHead).toEqual([
      '\u9879\u76ee',
      '\u65b9\u6848 1',
      '\u65b9\u6848 2',
      '\u65b9\u6848 1 (\u4e07\u5143)',
      '\u65b9\u6848 2 (\u4e07\u5143)',
    ]);
    expect([row.getCell(4).value, row.getCell(5).value]).toEqual(
      versions.map((v: { expected: { payout: number } }) => v.expected.payout / 10_000),
    );
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
    const lossRatio = (await readBack(cmp)).worksheets[0].getRow(Number(side.get('expected.lossRatio')!.row));
    expect([lossRatio.getCell(2).numFmt, lossRatio.getCell(4).value]).toEqual(['0.00%', null]);

    const hist = join(dir, 'hist.xlsx');
    const h = runCli(['history', 'data/wenzhou.csv', '--json', '--xlsx', hist]);
    const analysis = JSON.parse(h.stdout);
    const hwb = await readBack(hist);
    const hs = hwb.worksheets[0];
    const hh = (hs.getRow(1).values as unknown[]).slice(1);
    expect(hs.getRow(3).getCell(hh.indexOf('lossRatio') + 1).value).toBe(analysis.years[1].lossRatio);
    expect(hs.getRow(3).getCell(hh.indexOf('lossRatio') + 1).numFmt).toBe('0.00%');
    expect(hs.getRow(3).getCell(hh.indexOf('year') + 1).numFmt).toBe('0');
    const flags = hwb.getWorksheet('flags')!;
    expect(flags.getRow(2).getCell(1).value).toBe(analysis.flags[0].code);
  });

  it('refuses an --xlsx that does not name a .xlsx file', () => {
    const r = runCli(['history', 'data/wenzhou.csv', '--xlsx', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--xlsx: must name a \.xlsx file/);
  });
});
