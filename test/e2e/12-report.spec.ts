// 12. The leader's report: one A4 page in the screen's language, with the verdict, the payout
// chart, the decisive numbers, the comparison, the solver's answer and the assumptions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert,
  hasCJK,
  log,
  openApp,
  pdfPageCount,
  ROOT,
  runCompare,
  screenshot,
  textOf,
  tid,
  waitForChart,
} from './fixtures/helpers.ts';
import { verdictDifferences, visibleText } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** Opens the report (running the simulation if needed) and waits until it is drawn and fitted. */
async function openReport(page: Page) {
  await page.locator(tid('report')).click();
  await page.waitForSelector(`${tid('report-page')}:not([hidden])`, { timeout: 5000 });
  await page.waitForSelector(`${tid('report-page')}[data-ready="true"]`, { timeout: 30_000 });
  await waitForChart(page, 'report-chart-payout');
}

/** Prints the page to an A4 PDF, saves it under screenshots/ and returns its page count. */
async function printPdf(page: Page, root: string, name: string, log: (...parts: unknown[]) => void) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = join(root, 'test/e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
  log(`saved test/e2e/screenshots/${name} (${pdf.length} bytes)`);
  return pdfPageCount(pdf);
}

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1300, height: 1000 } });
  test('the report with a comparison prints on one A4 page, in Chinese', async ({ page, baseUrl }) => {
    test.setTimeout(90_000);
    await openApp(page, baseUrl);
    await runCompare(page, ['example:hangzhou-2015-old-table.json', 'draft']);
    await openReport(page);

    const report = tid('report-page');
    const text = await textOf(page, report);
    assert.ok(hasCJK(await textOf(page, `${report} h1`)), 'the title is Chinese');
    // Hangzhou 2016 runs the slight deficit its backstop covers (48 yuan against a break-even of
    // 48.17: test/scenarios/hangzhou.test.ts): the report says so in words.
    assert.equal(
      await page.locator(tid('report-verdict')).getAttribute('data-verdict'),
      'deficit-within-backstop',
    );
    assert.deepEqual(
      verdictDifferences(await visibleText(page, tid('report-verdict')), 'deficit-within-backstop', 'zh'),
      [],
      'the report states the verdict',
    );
    assert.ok(text.includes('Hangzhou 2016'), 'the scheme name');
    for (const part of ['report-compare', 'report-solver', 'report-assumptions'])
      assert.equal(await page.locator(tid(part)).count(), 1, `${part} is on the page`);
    // The merged scheme's first change against the old single project is its price, 36 → 48 yuan (the
    // cap change 13,700 → 30,200 comes after the new risks, past the lines the page has room for);
    // the two added projects raise the payout far more than income (48 / 36 − 1 = +33%): the flag.
    assert.ok(text.includes('contributions[0].amount：36 → 48'), 'the price change is in the comparison');
    assert.ok(text.includes('收入 +33%'), 'the growth flag is in the comparison');
    assert.match(text, /¥[\d,.]+万/, 'amounts in 万');
    assert.ok(text.includes('杭州市总工会编织医疗互助保障网'), 'the source');
    assert.match(text, /蒙特卡洛模拟 10,000 次/, 'iterations');
    assert.ok(text.includes('hangzhou-2016'), 'the seed');
    assert.match(text, /职工个人 ¥48\.00/, 'contributions by payer');

    await page.evaluate(() => {
      const w = window as unknown as { __printed: number; print: () => void };
      w.__printed = 0;
      w.print = () => {
        w.__printed++;
      };
    });
    await page.locator(tid('print')).click();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __printed: number }).__printed),
      1,
      'print calls window.print()',
    );

    await screenshot(page, 'report-zh');
    const pages = await printPdf(page, ROOT, 'report.pdf', log);
    assert.equal(pages, 1, `the report prints on ${pages} pages`);
  });
});

test.describe(() => {
  test.use({ locale: 'en-US', viewport: { width: 1300, height: 1000 } });
  test('the report prints on one A4 page in English, with no Chinese labels', async ({ page, baseUrl }) => {
    await openApp(page, baseUrl);
    await openReport(page);
    const report = tid('report-page');
    const labels = await page
      .locator(`${report} h1, ${report} h2, ${report} .figure-label, ${report} th:not([data-user-text])`)
      .allInnerTexts();
    assert.deepEqual(labels.filter(hasCJK), [], 'labels in English');
    assert.equal(await page.locator(tid('report-compare')).count(), 0, 'no comparison before one is run');
    assert.match(await textOf(page, report), /¥[\d,.]+ M/, 'amounts in M');
    await screenshot(page, 'report-en');
    const pages = await printPdf(page, ROOT, 'report-en.pdf', log);
    assert.equal(pages, 1, `the report prints on ${pages} pages`);
  });
});

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1300, height: 1000 } });
  test('the report still fits one A4 page with four versions compared and a long source', async ({
    page,
    baseUrl,
  }) => {
    test.setTimeout(90_000);
    await openApp(page, baseUrl);
    const long = '很长的数据来源说明。'.repeat(120);
    await page.locator('[data-field="source"]').fill(long);
    await runCompare(
      page,
      [
        'example:hangzhou-2015-old-table.json',
        'draft',
        'example:jiaxing-2015.json',
        'example:wenzhou-2015.json',
      ],
      1000,
    );
    await openReport(page);
    const zoom = await page
      .locator(`${tid('report-sheet')} .report-content`)
      .evaluate((el) => el.style.zoom || '1');
    const pages = await printPdf(page, ROOT, 'report-four-versions.pdf', log);
    assert.equal(pages, 1, `the report prints on ${pages} pages (zoom ${zoom})`);
    log(`zoomed to ${zoom}`);
  });
});
