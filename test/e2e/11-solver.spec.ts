// 11. The solver: the break-even contribution applied gives a loss ratio of 100.0%; the largest
// affordable cap at a lowered contribution, applied as an edit; the sensitivity tornadoes, the one
// of P(deficit) required (the engine has an exact method) and based on the CLI's `--method fft`.
import { join } from 'node:path';
import {
  assert,
  cli,
  field,
  inputValue,
  log,
  openApp,
  openFile,
  plainNumber,
  readScenario,
  ROOT,
  screenshot,
  setField,
  textOf,
  tid,
  waitForChart,
  waitForName,
} from './fixtures/helpers.ts';
import { percent, type CliReport, VERDICT_WORDS, visibleText } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** Waits until the element's `data-value` differs from `before` and returns it. */
async function nextValue(page: Page, selector: string, before: string, timeout = 5000) {
  await page.waitForFunction(
    ([sel, old]) => {
      const v = document.querySelector(sel)?.getAttribute('data-value');
      return v !== null && v !== undefined && v !== old;
    },
    [selector, before],
    { timeout, polling: 50 },
  );
  return page.locator(selector).getAttribute('data-value');
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('the break-even contribution, applied, gives an exact loss ratio of 100.0% and breaks even', async ({
    page,
    baseUrl,
  }) => {
    // The CLI's exact expected payout for the same file, computed while the browser opens.
    const fromCli = cli(ROOT, ['simulate', 'scenarios/hangzhou-2016.json', '--method', 'fft', '--json']);
    fromCli.catch(() => {});
    await openApp(page, baseUrl);
    const value = Number(await page.locator(tid('solve-break-even')).getAttribute('data-value'));
    // Hangzhou 2016 is priced at 48 yuan, the whole yuan just below its break-even (a slight deficit);
    // the solver offers μ over the 720,000 members rounded up to the fen, so that applying it breaks even.
    const mu = (JSON.parse(await fromCli) as CliReport).expected.payout;
    assert.equal(value, Math.ceil((mu / 720_000) * 100) / 100, `μ ${mu} over 720,000 members, up to the fen`);
    assert.ok(value > 48 && value < 49, `Hangzhou 2016 breaks even just above its 48 yuan: ${value}`);
    assert.ok(
      Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
      `to the fen: ${value}`,
    );
    const sentence = await textOf(page, tid('solve-break-even'));
    assert.ok(sentence.includes(`¥${value.toFixed(2)}`), `the sentence gives the amount: ${sentence}`);
    await page.locator(tid('apply-break-even')).click();
    await page
      .waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes('100.0%'),
        tid('preview-loss-ratio'),
        { timeout: 5000 },
      )
      .catch(async () => {
        throw new Error(
          `preview-loss-ratio shows ${JSON.stringify(await textOf(page, tid('preview-loss-ratio')))}`,
        );
      });
    assert.equal(
      plainNumber(await inputValue(page, field('contributions[0].amount'))),
      value,
      'the contribution field holds the solved amount',
    );
    assert.equal(await page.locator(tid('preview')).getAttribute('data-verdict'), 'breaks-even');
    assert.equal(
      await visibleText(page, `${tid('preview-verdict')} .figure-value`),
      VERDICT_WORDS.zh['breaks-even'],
      'the preview says it breaks even',
    );
    // The edit is autosaved like any other.
    const saved = await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
    assert.ok(saved.includes(String(value)), 'the applied contribution is in the autosave');
    log(
      `break-even ¥${value}: loss ratio ${await textOf(page, `${tid('preview-loss-ratio')} .figure-value`)}`,
    );
  });
});

test('scales every payer in proportion: Inner Mongolia’s four payers keep their shares, the total exact', async ({
  page,
  baseUrl,
}) => {
  await openApp(page, baseUrl);
  const s = readScenario(ROOT, 'scenarios/inner-mongolia-forestry-2019.json');
  await openFile(page, join(ROOT, 'scenarios/inner-mongolia-forestry-2019.json'));
  await waitForName(page, s.name);
  const target = Number(await page.locator(tid('solve-break-even')).getAttribute('data-value'));
  await page.locator(tid('apply-break-even')).click();
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.textContent?.includes('100.0%'),
    tid('preview-loss-ratio'),
    { timeout: 5000 },
  );
  const amounts = [];
  for (let i = 0; i < s.contributions.length; i++)
    amounts.push(plainNumber(await inputValue(page, field(`contributions[${i}].amount`))));
  const total = Math.round(amounts.reduce((a, b) => a + b, 0) * 100);
  assert.equal(total, Math.round(target * 100), `the amounts ${amounts.join(' + ')} sum to ${target}`);
  const before = s.contributions.map((c: { amount: number }) => c.amount);
  const sumBefore = before.reduce((a: number, b: number) => a + b, 0);
  amounts.forEach((a, i) =>
    assert.ok(
      Math.abs(a - (before[i] * target) / sumBefore) <= 0.02,
      `payer ${i}: ${a} against ${(before[i] * target) / sumBefore}`,
    ),
  );
  log(`${before.join(' + ')} → ${amounts.join(' + ')} = ${target}`);
});

