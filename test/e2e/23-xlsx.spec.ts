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
