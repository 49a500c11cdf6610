// 1. The app loads with Hangzhou 2016, quietly, offline, in the browser's language.
import { assert, hasCJK, openApp, labelOf, tid } from './helpers.mjs';

/** Requests that leave the app's own origin (the spec: no CDN, no network calls). */
function watchForeignRequests(page, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about|chrome-extension):/.test(url)) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

export const tests = [
  {
    name: 'loads Hangzhou 2016 in Chinese for a zh-CN browser, no errors, no outside requests',
    contextOptions: { locale: 'zh-CN' },
    run: async ({ page, baseUrl, log }) => {
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
    },
  },
  {
    name: 'loads in English for an en-US browser',
    contextOptions: { locale: 'en-US' },
    run: async ({ page, baseUrl, log }) => {
      await openApp(page, baseUrl);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'html[lang]');
      const title = await page.title();
      assert.ok(/[a-z]/i.test(title), `the title should be English: ${JSON.stringify(title)}`);
      for (const id of ['run', 'save']) {
        const text = await labelOf(page, tid(id));
        assert.ok(/[a-z]/i.test(text) && !hasCJK(text), `${id} should be labelled in English: ${JSON.stringify(text)}`);
      }
      log(`title ${JSON.stringify(title)}, run ${JSON.stringify(await labelOf(page, tid('run')))}`);
    },
  },
];
