// The browser tests' own checks: the guard fixture (../fixtures/guard.ts) sees every kind of
// problem it must fail a test for, lets through what a test allows, and really fails the test;
// the fixtures and helpers the tests lean on behave as they say. Each check provokes the problem in
// the built app (or a page it routes), asserts what the guard recorded and the message `check()`
// throws, then allows it so that the check itself passes; the `test.fail()` checks leave the
// problem unallowed and pass only if the guard fails them.
import { existsSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  assert,
  openApp,
  readReport,
  runAndWait,
  screenshot,
  setField,
  setInput,
  tid,
  waitForName,
} from '../fixtures/helpers.ts';
import type { PageGuard } from '../fixtures/guard.ts';
import { test } from '../fixtures/test.ts';

const blobWorker = (code: string): string =>
  `new Worker(URL.createObjectURL(new Blob([${JSON.stringify(code)}], { type: 'text/javascript' })))`;

/** Waits until the guard has recorded a problem matching `pattern` (or fails saying what it has). */
async function seen(page: Page, guard: PageGuard, pattern: RegExp): Promise<void> {
  for (let t0 = Date.now(); !guard.errors.some((e) => pattern.test(e)) && Date.now() - t0 < 5000;)
    await page.waitForTimeout(50);
  const matching = guard.unexpected().filter((e) => pattern.test(e));
  assert.ok(
    matching.length > 0,
    `the guard should report ${pattern}; it has ${JSON.stringify(guard.errors)}`,
  );
  assert.throws(
    () => guard.check(),
    (e: Error) =>
      /^the browser reported \d+ problem\(s\):\n/.test(e.message) &&
      matching.every((m) => e.message.includes(`\n  ${m}`)),
  );
  guard.allow(pattern);
  assert.doesNotThrow(() => guard.check(), 'allowed, the problem no longer fails the test');
}

test('a quiet page leaves the guard nothing to report', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(guard.errors, []);
  assert.doesNotThrow(() => guard.check());
});

test('console.error is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(() => console.error('boom'));
  await seen(page, guard, /^console error: boom/);
});

test('an uncaught error is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('kaboom');
    });
  });
  await seen(page, guard, /^uncaught error: .*kaboom/);
});

test('an unhandled promise rejection is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(() => {
    void Promise.reject(new Error('rejected-on-purpose'));
  });
  await seen(page, guard, /^uncaught error: .*rejected-on-purpose/);
});

test('a 404 for a resource is reported', async ({ page, baseUrl, guard }) => {
  await page.route('**/missing.png', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
  );
  await openApp(page, baseUrl);
  await page.evaluate(
    () =>
      new Promise((r) => {
        const i = new Image();
        i.onerror = r;
        i.src = 'missing.png';
        document.body.append(i);
      }),
  );
  await seen(page, guard, /^console error: .*404/);
});

test('an error thrown in a Web Worker is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(`${blobWorker("throw new Error('worker-threw')")}; 0`);
  await seen(page, guard, /worker-threw/);
});

test('console.error in a Web Worker is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(`${blobWorker("console.error('worker-said-so')")}; 0`);
  await seen(page, guard, /^console error: worker-said-so/);
});

test('a Content-Security-Policy violation is reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.name = "inline ran"';
    document.head.append(s);
  });
  await seen(page, guard, /^console error: .*Content Security Policy/);
  assert.notEqual(await page.evaluate(() => window.name), 'inline ran', 'the inline script was blocked');
});

test('a request to another origin is reported', async ({ page, context, baseUrl, guard }) => {
  await context.route('http://elsewhere.invalid/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<p>elsewhere</p>' }),
  );
  await openApp(page, baseUrl);
  await page.goto('http://elsewhere.invalid/page');
  await seen(page, guard, /^request to another origin: http:\/\/elsewhere\.invalid\/page$/);
});

test('an allowed error passes and is still recorded', async ({ page, baseUrl, guard }) => {
  guard.allow(/expected-noise/);
  await openApp(page, baseUrl);
  await page.evaluate(() => console.error('expected-noise'));
  await page.waitForTimeout(100);
  assert.equal(guard.errors.length, 1, 'the error is still recorded');
  assert.deepEqual(guard.unexpected(), []);
});

