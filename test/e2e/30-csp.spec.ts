// 30. The built app runs under a strict Content-Security-Policy: no eval, no inline script or
// style, no third-party origin; charts render under it without a single violation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, log, openApp, ROOT, runAndWait, setInput, tid, waitForChart } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import { watchSecurity } from './fixtures/security.ts';

/** The directives of a CSP string, as a Map from name to its list of sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name.toLowerCase(), sources] as [string, string[]];
      }),
  );
}

test('the built index.html carries a CSP meta without unsafe-eval, unsafe-inline or third-party origins', async ({
  page,
  baseUrl,
  guard,
}) => {
  guard.allow(
    /Refused to execute inline script|Executing inline script violates the following Content Security Policy/,
  );
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'one CSP meta in dist/index.html');
  const csp = metas[0][1];
  const d = directives(csp);
  assert.ok(
    !/unsafe-eval|unsafe-inline|unsafe-hashes|strict-dynamic|wasm-unsafe-eval/.test(csp),
    `unsafe source in ${csp}`,
  );
  assert.deepEqual(d.get('default-src'), ["'self'"], 'default-src');
  assert.deepEqual(d.get('script-src'), ["'self'"], 'script-src');
  assert.deepEqual(d.get('style-src'), ["'self'"], 'style-src');
  assert.deepEqual(d.get('object-src'), ["'none'"], 'object-src');
  assert.deepEqual(d.get('base-uri'), ["'none'"], 'base-uri');
  for (const [name, sources] of d) {
    for (const s of sources) assert.ok(/^('self'|'none'|data:|blob:)$/.test(s), `${name} allows ${s}`);
  }
  // Nothing inline in the page itself: no script without src, no <style>, no style="" or on…="".
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'an inline <script> in index.html');
  assert.ok(!/<style[\s>]/i.test(html), 'a <style> element in index.html');
  assert.ok(!/\sstyle=|\son[a-z]+=/i.test(html), 'an inline style or event handler in index.html');

  // The served page carries the same policy, and the browser enforces it.
  const sec = await watchSecurity(page);
  await openApp(page, baseUrl);
  const served = await page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
  );
  assert.equal(served, csp, 'the served page has the built policy');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  assert.equal(
    await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false),
    false,
    'an inline script ran',
  );
  const v = await sec.violations();
  assert.ok(
    v.some((x) => x.startsWith('script-src')),
    `the blocked inline script raised no violation: ${JSON.stringify(v)}`,
  );
  log(csp);
});

test('charts render under the CSP with no securitypolicyviolation, console error or third-party request', async ({
  page,
  baseUrl,
}) => {
  test.setTimeout(60_000);
  const sec = await watchSecurity(page);
  await openApp(page, baseUrl);
  await setInput(page, tid('iterations'), 2000);
  await runAndWait(page, 30_000);
  const payout = await waitForChart(page, 'chart-payout');
  assert.equal(payout.tag, 'svg', 'chart-payout is an svg');
  await waitForChart(page, 'chart-benefit');
  // The one-page report draws its charts too; the language switch redraws them.
  await page.locator(tid('report')).click();
  await page.waitForSelector(`${tid('report-page')}[data-ready="true"]`, { timeout: 20_000 });
  await page.locator(tid('report-close')).click();
  await page.locator(tid('lang')).click();
  await waitForChart(page, 'chart-payout');
  await page.waitForTimeout(300);
  assert.deepEqual(await sec.violations(), [], 'CSP violations');
  assert.deepEqual(sec.foreign(baseUrl), [], 'requests to another origin');
  log(`${sec.requests.length} requests, all same-origin; payout chart ${payout.width}×${payout.height} svg`);
});
