/**
 * Workbooks in (src/workbook): a sheet made with exceljs reads as its CSV; hostile bytes are
 * refused in one line before exceljs sees them (not a zip, an old .xls, a zip bomb, a directory
 * that lies about a size, a damaged zip), and a named sheet that is missing says which there are.
 */
import { describe, expect, it } from 'vitest';
import { parseClaims, parseDistricts, parseHistory } from '../../src/history/index.ts';
import { historyProblemLine } from '../../src/messages/history.ts';
import { readWorkbook } from '../../src/workbook/readWorkbook.ts';
import { zipEntries, zipProblem } from '../../src/workbook/zipCheck.ts';
import { lyingSizes, WENZHOU_ZH, workbook, zipBomb } from '../helpers/workbooks.ts';

const lines = (r: Awaited<ReturnType<typeof readWorkbook>>) =>
  r.ok ? [] : r.problems.map((p) => historyProblemLine('en', p));

describe('readWorkbook', () => {
  it('reads the first sheet, with Chinese headers, as the same rows as data/wenzhou.csv', async () => {
    const r = await readWorkbook(await workbook(WENZHOU_ZH, '\u5386\u5e74'), { file: 'w.xlsx' });
    if (!r.ok) throw new Error(lines(r).join('\n'));
    expect(r.sheets).toEqual(['\u5386\u5e74']);
    expect(parseHistory(r.sheet)).toEqual({
      ok: true,
      rows: [
        {
          year: 2014,
          members: 91449,
          contributions: 7623069,
          payouts: 1500000,
          claimants: 507,
          months: 11,
          counted: { members: 'times', claimants: 'people' },
          projects: ['全部互助保障项目'],
        },
        {
          year: 2015,
          members: 332874,
          contributions: 9986220,
          payouts: 4020000,
          claimants: 2236,
          months: 11,
          counted: { members: 'times', claimants: 'people' },
          projects: ['全部互助保障项目'],
        },
      ],
    });
  });

  it('reads a named sheet, and names the sheets when the one asked for is missing', async () => {
    const bytes = await workbook([['notes']], 'Notes', (_, wb) => {
      const ws = wb.addWorksheet('Data');
      for (const r of WENZHOU_ZH) ws.addRow(r);
    });
    const r = await readWorkbook(bytes, { file: 'w.xlsx', sheet: 'Data' });
    expect(r.ok && parseHistory(r.sheet).ok).toBe(true);
    const missing = await readWorkbook(bytes, { file: 'w.xlsx', sheet: 'Sheet9' });
    expect(missing.ok || missing.unreadable).toBe(true);
    expect(lines(missing)).toEqual(['w.xlsx: has no sheet "Sheet9" (sheets: Notes, Data)']);
  });

  it('refuses a formula with no saved result and a date in a money column at their cells (invalid, not unreadable)', async () => {
    const bytes = await workbook(WENZHOU_ZH, 'Sheet1', (ws) => {
      ws.getCell('C2').value = { formula: 'SUM(X1:X9)' } as never;
      ws.getCell('D3').value = new Date(Date.UTC(2015, 11, 31));
    });
    const r = await readWorkbook(bytes, { file: 'w.xlsx' });
    if (!r.ok) throw new Error('the sheet itself reads');
    const parsed = parseHistory(r.sheet);
    expect(parsed.ok ? [] : parsed.problems.map((p) => historyProblemLine('en', p))).toEqual([
      'Sheet1!C2: is a formula (=SUM(X1:X9)) with no saved result: open and save the workbook in Excel or WPS, or paste the values',
      'Sheet1!D3: is a date (2015-12-31), not a number: write the value as a number',
    ]);
  });

  it('names the sheets of a workbook whose first sheet is refused, so that another can be chosen', async () => {
    const bytes = await workbook(
      [['cost'], ...Array.from({ length: 30 }, (_, i) => [i + 1])],
      'Big',
      (_, wb) => {
        const ws = wb.addWorksheet('Data');
        for (const r of WENZHOU_ZH) ws.addRow(r);
      },
    );
    const r = await readWorkbook(bytes, { file: 'w.xlsx', maxRows: 20 });
    expect(!r.ok && [r.unreadable, r.sheets]).toEqual([false, ['Big', 'Data']]);
    expect(lines(r)).toEqual(['Big!22:22: more than 20 data rows']);
    const data = await readWorkbook(bytes, { file: 'w.xlsx', maxRows: 20, sheet: 'Data' });
    expect(data.ok && parseHistory(data.sheet).ok).toBe(true);
    // Bytes that cannot be unpacked have no sheets to offer.
    const bomb = await readWorkbook(zipBomb(), { file: 'b.xlsx' });
    expect(!bomb.ok && [bomb.unreadable, bomb.sheets]).toEqual([true, undefined]);
  });

  it('claim and district sheets: wrong types, formulas without a result and blanks are refused at their cells', async () => {
    const claims = await readWorkbook(
      await workbook(
        [['\u8d39\u7528'], [1200], [new Date(Date.UTC(2020, 0, 2))], [true], ['35,000'], [-5]],
        'C',
        (ws) => {
          ws.getCell('A7').value = { formula: 'A2*2' } as never;
        },
      ),
      { file: 'c.xlsx' },
    );
    if (!claims.ok) throw new Error(lines(claims).join('\n'));
    const c = parseClaims(claims.sheet);
    expect(c.ok ? [] : c.problems.map((p) => historyProblemLine('en', p))).toEqual([
      'C!A3: is a date (2020-01-02), not a number: write the value as a number',
      'C!A4: is TRUE, not a number',
      'C!A5 (cost): must be written without thousands separators or units, not "35,000"',
      'C!A6 (cost): must be greater than 0',
      'C!A7: is a formula (=A2*2) with no saved result: open and save the workbook in Excel or WPS, or paste the values',
    ]);
    const districts = await readWorkbook(
      await workbook(
        [
          ['\u533a\u53bf', '\u5e74\u4efd', '\u53c2\u4fdd\u4eba\u6570', '\u53d7\u76ca\u4eba\u6b21'],
          ['A', 2020, 1000, 40],
          ['B', '2020\u5e74', 800, { error: '#DIV/0!' }],
        ],
        'D',
      ),
      { file: 'd.xlsx' },
    );
    if (!districts.ok) throw new Error(lines(districts).join('\n'));
    const d = parseDistricts(districts.sheet);
    expect(d.ok ? [] : d.problems.map((p) => historyProblemLine('en', p))).toEqual([
      'D!B3 (year): must be a number, not "2020\u5e74"',
      'D!D3: is an error value (#DIV/0!), not a number',
    ]);
  });

  it('reads a formula by its saved result', async () => {
    const bytes = await workbook(WENZHOU_ZH, 'Sheet1', (ws) => {
      ws.getCell('D3').value = { formula: '4000000+20000', result: 4020000 } as never;
    });
    const r = await readWorkbook(bytes, { file: 'w.xlsx' });
    expect(r.ok && parseHistory(r.sheet)).toMatchObject({ ok: true, rows: [{}, { payouts: 4020000 }] });
  });

  it('refuses a sheet with more rows than 100,000 (or the limit asked) in one line', async () => {
    const rows = [['cost'], ...Array.from({ length: 30 }, (_, i) => [i + 1])];
    const r = await readWorkbook(await workbook(rows), { file: 'c.xlsx', maxRows: 20 });
    expect(r.ok || r.unreadable).toBe(false);
    expect(lines(r)).toEqual(['Sheet1!22:22: more than 20 data rows']);
  });

  it('refuses hostile bytes before exceljs, each in one line, as unreadable', async () => {
    // The bomb's ratio, from its own bytes: the packed size is the local header's field at offset 18.
    const twenty = zipBomb(20);
    const ratio = Math.round((20 * 1024 * 1024) / new DataView(twenty.buffer).getUint32(18, true));
    expect(ratio).toBeGreaterThan(200);
    const cases: [Uint8Array, string][] = [
      [
        new TextEncoder().encode('year,members\n2015,1\n'),
        'x.xlsx: is not an Excel workbook (.xlsx): it is not a zip file',
      ],
      [
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        'x.xlsx: is an old Excel 97–2003 file (.xls): save it as .xlsx (Excel workbook) or as CSV',
      ],
      [zipBomb(60), 'x.xlsx: unpacks to more than 50 MB: refused (a zip bomb, or far too large a workbook)'],
      [
        twenty,
        `x.xlsx: its part xl/worksheets/sheet1.xml unpacks to ${ratio} times its packed size: refused as a zip bomb`,
      ],
      [new Uint8Array(11 * 1024 * 1024), 'x.xlsx: the text is larger than 10 MB'],
    ];
    for (const [bytes, line] of cases) {
      const r = await readWorkbook(bytes, { file: 'x.xlsx' });
      expect(r.ok).toBe(false);
      expect(r.ok || r.unreadable).toBe(true);
      expect(lines(r)).toEqual([line]);
    }
  });

  it('catches a directory that says a part unpacks to less than it does', async () => {
    const good = await workbook(WENZHOU_ZH);
    expect(zipProblem(good)).toBeNull();
    const r = await readWorkbook(lyingSizes(good), { file: 'x.xlsx' });
    expect(lines(r)).toEqual([
      'x.xlsx: its part xl/worksheets/sheet1.xml unpacks to Infinity times its packed size: refused as a zip bomb',
    ]);
  });

  it('refuses a zip cut short, and reads a directory entry by entry with its declared sizes', async () => {
    const good = await workbook(WENZHOU_ZH);
    expect(lines(await readWorkbook(good.subarray(0, good.length - 30), { file: 'x.xlsx' }))).toEqual([
      'x.xlsx: cannot be read as an Excel workbook (.xlsx): no zip directory (the file is cut short or damaged)',
    ]);
    const bomb = zipEntries(zipBomb(1));
    expect(Array.isArray(bomb) && bomb.map((e) => [e.name, e.size, e.method])).toEqual([
      ['xl/worksheets/sheet1.xml', 1024 * 1024, 8],
    ]);
  });
});
