// 20. The projection view: the fund over several years under the scenario's trends, on the Web
// Workers, with a fan chart, a table per year, the first deficit year and the backstop year.
import {
  assert,
  cli,
  field,
  hasCJK,
  log,
  openApp,
  readScenario,
  ROOT,
  screenshot,
  setField,
  setInput,
  showTab,
  textOf,
  tid,
  waitForChart,
  writeTempScenario,
} from './fixtures/helpers.ts';
import { readPercent } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

async function project(page: Page, years: number, iterations: number) {
  await showTab(page, 'projection');
  await setInput(page, tid('projection-years'), years);
  await setInput(page, tid('projection-iterations'), iterations);
  const t0 = Date.now();
  await page.locator(tid('projection-run')).click();
  await page.waitForSelector(`${tid('projection-table')} tbody tr[data-year="${years}"]`, {
    timeout: 60_000,
  });
  return (Date.now() - t0) / 1000;
}

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('projects Hangzhou at 60 yuan with medical costs growing 8% a year over 10 years: fan chart, first deficit year 5, a backstop year', async ({
    page,
    baseUrl,
    tmpDir,
  }) => {
    test.setTimeout(120_000);
    // Hangzhou 2016 as bundled runs a slight deficit from its first year (48 yuan against a
    // break-even of 48.17); at 60 yuan it starts with a surplus that the 8% cost trend wears away.
    // The CLI projects the same draft: its expected loss ratios are exact, whatever the iterations.
    const hangzhou = readScenario(ROOT, 'scenarios/hangzhou-2016.json');
    const draft = writeTempScenario(tmpDir, 'hangzhou-60-cost-8.json', {
      ...hangzhou,
      contributions: [{ ...hangzhou.contributions[0], amount: 60 }],
      trend: { ...hangzhou.trend, cost: 0.08 },
    });
    const fromCli = cli(ROOT, ['project', draft, '--years', '10', '--iterations', '100', '--json']);
    fromCli.catch(() => {});
    await openApp(page, baseUrl);
    await setField(page, 'contributions[0].amount', 60);
    await setField(page, 'trend.cost', 0.08);
    assert.equal(
      await page.locator(field('simulation.years')).inputValue(),
      '5',
      'the editor shows the scenario’s years',
    );
    await showTab(page, 'projection');
    assert.equal(
      await page.locator(tid('projection-years')).getAttribute('placeholder'),
      '5',
      'years default to the scenario’s simulation.years',
    );
    // 10 years of the merged scheme allow at most 1,200 iterations within the work limit.
    const seconds = await project(page, 10, 600);
    const cliYears = JSON.parse(await fromCli) as {
      years: { expectedLossRatio: number }[];
      firstYearLossRatioAboveOne: number | null;
    };
    assert.equal(cliYears.firstYearLossRatioAboveOne, 5, 'the CLI: the loss ratio passes 100% in year 5');

    const rows = page.locator(`${tid('projection-table')} tbody tr`);
    assert.equal(await rows.count(), 10, 'a row per year');
    const deficit = page.locator(tid('projection-first-deficit'));
    const backstop = page.locator(tid('projection-backstop-year'));
    const deficitYear = Number(await deficit.getAttribute('data-year'));
    const backstopYear = Number(await backstop.getAttribute('data-year'));
    assert.equal(deficitYear, 5, 'the expected loss ratio passes 100% in year 5');
    assert.ok(
      Number.isInteger(backstopYear) && backstopYear > deficitYear && backstopYear <= 10,
      `a backstop year after the deficit: ${backstopYear}`,
    );
    const deficitText = await textOf(page, tid('projection-first-deficit'));
    assert.ok(deficitText.includes('第 5 年'), `in words: ${deficitText}`);
    assert.ok(hasCJK(await textOf(page, tid('projection-backstop-year'))));
    const ratioOf = async (y: number) =>
      Number(
        await page
          .locator(`${tid('projection-table')} tr[data-year="${y}"] td`)
          .nth(3)
          .getAttribute('data-value'),
      );
    const [r4, r5] = [await ratioOf(4), await ratioOf(5)];
    assert.ok(r4 <= 1 && r5 > 1, `expected loss ratio year 4 ${r4}, year 5 ${r5}`);
    for (const [y, r] of [
      [4, r4],
      [5, r5],
    ])
      assert.ok(
        Math.abs(r - cliYears.years[y - 1].expectedLossRatio) < 1e-9,
        `year ${y}: screen ${r}, CLI ${cliYears.years[y - 1].expectedLossRatio}`,
      );
    const ratioShown = (y: number) =>
      page
        .locator(`${tid('projection-table')} tr[data-year="${y}"] td`)
        .nth(3)
        .innerText();
    const [t4, t5] = [await ratioShown(4), await ratioShown(5)];
    assert.ok(
      readPercent(t4) <= 1 && readPercent(t5) > 1,
      `the table shows the loss ratio passing 100% in year 5: ${t4}, ${t5}`,
    );
    const income = await page
      .locator(`${tid('projection-table')} tr[data-year="1"] td`)
      .nth(1)
      .innerText();
    assert.match(income, /万/, `amounts in 万: ${income}`);
    const chart = await waitForChart(page, 'chart-fan');
    await screenshot(page, 'projection-hangzhou');
    log(
      `projected in ${seconds.toFixed(1)} s; first deficit ${deficitYear}, backstop ${backstopYear}; fan ${Math.round(chart.width)}×${Math.round(chart.height)}`,
    );
  });
});

test.describe(() => {
  test.use({ locale: 'en-US' });
  test('a projection shows progress and can be cancelled; years outside 1–50 are refused', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    await showTab(page, 'projection');
    await page.locator(tid('projection-years')).fill('51');
    assert.ok(await page.locator(tid('projection-run')).isDisabled(), 'run is disabled for 51 years');
    assert.ok(await page.locator(tid('projection-years-error')).isVisible(), 'and says why');
    // Long enough to cancel, within the work limit: 8 years of Hangzhou 2016 (members +5%, rates +2% a
    // year, so about 7% more claimants each year, 12 units of work each: src/engine/workBudget.ts)
    // allow at most 1,600 iterations.
    await setInput(page, tid('projection-years'), 8);
    await setInput(page, tid('projection-iterations'), 1500);
    await page.locator(tid('projection-run')).click();
    await page.waitForSelector(tid('projection-progress'), { timeout: 10_000 });
    await page.locator(tid('projection-cancel')).click();
    await page.waitForFunction(
      () => /cancelled/i.test(document.querySelector('[data-testid="projection"]')?.textContent ?? ''),
      null,
      { timeout: 10_000 },
    );
    assert.equal(await page.locator(tid('projection-table')).count(), 0, 'no result from a cancelled run');
    assert.ok(await page.locator(tid('projection-run')).isEnabled(), 'run is enabled again');
  });
});
