// 8. A scenario name is text, never markup: it shows literally and runs no script.
import {
  assert,
  assertNoDialogs,
  log,
  openApp,
  openScenario,
  readScenario,
  ROOT,
  runDraft,
  scenarioName,
  waitForChart,
  writeTempScenario,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

const NAME = '<img src=x onerror=alert(1)>';

test('a scenario named <img src=x onerror=alert(1)> shows the text literally and fires no dialog', async ({
  page,
  baseUrl,
  tmpDir,
  guard,
}) => {
  await openApp(page, baseUrl);
  const scenario = { ...readScenario(ROOT, 'scenarios/hangzhou-2016.json'), name: NAME };
  await openScenario(page, writeTempScenario(tmpDir, 'xss.json', scenario));
  assert.equal(await scenarioName(page), NAME, 'scenario-name shows the name exactly');

  // Where else the name goes: the report, the charts (titles), the page title.
  assert.equal((await runDraft(page, { iterations: 2000 })).name, NAME, 'report name');
  await waitForChart(page, 'chart-payout');
  await waitForChart(page, 'chart-benefit');
  await page.waitForTimeout(500);

  const injected = await page.evaluate(
    () =>
      [...document.querySelectorAll('img')].filter(
        (img) => img.getAttribute('src') === 'x' || img.hasAttribute('onerror'),
      ).length,
  );
  assert.equal(injected, 0, 'an <img> from the name was put into the page');
  assertNoDialogs(guard);
  log(`name shown literally; title ${JSON.stringify(await page.title())}`);
});
