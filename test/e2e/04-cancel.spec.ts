// 4. A long run can be cancelled; the page stays responsive and no verdict comes from that run.
import {
  assert,
  field,
  log,
  openApp,
  readReport,
  runAndWait,
  runRecord,
  setInput,
  tid,
  waitForName,
  watchRun,
} from './fixtures/helpers.ts';
import { visibleText } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

// Long enough to cancel, within the work limit. Hangzhou 2016's 28,800 inpatient claimants a year
// (720,000 × 4 per 100) each cost 12 units of work (the bands benefit 1, drawing days 2 + 8 for the
// negative binomial, the allowance 1: the table in src/engine/workBudget.ts), about 3.5·10^5 units
// an iteration against the limit of 6·10^9: at most 17,000 iterations a run, refused above.
const LONG = 15_000;

/** How long the page takes to answer a trivial evaluation (a blocked main thread shows here). */
async function roundTrip(page: Page) {
  const t0 = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - t0;
}

async function progressNow(page: Page) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el && el.hasAttribute('data-progress') ? Number(el.getAttribute('data-progress')) : null;
  }, tid('progress'));
}

test('cancels a 15,000-iteration run; the page stays responsive and shows no verdict from it', async ({
  page,
  baseUrl,
}) => {
  test.setTimeout(90_000);
  await openApp(page, baseUrl);
  await setInput(page, tid('iterations'), LONG);
  await watchRun(page);
  await page.locator(tid('run')).click();

  // Wait for progress above 0 (the run is under way), checking the page answers meanwhile.
  let slowest = 0;
  const t0 = Date.now();
  for (;;) {
    slowest = Math.max(slowest, await roundTrip(page));
    const p = await progressNow(page);
    if (p !== null && p > 0) break;
    const rec = await runRecord(page);
    if (rec.verdictAt !== null)
      throw new Error(`the ${LONG.toLocaleString('en')}-iteration run finished before it could be cancelled`);
    if (Date.now() - t0 > 30_000) throw new Error(`no data-progress above 0 within 30 s (last: ${p})`);
    await page.waitForTimeout(50);
  }
  const atCancel = await progressNow(page);
  assert.ok(Number(atCancel) < 1, `progress ${atCancel} at cancel: the run was already done`);
  await page.locator(tid('cancel')).click();

  // The run stops: progress goes away or stops moving, and no verdict arrives.
  await page.waitForTimeout(500);
  const p1 = await progressNow(page);
  await page.waitForTimeout(2000);
  const p2 = await progressNow(page);
  assert.ok(p2 === null || p2 === p1, `progress still moving after cancel: ${p1} → ${p2}`);

  // Responsive: typing into the name field goes through at once.
  slowest = Math.max(slowest, await roundTrip(page));
  const name = 'after cancel 取消之后';
  await setInput(page, field('name'), name);
  await waitForName(page, name, 3000);
  assert.ok(slowest < 1000, `the page took ${slowest} ms to answer during the run`);

  const rec = await runRecord(page);
  assert.equal(rec.verdictAt, null, `a verdict (${rec.verdict}) appeared after the run was cancelled`);
  const verdicts = await page.locator(`${tid('verdict')}[data-verdict]`).count();
  assert.equal(verdicts, 0, 'a verdict is shown although no run finished');

  // And the app can run again after a cancel.
  await setInput(page, tid('iterations'), 2000);
  const again = await runAndWait(page, 30_000);
  const report = await readReport(page);
  assert.equal(report.iterations, 2000, 'the run after the cancel is the new one');
  const runLine = await visibleText(page, '.results .run-info');
  assert.match(runLine, /\b2,000\b/, `the results shown are the new run's: ${runLine}`);
  log(
    `cancelled at progress ${atCancel}; after cancel: ${p1} → ${p2}; slowest page answer ${slowest} ms; the next run gave ${again.verdict}`,
  );
});
