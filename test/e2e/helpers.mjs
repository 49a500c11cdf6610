// Shared steps for the browser tests: the hooks of docs/workbench.md ('Test hooks') and the app contract.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { assert };

export const VERDICTS = ['breaks-even', 'deficit-within-backstop', 'deficit-beyond-backstop'];

/** `[data-testid="…"]` */
export const tid = (id) => `[data-testid="${id}"]`;
/** An editor input by its scenario path, e.g. `members.count`, `contributions[0].amount`. */
export const field = (path) => `[data-field="${cssString(path)}"]`;
export const fieldError = (path) => `[data-field-error="${cssString(path)}"]`;
const cssString = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
export const hasCJK = (s) => CJK.test(s);

export function readScenario(root, file) {
  return JSON.parse(readFileSync(join(root, file), 'utf8'));
}

/** Writes a scenario object to a temporary file and returns its path. */
export function writeTempScenario(dir, name, scenario) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}

/** Opens the app and waits until the default scenario (Hangzhou 2016) is shown. */
export async function openApp(page, baseUrl) {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await waitForName(page, 'Hangzhou 2016', 20_000);
}

export async function scenarioName(page) {
  return ((await page.locator(tid('scenario-name')).textContent()) ?? '').trim();
}

/** Waits until `scenario-name` contains `text`; the message says what it showed instead. */
export async function waitForName(page, text, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ([sel, want]) => (document.querySelector(sel)?.textContent ?? '').includes(want),
      [tid('scenario-name'), text], { timeout, polling: 100 },
    );
  } catch {
    const shown = await page.locator(tid('scenario-name')).first().textContent({ timeout: 1000 }).catch(() => null);
    throw new Error(`scenario-name should contain ${JSON.stringify(text)} but ${shown === null ? 'is missing' : `shows ${JSON.stringify(shown.trim())}`}`);
  }
}

/** Opens a scenario file through the `scenario-file` input. */
export async function openFile(page, path) {
  await page.locator(tid('scenario-file')).setInputFiles(path);
}

/** Sets an input (or select / textarea) and commits it the way a user would: type, then leave. */
export async function setInput(page, selector, value) {
  const input = page.locator(selector).first();
  const tag = await input.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await input.selectOption(String(value));
  else await input.fill(String(value));
  // `fill` types (sending `input`); leaving the field sends `change`, as it does for a user.
  await input.blur();
}

export const setField = (page, path, value) => setInput(page, field(path), value);

export async function inputValue(page, selector) {
  return page.locator(selector).first().inputValue();
}

/** A number as the editor shows it, with grouping separators and spaces removed. */
export const plainNumber = (s) => Number(String(s).replace(/[,\s\u00a0\u202f_]/g, ''));

/** Every editor input's value, by path. */
export async function fieldValues(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-field]')].map((el) => [el.getAttribute('data-field'),
      'value' in el ? (el.type === 'checkbox' ? el.checked : el.value) : el.textContent]),
  ));
}

/**
 * Records, from now on, every `data-progress` value, the time of the click on run, and the time a
 * verdict appears. A verdict already on the page counts only once it is shown again (its
 * `data-verdict` set or its element added) or the report changes.
 */
export async function watchRun(page) {
  await page.evaluate(([progressSel, verdictSel, runSel, reportSel]) => {
    const w = window;
    w.__e2e = { progress: [], verdictAt: null, verdict: null, clickAt: null };
    const reportText = () => { const r = document.querySelector(reportSel); return r ? (r.value || r.textContent || '') : ''; };
    const staleVerdict = document.querySelector(verdictSel);
    const staleReport = reportText();
    const look = (records) => {
      const p = document.querySelector(progressSel);
      if (p && p.hasAttribute('data-progress')) {
        const v = Number(p.getAttribute('data-progress'));
        const seen = w.__e2e.progress;
        if (seen.length === 0 || seen[seen.length - 1] !== v) seen.push(v);
      }
      const v = document.querySelector(verdictSel);
      if (!v || w.__e2e.verdictAt !== null) return;
      const fresh = !staleVerdict || reportText() !== staleReport || records.some((r) =>
        (r.type === 'attributes' && r.attributeName === 'data-verdict' && r.target === v)
        || (r.type === 'childList' && [...r.addedNodes].some((n) => n instanceof Element && (n === v || n.contains(v)))));
      if (fresh) {
        w.__e2e.verdictAt = performance.now();
        w.__e2e.verdict = v.getAttribute('data-verdict');
      }
    };
    w.__e2eObserver?.disconnect();
    w.__e2eObserver = new MutationObserver(look);
    w.__e2eObserver.observe(document.documentElement, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-progress', 'data-verdict'],
    });
    if (!w.__e2eClick) {
      w.__e2eClick = true;
      document.addEventListener('click', (e) => {
        if (e.target instanceof Element && e.target.closest(runSel) && w.__e2e.clickAt === null) w.__e2e.clickAt = performance.now();
      }, { capture: true });
    }
  }, [tid('progress'), `${tid('verdict')}[data-verdict]:not([data-verdict=""])`, tid('run'), tid('report-json')]);
}

export const runRecord = (page) => page.evaluate(() => window.__e2e);

