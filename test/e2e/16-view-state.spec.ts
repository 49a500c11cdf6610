// 16. What each view was left showing survives a reload, like the scenario: the compare
// selections (examples, the draft and an opened file) with iterations and seed, the projection's
// years, iterations and seed, and the history file shown.
import type { Page } from '@playwright/test';
import {
  assert,
  inputValue,
  log,
  openApp,
  readScenario,
  ROOT,
  setInput,
  tid,
  writeTempScenario,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

const selected = (page: Page, i: number): Promise<{ value: string; text: string }> =>
  page.locator(tid(`compare-version-${i}`)).evaluate((el) => {
    const select = el as HTMLSelectElement;
    return { value: select.value, text: select.selectedOptions[0]?.textContent ?? '' };
  });

test.describe(() => {
  test.use({ locale: 'en-US' });
  test('a reload keeps the compare selections, the projection years and the history file shown', async ({
    page,
    baseUrl,
    tmpDir,
  }) => {
    await openApp(page, baseUrl);

    // Compare: an opened file goes into the first empty slot; two examples beside it.
    const wenzhou = readScenario(ROOT, 'scenarios/wenzhou-2015.json');
    const file = writeTempScenario(tmpDir, 'my-version.json', { ...wenzhou, name: 'My version 我的版本' });
    await page.locator(tid('tab-compare')).click();
    await page.waitForSelector(`${tid('compare')}:not([hidden])`, { timeout: 5000 });
    await page.locator(tid('compare-file')).setInputFiles(file);
    await page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLSelectElement | null)?.value === 'file:0',
      tid('compare-version-0'),
      { timeout: 5000 },
    );
    await page.locator(tid('compare-version-1')).selectOption('example:hangzhou-2015-old-table.json');
    await page.locator(tid('compare-version-2')).selectOption('draft');
    await page.locator(tid('compare-version-3')).selectOption('example:jiaxing-2015.json');
    await setInput(page, tid('compare-iterations'), 1234);
    await setInput(page, tid('compare-seed'), 'kept-seed');

    // Projection: years, iterations, seed as typed.
    await page.locator(tid('tab-projection')).click();
    await page.waitForSelector(`${tid('projection')}:not([hidden])`, { timeout: 5000 });
    await setInput(page, tid('projection-years'), 7);
    await setInput(page, tid('projection-iterations'), 500);
    await setInput(page, tid('projection-seed'), 'proj-seed');

    // History: a bundled file, shown.
    await page.locator(tid('tab-history')).click();
    await page.waitForSelector(`${tid('history')}:not([hidden])`, { timeout: 5000 });
    await page.locator(tid('history-example')).selectOption('wenzhou.csv');
    await page.waitForSelector(`${tid('history-table')} tr[data-year="2015"]`, { timeout: 5000 });

    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(tid('tab-compare'), { timeout: 20_000 });

    await page.locator(tid('tab-compare')).click();
    await page.waitForSelector(`${tid('compare')}:not([hidden])`, { timeout: 5000 });
    const slots: { value: string; text: string }[] = [];
    for (let i = 0; i < 4; i++) slots.push(await selected(page, i));
    assert.deepEqual(
      slots.map((s) => s.value),
      ['file:0', 'example:hangzhou-2015-old-table.json', 'draft', 'example:jiaxing-2015.json'],
      'the four slots',
    );
    assert.ok(slots[0].text.includes('my-version.json'), `the opened file by its name: ${slots[0].text}`);
    assert.equal(await inputValue(page, tid('compare-iterations')), '1234', 'compare iterations');
    assert.equal(await inputValue(page, tid('compare-seed')), 'kept-seed', 'compare seed');
    assert.equal(
      await page.locator(tid('compare-run')).isDisabled(),
      false,
      'the kept versions can be compared at once',
    );

    await page.locator(tid('tab-projection')).click();
    await page.waitForSelector(`${tid('projection')}:not([hidden])`, { timeout: 5000 });
    assert.equal(await inputValue(page, tid('projection-years')), '7', 'projection years');
    assert.equal(await inputValue(page, tid('projection-iterations')), '500', 'projection iterations');
    assert.equal(await inputValue(page, tid('projection-seed')), 'proj-seed', 'projection seed');

    await page.locator(tid('tab-history')).click();
    await page.waitForSelector(`${tid('history-table')} tr[data-year="2015"]`, { timeout: 5000 });
    const note = await page.locator(`${tid('history')} .note`, { hasText: 'wenzhou.csv' }).count();
    assert.ok(note >= 1, 'the history view names the file shown');
    log(`slots ${slots.map((s) => s.text).join(' | ')}; projection 7 years; history wenzhou.csv`);
  });
});