test.describe(() => {
  test.use({ locale: 'en-US' });
  test('shows the largest affordable cap for Jiaxing at a lowered contribution, and applies it', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    const s = readScenario(ROOT, 'scenarios/jiaxing-2015.json');
    await openFile(page, join(ROOT, 'scenarios/jiaxing-2015.json'));
    await waitForName(page, s.name);
    const capSel = tid('solve-cap');
    assert.equal(
      await page.locator(capSel).getAttribute('data-value'),
      'null',
      'at 50 yuan Jiaxing needs no cap',
    );
    await page.locator(tid('solve-cap-benefit')).selectOption('self-pay');
    await setField(page, 'contributions[0].amount', 36);
    const cap = Number(await nextValue(page, capSel, 'null'));
    assert.ok(cap > 0 && cap < 30_000, `an affordable cap below 30,000 at 36 yuan: ${cap}`);
    const sentence = await textOf(page, capSel);
    assert.match(sentence, /self-pay/, sentence);
    await page.locator(tid('apply-cap')).click();
    await page.waitForFunction(
      ([sel, want]) => Number(document.querySelector<HTMLInputElement>(sel as string)?.value) === want,
      [field('benefits[0].cap'), cap] as const,
      { timeout: 5000 },
    );
    // At the applied cap, the expected loss ratio is (to a fen of cap) exactly 100%.
    const lr = await textOf(page, `${tid('preview-loss-ratio')} .figure-value`);
    assert.match(lr, /^(99\.9|100\.0)%$/, `loss ratio at the solved cap: ${lr}`);
    log(`cap at 36 yuan: ${cap}; loss ratio ${lr}; "${sentence}"`);
  });
});

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('draws the sensitivity tornado of the loss ratio, rows named by assumption and step', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    const chart = await waitForChart(page, 'chart-tornado');
    const texts = await page.locator(`${tid('chart-tornado')} svg text`).allTextContents();
    assert.ok(
      texts.some((t) => t.includes('发生率 ±10%')),
      `a row "发生率 ±10%": ${texts.join(' | ')}`,
    );
    assert.ok(
      texts.some((t) => /^基准 \d+\.\d%$/.test(t)),
      'the base loss ratio is marked',
    );
    // The engine has an exact method: a second tornado shows P(deficit), computed in a worker, its
    // base the exact P(deficit) the CLI's fft prints.
    const fft: CliReport = JSON.parse(
      await cli(ROOT, ['simulate', 'scenarios/hangzhou-2016.json', '--method', 'fft', '--json']),
    );
    assert.equal(
      await page.locator(tid('sensitivity')).getAttribute('data-exact'),
      'true',
      'the exact worker is available',
    );
    await waitForChart(page, 'chart-tornado-deficit', 30_000);
    const rows = await page.locator(`${tid('chart-tornado-deficit')} svg text`).allTextContents();
    assert.ok(
      rows.some((t) => t.includes('发生率 ±10%')),
      `P(deficit) rows: ${rows.join(' | ')}`,
    );
    const base = `基准 ${percent(fft.simulated.probDeficit, 2)}`;
    assert.ok(rows.includes(base), `the base "${base}" is marked: ${rows.join(' | ')}`);
    const deficit = rows
      .filter((t) => /%$/.test(t))
      .slice(0, 8)
      .join(' ');
    await page.locator(tid('solver')).scrollIntoViewIfNeeded();
    await screenshot(page, 'solver-tornado');
    log(
      `tornado ${Math.round(chart.width)}×${Math.round(chart.height)}; ${texts.filter((t) => t.includes('±')).join(', ')}; P(deficit): ${deficit}`,
    );
  });
});
