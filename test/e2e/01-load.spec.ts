// 1. The app loads with Hangzhou 2016, quietly, offline, in the browser's language.
import { assert, hasCJK, labelOf, log, openApp, tid } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** Requests that leave the app's own origin (the spec: no CDN, no network calls). */
function watchForeignRequests(page: Page, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about|chrome-extension):/.test(url)) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('loads Hangzhou 2016 in Chinese for a zh-CN browser, no errors, no outside requests', async ({
    page,
    baseUrl,
  }) => {
    const foreign = watchForeignRequests(page, baseUrl);
    await openApp(page, baseUrl);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'html[lang]');
    const title = await page.title();
    assert.ok(hasCJK(title), `the title should be Chinese: ${JSON.stringify(title)}`);
    for (const id of ['run', 'save']) {
      const text = await labelOf(page, tid(id));
      assert.ok(hasCJK(text), `${id} should be labelled in Chinese: ${JSON.stringify(text)}`);
    }
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreign, [], 'requests outside the app');
    log(`title ${JSON.stringify(title)}, run ${JSON.stringify(await labelOf(page, tid('run')))}`);
  });
});

test.describe(() => {
  test.use({ locale: 'en-US' });
  test('loads in English for an en-US browser', async ({ page, baseUrl }) => {
    await openApp(page, baseUrl);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'html[lang]');
    const title = await page.title();
    assert.ok(/[a-z]/i.test(title), `the title should be English: ${JSON.stringify(title)}`);
    for (const id of ['run', 'save']) {
      const text = await labelOf(page, tid(id));
      assert.ok(
        /[a-z]/i.test(text) && !hasCJK(text),
        `${id} should be labelled in English: ${JSON.stringify(text)}`,
      );
    }
    log(`title ${JSON.stringify(title)}, run ${JSON.stringify(await labelOf(page, tid('run')))}`);
  });
});
