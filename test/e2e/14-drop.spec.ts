// 14. A scenario file dropped anywhere on the page opens like one chosen in the file picker;
// a dropped broken file is refused and the open scenario stays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, log, openApp, ROOT, scenarioName, textOf, tid, waitForName } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** Dispatches dragover + drop of a file with the given text on the app's root element. */
async function dropFile(page: Page, name: string, text: string) {
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.getElementById('app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

test('dropping a scenario file opens it', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  await dropFile(page, 'wenzhou-2015.json', readFileSync(join(ROOT, 'scenarios/wenzhou-2015.json'), 'utf8'));
  await waitForName(page, 'Wenzhou 2015');
  log(`opened by drop: ${await scenarioName(page)}`);
});

test('dropping a broken file shows the problem and keeps the open scenario', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const before = await scenarioName(page);
  await dropFile(
    page,
    'unknown-risk.json',
    readFileSync(join(ROOT, 'test/fixtures/invalid/unknown-risk.json'), 'utf8'),
  );
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').includes('benefits[1].risk'),
    tid('error'),
    { timeout: 10_000 },
  );
  assert.match(await textOf(page, tid('error')), /benefits\[1\]\.risk/);
  assert.equal(await scenarioName(page), before);
});
