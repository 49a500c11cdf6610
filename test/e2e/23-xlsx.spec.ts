// 23. Excel in the experience view: a history workbook (Chinese headers) dropped on the view shows
// its flags, as the same CSV does; a hostile workbook is refused on screen, the table shown stays;
// the Excel download of the results is a workbook. exceljs is fetched only when needed, under the CSP.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assert, log, openApp, tid } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import { WENZHOU_ZH, workbook, zipBomb } from '../helpers/workbooks.ts';

/** Drops `bytes` as a file named `name` on the experience view. */
async function drop(page: Page, name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      return dt;
    },
    { b64: Buffer.from(bytes).toString('base64'), name },
  );
  await page.dispatchEvent(tid('history'), 'drop', { dataTransfer });
}

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('a history workbook dropped on the view shows its flags; a zip bomb is refused and the table stays', async ({
    page,
    baseUrl,
    tmpDir,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openApp(page, baseUrl);
    await page.locator(tid('tab-history')).click();
    await page.waitForSelector(`${tid('history')}:not([hidden])`, { timeout: 5000 });
    assert.ok(!scripts.some((u) => /exceljs/.test(u)), 'exceljs is not loaded before a workbook is opened');
    await drop(page, 'wenzhou.xlsx', await workbook(WENZHOU_ZH, '历年'));
    const flag = page.locator(`${tid('history-flags')} [data-flag="payout-growth-outpaces-contributions"]`);
    await flag.waitFor({ timeout: 15_000 });
    assert.equal(await flag.getAttribute('data-year'), '2015');
    const text = await flag.innerText();
    assert.ok(text.includes('+168%') && text.includes('+31%'), `the flag's figures: ${text}`);
    assert.ok(
      scripts.some((u) => /exceljs/.test(u)),
      'exceljs was fetched for the workbook',
    );

    // A zip bomb: refused on screen, in one line; the Wenzhou table stays.
    await drop(page, 'bomb.xlsx', zipBomb());
    await page.waitForSelector(`${tid('history-error')}:not([hidden])`, { timeout: 10_000 });
    const problems = await page.locator(`${tid('history-error')} li`).allInnerTexts();
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0], /bomb\.xlsx.*(解压后超过 50 MB|压缩炸弹)/, problems[0]);
    assert.equal(
      await page.locator(`${tid('history-table')} tr[data-year="2015"]`).count(),
      1,
      'the table stays',
    );
    assert.equal(await flag.count(), 1, 'the flag stays');

    // Not a zip, through the file picker: refused too.
    const notZip = join(tmpDir, 'notes.xlsx');
    writeFileSync(notZip, 'year,members\n2015,1\n');
    await page.locator(tid('history-file')).setInputFiles(notZip);
    await page.waitForFunction(
      (sel) => (document.querySelector(sel)?.textContent ?? '').includes('notes.xlsx'),
      tid('history-error'),
      { timeout: 10_000 },
    );
    assert.match(
      await page
        .locator(`${tid('history-error')} li`)
        .first()
        .innerText(),
      /不是 zip 文件/,
    );
    assert.equal(
      await page.locator(`${tid('history-table')} tr[data-year="2015"]`).count(),
      1,
      'the table stays',
    );

    // The Excel download of the history: a workbook whose first sheet holds the years as numbers.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator(tid('history-export-xlsx')).click(),
    ]);
    const saved = join(tmpDir, 'history.xlsx');
    await download.saveAs(saved);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    assert.equal(ws.getRow(3).getCell(col('year')).value, 2015);
    assert.equal(ws.getRow(3).getCell(col('payouts')).value, 4020000);
    assert.equal(ws.getRow(3).getCell(col('payouts')).numFmt, '#,##0.00');
    assert.equal(ws.getRow(3).getCell(col('payouts') + 1).value, 402);
    log(`flag "${text}"; refused "${problems[0]}"`);
  });
});

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('workbooks of several sheets, in 万元, and claim and district workbooks: the sheet chooser reads the one chosen; a hostile claim workbook is refused and the fit stays', async ({
    page,
    baseUrl,
    tmpDir,
  }) => {
    await openApp(page, baseUrl);
    await page.locator(tid('tab-history')).click();
    await page.waitForSelector(`${tid('history')}:not([hidden])`, { timeout: 5000 });
    const put = (name: string, bytes: Uint8Array) => {
      const path = join(tmpDir, name);
      writeFileSync(path, bytes);
      return path;
    };

    // A note first, then Wenzhou's history in 万元 and 万人次 (data/wenzhou.csv ÷ 10,000).
    const wan = [
      ['年份', '参保人数（万人次）', '互助金收入(万元)', '支出（万元）', '受益人数（人）'],
      [2014, 9.1449, 762.3069, 150, 507],
      [2015, 33.2874, 998.622, 402, 2236],
    ];
    const twoSheets = await workbook([['温州市职工医疗互助历年数据'], ['单位：万元']], '说明', (_, wb) => {
      const ws = wb.addWorksheet('历年');
      for (const r of wan) ws.addRow(r);
    });
    await page.locator(tid('history-file')).setInputFiles(put('wenzhou-wan.xlsx', twoSheets));
    await page.waitForSelector(`${tid('history-error')}:not([hidden])`, { timeout: 15_000 });
    const chooser = page.locator(tid('history-sheet'));
    await chooser.waitFor({ timeout: 5000 });
    assert.deepEqual(await chooser.locator('option').allInnerTexts(), ['说明', '历年']);
    await chooser.selectOption('历年');
    const row2015 = page.locator(`${tid('history-table')} tr[data-year="2015"]`);
    await row2015.waitFor({ timeout: 10_000 });
    const values = await row2015.locator('td').evaluateAll((tds) => tds.map((td) => td.dataset.value));
    assert.deepEqual(values.slice(0, 3), ['332874', '9986220', '4020000'], 'read × 10,000 exactly');
    assert.ok(await page.locator(`${tid('history-error')}[hidden]`).count(), 'the error is gone');
    const flag = page.locator(`${tid('history-flags')} [data-flag="payout-growth-outpaces-contributions"]`);
    assert.equal(await flag.getAttribute('data-year'), '2015');

    // Claim costs from a workbook's first sheet (Chinese header 费用): the fits appear.
    const costs = Array.from({ length: 200 }, (_, i) => [
      Math.round(2000 * Math.exp(1.2 * Math.sin(i * 1.7))) + 100,
    ]);
    await page
      .locator(tid('claims-file'))
      .setInputFiles(put('claims.xlsx', await workbook([['费用'], ...costs], '个案')));
    const best = page.locator(`${tid('fit-table')} tbody tr[data-rank="1"]`);
    await best.waitFor({ timeout: 15_000 });
    const fitted = await best.getAttribute('data-family');
    // A zip bomb named as claims: refused in one line, the fit stays.
    await page.locator(tid('claims-file')).setInputFiles(put('claims-bomb.xlsx', zipBomb()));
    const claimsError = page.locator(tid('claims-error'));
    await claimsError.waitFor({ timeout: 15_000 });
    const refused = await claimsError.locator('li').allInnerTexts();
    assert.equal(refused.length, 1, JSON.stringify(refused));
    assert.match(refused[0], /claims-bomb\.xlsx.*(解压后超过 50 MB|压缩炸弹)/, refused[0]);
    assert.equal(await best.getAttribute('data-family'), fitted, 'the fit stays');

    // Districts from a workbook of two sheets: the second chosen.
    const districts = await workbook([['说明']], '说明', (_, wb) => {
      const ws = wb.addWorksheet('区县');
      ws.addRow(['区县', '年份', '参保人数', '受益人次']);
      for (const [d, m, c] of [
        ['鹿城', 120000, 4800],
        ['龙湾', 60000, 2100],
        ['洞头', 8000, 420],
      ] as const)
        for (const year of [2020, 2021]) ws.addRow([d, year, m, c]);
    });
    await page.locator(tid('districts-file')).setInputFiles(put('districts.xlsx', districts));
    await page.locator(tid('districts-sheet')).waitFor({ timeout: 15_000 });
    await page.locator(tid('districts-sheet')).selectOption('区县');
    await page.waitForSelector(`${tid('credibility-table')} tr[data-district="洞头"]`, { timeout: 10_000 });
    assert.equal(await page.locator(`${tid('credibility-table')} tbody tr`).count(), 3);
    log(`万元 history read; claims fit ${fitted}; refused "${refused[0]}"`);
  });
});
