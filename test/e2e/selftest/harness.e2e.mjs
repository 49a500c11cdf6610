// The harness's own tests: `node test/e2e/run.mjs --selftest` (served from selftest/site).
// A test with `expectFailure` passes only if the harness fails it with a matching reason.
import { existsSync, statSync } from 'node:fs';
import assert from 'node:assert/strict';

const blobWorker = (code) => `new Worker(URL.createObjectURL(new Blob([${JSON.stringify(code)}], { type: 'text/javascript' })))`;

export const tests = [
  {
    name: 'selftest: a quiet page passes',
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.locator('[data-testid="scenario-name"]').waitFor();
    },
  },
  {
    name: 'selftest: a failed assertion fails the test with its message',
    expectFailure: /the answer is 42/,
    run: async () => { assert.equal(41, 42, 'the answer is 42'); },
  },
  {
    name: 'selftest: console.error fails the test',
    expectFailure: /console error: boom/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => console.error('boom'));
    },
  },
  {
    name: 'selftest: an uncaught error fails the test',
    expectFailure: /uncaught error: .*kaboom/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => { setTimeout(() => { throw new Error('kaboom'); }); });
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'selftest: an unhandled promise rejection fails the test',
    expectFailure: /uncaught error: .*rejected-on-purpose/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => { Promise.reject(new Error('rejected-on-purpose')); });
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'selftest: a 404 for a resource fails the test',
    expectFailure: /console error: .*404/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => new Promise((r) => { const i = new Image(); i.onerror = r; i.src = 'missing.png'; document.body.append(i); }));
      await page.waitForTimeout(200);
    },
  },
  {
    name: 'selftest: an error thrown in a Web Worker fails the test',
    expectFailure: /worker-threw/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(`${blobWorker("throw new Error('worker-threw')")}; 0`);
      await page.waitForTimeout(500);
    },
  },
  {
    name: 'selftest: console.error in a Web Worker fails the test',
    expectFailure: /console error: worker-said-so/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(`${blobWorker("console.error('worker-said-so')")}; 0`);
      await page.waitForTimeout(500);
    },
  },
  {
    name: 'selftest: expectErrors lets an expected error through',
    run: async ({ page, baseUrl, expectErrors, errors }) => {
      expectErrors(/expected-noise/);
      await page.goto(baseUrl);
      await page.evaluate(() => console.error('expected-noise'));
      await page.waitForTimeout(100);
      assert.equal(errors.length, 1, 'the error is still recorded');
    },
  },
  {
    name: 'selftest: an alert nobody handles fails the test',
    expectFailure: /unexpected alert dialog: "1"/,
    run: async ({ page, baseUrl, dialogs }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => alert(1));
      assert.equal(dialogs.length, 1);
    },
  },
  {
    name: 'selftest: a test that listens for dialogs handles them itself',
    run: async ({ page, baseUrl, dialogs }) => {
      page.on('dialog', (d) => d.accept());
      await page.goto(baseUrl);
      assert.equal(await page.evaluate(() => confirm('sure?')), true, 'confirm was accepted');
      assert.deepEqual(dialogs.map((d) => d.type), ['confirm']);
    },
  },
  {
    name: 'selftest: a test past its timeout fails, and the next one runs',
    timeout: 1500,
    expectFailure: /timed out after 1\.5 s/,
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.waitForSelector('#never-there', { timeout: 60_000 });
    },
  },
  {
    name: 'selftest: writes localStorage',
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.evaluate(() => localStorage.setItem('selftest', 'left over'));
    },
  },
  {
    name: 'selftest: each test has a fresh context (no localStorage left over)',
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      assert.equal(await page.evaluate(() => localStorage.getItem('selftest')), null);
    },
  },
  {
    name: 'selftest: contextOptions set the locale',
    contextOptions: { locale: 'en-US' },
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      assert.equal(await page.evaluate(() => navigator.language), 'en-US');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    },
  },
  {
    name: 'selftest: errors in a second page (newPage) are caught too',
    expectFailure: /console error: from-the-second-page/,
    run: async ({ baseUrl, newPage }) => {
      const other = await newPage({ locale: 'zh-CN' });
      await other.goto(baseUrl);
      assert.equal(await other.evaluate(() => document.documentElement.lang), 'zh-CN');
      await other.evaluate(() => console.error('from-the-second-page'));
    },
  },
  {
    name: 'selftest: fill and blur commit an input with a change event',
    run: async ({ page, baseUrl }) => {
      const { setField, waitForName } = await import('../helpers.mjs');
      await page.goto(baseUrl);
      await setField(page, 'name', 'changed by fill');
      await waitForName(page, 'changed by fill', 2000);
    },
  },
  {
    name: 'selftest: runAndWait waits for the new verdict, not the one already shown',
    run: async ({ page, baseUrl }) => {
      const { readReport, runAndWait, setInput, tid } = await import('../helpers.mjs');
      await page.goto(baseUrl);
      await setInput(page, tid('iterations'), 2000);
      await runAndWait(page);
      // The mock takes about 2 ms per 500 iterations above 100,000: this run lasts about 0.8 s.
      await setInput(page, tid('iterations'), 200_000);
      const second = await runAndWait(page);
      assert.ok(second.verdictAt - second.clickAt > 300, `the second verdict came ${second.verdictAt - second.clickAt} ms after the click`);
      assert.equal((await readReport(page)).iterations, 200_000);
    },
  },
  {
    name: 'selftest: screenshot writes a PNG',
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      const file = await screenshot('selftest');
      assert.ok(existsSync(file) && statSync(file).size > 1000, `${file} was written`);
    },
  },
];