test('an alert nobody handles is dismissed and reported', async ({ page, baseUrl, guard }) => {
  await openApp(page, baseUrl);
  await page.evaluate(() => alert(1));
  assert.equal(guard.dialogs.length, 1);
  await seen(page, guard, /^unexpected alert dialog: "1"$/);
});

test('a test that listens for dialogs handles them itself', async ({ page, baseUrl, guard }) => {
  page.on('dialog', (d) => d.accept());
  await openApp(page, baseUrl);
  assert.equal(await page.evaluate(() => confirm('sure?')), true, 'confirm was accepted');
  assert.deepEqual(
    guard.dialogs.map((d) => d.type),
    ['confirm'],
  );
  assert.deepEqual(guard.unexpected(), []);
});

test('errors in a second page (newPage) are reported too', async ({ baseUrl, newPage, guard }) => {
  const other = await newPage({ locale: 'zh-CN' });
  await other.goto(baseUrl);
  assert.equal(await other.evaluate(() => document.documentElement.lang), 'zh-CN');
  await other.evaluate(() => console.error('from-the-second-page'));
  await seen(other, guard, /^console error: from-the-second-page/);
});

test.describe('the guard fails the test itself', () => {
  test('when the page logs a console error nobody allowed', async ({ page, baseUrl, guard }) => {
    test.fail();
    await openApp(page, baseUrl);
    await page.evaluate(() => console.error('not allowed'));
    await page.waitForTimeout(100);
    assert.ok(
      guard.unexpected().some((e) => /not allowed/.test(e)),
      'recorded',
    );
  });

  test('when a second page throws an uncaught error', async ({ baseUrl, newPage, guard }) => {
    test.fail();
    const other = await newPage();
    await other.goto(baseUrl);
    await other.evaluate(() => {
      setTimeout(() => {
        throw new Error('second page threw');
      });
    });
    await other.waitForTimeout(200);
    assert.ok(
      guard.unexpected().some((e) => /second page threw/.test(e)),
      'recorded',
    );
  });
});

test.describe('each test has a fresh context', () => {
  test('one test writes localStorage', async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    await page.evaluate(() => localStorage.setItem('selftest', 'left over'));
  });
  test('the next finds none of it', async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    assert.equal(await page.evaluate(() => localStorage.getItem('selftest')), null);
  });
});

test.describe(() => {
  test.use({ locale: 'en-US' });
  test('test.use sets the locale the app follows', async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});

test('the suite runs each test once, under 60 s, with the 15 s action timeout of the old harness', async () => {
  const info = test.info();
  assert.equal(info.project.retries, 0, 'no retries: a flaky test is fixed');
  assert.equal(info.timeout, 60_000);
  assert.equal(info.project.use.actionTimeout, 15_000);
  assert.equal(info.retry, 0);
});

test('fill and blur commit an input with a change event', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  await setField(page, 'name', 'changed by fill');
  await waitForName(page, 'changed by fill', 2000);
});

test('runAndWait waits for the new verdict, not the one already shown', async ({ page, baseUrl }) => {
  test.setTimeout(90_000);
  await openApp(page, baseUrl);
  await setInput(page, tid('iterations'), 2000);
  await runAndWait(page);
  // 5,000 iterations of Hangzhou 2016 (28,800 claimants a year × 12 units of work: about 1.7·10^9
  // units, src/engine/workBudget.ts) take far longer than the 0.3 s this asks of the second run.
  await setInput(page, tid('iterations'), 5000);
  const second = await runAndWait(page, 60_000);
  assert.ok(
    second.verdictAt! - second.clickAt! > 300,
    `the second verdict came ${second.verdictAt! - second.clickAt!} ms after the click`,
  );
  assert.equal((await readReport(page)).iterations, 5000);
});

test('screenshot writes a PNG', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  const file = await screenshot(page, 'selftest');
  assert.ok(existsSync(file) && statSync(file).size > 1000, `${file} was written`);
});
