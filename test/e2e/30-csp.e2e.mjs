// 30. The built app runs under a strict Content-Security-Policy: no eval, no inline script or
// style, no third-party origin; charts render under it without a single violation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, openApp, runAndWait, setInput, tid, waitForChart } from './helpers.mjs';

/** The directives of a CSP string, as a Map from name to its list of sources. */
function directives(csp) {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name.toLowerCase(), sources];
  }));
}

/** Records CSP violations and every request's URL in the page, from before its first script. */
export async function watchSecurity(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''} at ${(e.sourceFile ?? '').replace(location.origin, '')}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return {
    violations: () => page.evaluate(() => window.__violations),
    foreign: (baseUrl) => requests.filter((u) => !(u.startsWith(new URL(baseUrl).origin + '/') || u.startsWith('data:') || u.startsWith('blob:'))),
    requests,
  };
}

export const tests = [
  {
    name: 'the built index.html carries a CSP meta without unsafe-eval, unsafe-inline or third-party origins',
    run: async ({ page, baseUrl, root, log }) => {
      const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
      const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
      assert.equal(metas.length, 1, 'one CSP meta in dist/index.html');
      const csp = metas[0][1];
      const d = directives(csp);
      assert.ok(!/unsafe-eval|unsafe-inline|unsafe-hashes|strict-dynamic|wasm-unsafe-eval/.test(csp), `unsafe source in ${csp}`);
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
      const served = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
      assert.equal(served, csp, 'the served page has the built policy');
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.head.append(s);
      });
      assert.equal(await page.evaluate(() => window.__inlineRan ?? false), false, 'an inline script ran');
      const v = await sec.violations();
      assert.ok(v.some((x) => x.startsWith('script-src')), `the blocked inline script raised no violation: ${JSON.stringify(v)}`);
      log(csp);
    },
    allowErrors: [/Refused to execute inline script|Executing inline script violates the following Content Security Policy/],
  },
  {
    name: 'charts render under the CSP with no securitypolicyviolation, console error or third-party request',
    timeout: 60_000,
    run: async ({ page, baseUrl, log }) => {
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
    },
  },
];