/** Waits until a verdict (any) is shown and returns its `data-verdict`. */
export async function waitForVerdict(page, timeout = 30_000) {
  const sel = `${tid('verdict')}[data-verdict]`;
  try {
    await page.waitForSelector(sel, { state: 'attached', timeout });
  } catch {
    const err = await page.locator(tid('error')).first().textContent({ timeout: 500 }).catch(() => null);
    throw new Error(`no verdict within ${timeout / 1000} s${err?.trim() ? ` (error shown: ${JSON.stringify(err.trim().slice(0, 300))})` : ''}`);
  }
  return page.locator(sel).first().getAttribute('data-verdict');
}

/** Clicks run and waits for a verdict that appears after the click. */
export async function runAndWait(page, timeout = 30_000) {
  await watchRun(page);
  await page.locator(tid('run')).click();
  try {
    await page.waitForFunction(() => window.__e2e.verdictAt !== null, null, { timeout, polling: 50 });
  } catch {
    const err = await page.locator(tid('error')).first().textContent({ timeout: 500 }).catch(() => null);
    throw new Error(`no verdict within ${timeout / 1000} s of clicking run${err?.trim() ? ` (error shown: ${JSON.stringify(err.trim().slice(0, 300))})` : ''}`);
  }
  return runRecord(page);
}

/** The report JSON held by the hidden `<output data-testid="report-json">`. */
export async function readReport(page) {
  const text = await page.locator(tid('report-json')).first().evaluate((el) => el.value || el.textContent || '');
  assert.ok(text.trim(), 'report-json is empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`report-json is not JSON: ${e.message}: ${text.slice(0, 200)}`);
  }
}

/** Waits until a chart container holds an `svg` or `canvas` with a non-zero size. */
export async function waitForChart(page, id, timeout = 15_000) {
  try {
    await page.waitForFunction((sel) => {
      const host = document.querySelector(sel);
      if (!host) return false;
      return [...host.querySelectorAll('svg, canvas')].some((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      });
    }, tid(id), { timeout, polling: 100 });
  } catch {
    const what = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      if (!host) return 'is missing';
      const el = host.querySelector('svg, canvas');
      if (!el) return `has no svg or canvas (${host.innerHTML.length} characters of HTML)`;
      const r = el.getBoundingClientRect();
      return `has a ${el.tagName.toLowerCase()} of ${r.width}×${r.height}`;
    }, tid(id));
    throw new Error(`${id} ${what}`);
  }
  return page.evaluate((sel) => {
    const el = [...document.querySelector(sel).querySelectorAll('svg, canvas')].find((e) => e.getBoundingClientRect().width > 0);
    const r = el.getBoundingClientRect();
    return { tag: el.tagName.toLowerCase(), width: r.width, height: r.height };
  }, tid(id));
}

/** Runs `npm run --silent cli -- …args` in the repository and returns stdout. */
export function cli(root, args, timeout = 120_000) {
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: root, timeout, maxBuffer: 20 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    }, (err, stdout, stderr) => {
      if (err) reject(new Error(`cli ${args.join(' ')} failed: ${err.message.split('\n')[0]} ${stderr.trim().slice(0, 500)}`));
      else resolve(stdout);
    });
  });
}

/** Equal within a relative tolerance (exactly equal for zeros and non-numbers). */
export function close(a, b, rel = 1e-9) {
  if (typeof a !== 'number' || typeof b !== 'number') return Object.is(a, b);
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** Visible text of an element, or '' when it is missing. */
export async function textOf(page, selector) {
  const loc = page.locator(selector).first();
  if ((await loc.count()) === 0) return '';
  return ((await loc.innerText({ timeout: 2000 }).catch(() => loc.textContent())) ?? '').trim();
}

/** What a control says: its visible text, else its aria-label, title or value. */
export async function labelOf(page, selector) {
  const loc = page.locator(selector).first();
  if ((await loc.count()) === 0) throw new Error(`${selector} is missing`);
  return loc.evaluate((el) => (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || el.value || '').trim());
}

/**
 * Opens the compare view, chooses the versions (option values: `draft`, `example:<file>`,
 * `file:<n>`; the first is the baseline, the other slots are cleared), sets the iterations and
 * runs; waits for the table. Returns the seconds the comparison took.
 */
export async function runCompare(page, versions, iterations = 2000, timeout = 60_000) {
  await page.locator(tid('tab-compare')).click();
  await page.waitForSelector(`${tid('compare')}:not([hidden])`, { timeout: 5000 });
  for (let i = 0; i < 4; i++) await page.locator(tid(`compare-version-${i}`)).selectOption(versions[i] ?? '');
  await setInput(page, tid('compare-iterations'), iterations);
  const t0 = Date.now();
  await page.locator(tid('compare-run')).click();
  try {
    await page.waitForSelector(tid('compare-table'), { timeout });
  } catch {
    const note = await page.locator(`${tid('compare')} .note`).allTextContents().catch(() => []);
    throw new Error(`no compare-table within ${timeout / 1000} s (notes: ${JSON.stringify(note)})`);
  }
  return (Date.now() - t0) / 1000;
}

/** The number of pages in a PDF: `/Type /Page` objects (not `/Pages`). */
export const pdfPageCount = (bytes) => (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** A CSV text (RFC 4180) as rows of fields; a leading byte-order mark is dropped. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
