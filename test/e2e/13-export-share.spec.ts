// 13. Exports and share links: the results and a comparison as CSV; the scenario in a link that
// opens it in a fresh browser; a damaged link shows why and keeps the current work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert,
  fieldValues,
  inputValue,
  log,
  openApp,
  openFile,
  parseCsv,
  readScenario,
  ROOT,
  runAndWait,
  runCompare,
  scenarioName,
  setField,
  setInput,
  textOf,
  tid,
  waitForName,
} from './fixtures/helpers.ts';
import {
  figureDifferences,
  percent,
  readResults,
  verdictDifferences,
  yuan,
  type Verdict,
} from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

async function downloadOf(page: Page, selector: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator(selector).click(),
  ]);
  assert.equal(await download.failure(), null, 'the download failed');
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('exports the results as a CSV file with the report’s figures and quantiles', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    await setInput(page, tid('iterations'), 2000);
    await runAndWait(page);
    const report = JSON.parse(
      await page
        .locator(tid('report-json'))
        .evaluate((el) => (el as HTMLOutputElement).value || el.textContent || ''),
    );
    const { name, text } = await downloadOf(page, tid('export-csv'));
    assert.match(name, /\.csv$/, name);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['key', 'label', 'value']);
    assert.ok(
      rows.every((r) => r.length === 3),
      'three fields in every row',
    );
    const value = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[2]]));
    assert.equal(value.name, report.name, 'the name, with its spaces and Chinese, survives quoting');
    assert.equal(Number(value.income), report.income);
    assert.equal(Number(value['expected.payout']), report.expected.payout);
    assert.equal(Number(value['simulated.probDeficit']), report.simulated.probDeficit);
    assert.equal(Number(value['simulated.quantiles.p995']), report.simulated.quantiles.p995);
    assert.equal(Number(value.iterations), 2000);
    assert.equal(value.verdict, report.verdict);
    // The file says what the screen shows: its figures, written as the screen writes them.
    const shown = await readResults(page);
    const differences = [
      ...verdictDifferences(shown.verdict, value.verdict as Verdict, 'zh'),
      ...figureDifferences(shown.figures, {
        income: yuan(Number(value.income), 'zh'),
        expected: yuan(Number(value['expected.payout']), 'zh'),
        'prob-deficit': percent(Number(value['simulated.probDeficit']), 2),
      }),
      ...figureDifferences(Object.fromEntries(shown.quantiles), {
        '99.5%': yuan(Number(value['simulated.quantiles.p995']), 'zh'),
      }),
    ];
    assert.deepEqual(differences, [], 'the CSV and the screen differ');
    log(`${name}: ${rows.length - 1} figures`);
  });
});

test('exports a comparison as CSV, one row per version', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  await runCompare(page, ['example:wenzhou-2014.json', 'example:wenzhou-2015.json'], 1000);
  const { text } = await downloadOf(page, tid('compare-export-csv'));
  const rows = parseCsv(text);
  assert.equal(rows.length, 3, 'a header and two versions');
  const head = rows[0];
  const col = (k: string) => head.indexOf(k);
  assert.ok(
    ['name', 'income', 'expectedPayout', 'probDeficit', 'p995', 'verdict', 'flags'].every((k) => col(k) >= 0),
    head.join(','),
  );
  // 2014's and 2015's enrolments × their price × 1.05 shares a member (5% hold two): to the fen
  assert.equal(Number(rows[1][col('income')]), Math.round(91_449 * 38 * 1.05 * 100) / 100);
  assert.equal(Number(rows[2][col('income')]), Math.round(332_874 * 30 * 1.05 * 100) / 100);
  assert.equal(rows[2][col('flags')], 'payout-growth-outpaces-contributions');
  assert.ok(
    rows.slice(1).every((r) => r.length === head.length),
    'every row has every column',
  );
  log(rows.map((r) => r.slice(0, 5).join(' | ')).join(' / '));
});

test('a share link round-trips the scenario into a fresh browser', async ({ page, baseUrl, newPage }) => {
  await openApp(page, baseUrl);
  const s = readScenario(ROOT, 'scenarios/inner-mongolia-forestry-2019.json');
  await openFile(page, join(ROOT, 'scenarios/inner-mongolia-forestry-2019.json'));
  await waitForName(page, s.name);
  const name = `${s.name} · 分享 "share" & <test>`;
  await setField(page, 'name', name);
  await setField(page, 'members.count', 31_234);
  await waitForName(page, name);
  const before = await fieldValues(page);

  await page.locator(tid('share')).click();
  await page.waitForSelector(tid('share-link'), { timeout: 5000 });
  const url = await inputValue(page, tid('share-link'));
  assert.ok(
    url.startsWith(baseUrl) && url.includes('#s='),
    `a link to the app with #s=: ${url.slice(0, 80)}`,
  );
  assert.match(url.split('#s=')[1], /^[A-Za-z0-9_-]+$/, 'base64url');

  const fresh = await newPage({ locale: 'en-US' });
  await fresh.goto(url, { waitUntil: 'load' });
  await waitForName(fresh, name, 15_000);
  const after = await fieldValues(fresh);
  assert.deepEqual(after, before, 'every field is the same');
  assert.equal(
    await fresh.evaluate(() => location.hash),
    '',
    'the link is cleared from the address once read',
  );
  log(`link of ${url.length} characters; ${Object.keys(after).length} fields equal`);
});

test('a damaged share link shows why and keeps the current work; a link over unsaved edits asks first', async ({
  page,
  baseUrl,
}) => {
  await openApp(page, baseUrl);
  await setField(page, 'name', 'Unsaved work 未保存');
  await waitForName(page, 'Unsaved work 未保存');
  await page.goto(`${baseUrl}#s=not-a-scenario`, { waitUntil: 'load' });
  await page.waitForSelector(`${tid('error')}:not([hidden])`, { timeout: 10_000 });
  const error = await textOf(page, tid('error'));
  assert.ok(error.length > 0, 'the error box says why');
  assert.equal(await scenarioName(page), 'Unsaved work 未保存', 'the work is kept');

  // A valid link over unsaved edits: the user is asked, and saying no keeps the work.
  await page.locator(tid('share')).click();
  const url = await inputValue(page, tid('share-link'));
  await setField(page, 'name', 'Edited after sharing');
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    url.slice(url.indexOf('#')),
  );
  for (const t0 = Date.now(); asked.length === 0 && Date.now() - t0 < 5000;)
    await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200)); // a second question would come by now
  assert.equal(asked.length, 1, 'asked once before replacing unsaved edits');
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is cleared from the address');
  assert.equal(await scenarioName(page), 'Edited after sharing', 'declining keeps the edits');
  log(`error: ${JSON.stringify(error.slice(0, 120))}; asked: ${JSON.stringify(asked[0])}`);
});
