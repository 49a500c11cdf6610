#!/usr/bin/env node
// Browser tests (docs/workbench.md, 'Test hooks'): builds the app, serves it with `vite preview`, drives the
// Debian Chromium through playwright-core and runs every `test/e2e/*.e2e.mjs`.
//
//   node test/e2e/run.mjs                 build, serve, run everything
//   node test/e2e/run.mjs cancel reload   only tests whose "file: name" contains one of the words
//   node test/e2e/run.mjs --no-build      reuse dist/ as it is
//   node test/e2e/run.mjs --base-url URL  test an app already served at URL (no build, no server)
//   node test/e2e/run.mjs --serve DIR     serve DIR with a tiny static server instead of vite preview
//   node test/e2e/run.mjs --dir DIR       take the *.e2e.mjs files from DIR
//   node test/e2e/run.mjs --selftest      the harness's own tests against test/e2e/selftest/site
//   node test/e2e/run.mjs --list          print the test names and exit
//   options: --test-timeout MS (60000), --total-timeout MS (600000)
//
// A test file exports `tests`: [{ name, run: async (t) => {}, contextOptions?, timeout?,
// allowErrors?: RegExp[] }]. Each test gets a fresh browser context (fresh localStorage) and page;
// `t` holds { page, context, browser, baseUrl, root, screenshot(name, page?), log(...),
// newPage(contextOptions?), expectErrors(...RegExp), dialogs, errors, tmpDir, signal }.
// A test fails if it throws, runs past its timeout, or if any page it used logged a console
// error, threw an uncaught error or opened a dialog that nothing handled (a test that listens with
// `page.on('dialog', …)` handles its own dialogs; `beforeunload` is accepted silently).
// The closing line is always `e2e: N passed, M failed`, alone on a line; the exit code is 1 if
// anything failed, including the build, the server or the browser (`e2e: 0 passed, 1 failed`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { createServer as createHttpServer, get as httpGet } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Signals are ours to handle (so the closing line is printed and the server stopped), not Playwright's.
const LAUNCH = { headless: true, timeout: 60_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const SCREENSHOTS = join(HERE, 'screenshots');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');

// ---------------------------------------------------------------------------------------------
// Arguments

function parseCli(argv) {
  const o = {
    build: true, baseUrl: null, serve: null, dir: HERE, filters: [], list: false,
    testTimeout: 60_000, totalTimeout: 600_000,
  };
  const value = (i, flag) => {
    if (i >= argv.length) usageError(`${flag} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') o.build = false;
    else if (a === '--base-url') o.baseUrl = value(++i, a).replace(/\/?$/, '/');
    else if (a === '--serve') o.serve = resolve(value(++i, a));
    else if (a === '--dir') o.dir = resolve(value(++i, a));
    else if (a === '--selftest') { o.dir = join(HERE, 'selftest'); o.serve = join(HERE, 'selftest', 'site'); }
    else if (a === '--list') o.list = true;
    else if (a === '--test-timeout') o.testTimeout = positive(value(++i, a), a);
    else if (a === '--total-timeout') o.totalTimeout = positive(value(++i, a), a);
    else if (a === '--help' || a === '-h') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, '')); process.exit(0); }
    else if (a.startsWith('--')) usageError(`unknown option ${a}`);
    else o.filters.push(a.toLowerCase());
  }
  if (o.baseUrl || o.serve) o.build = false;
  return o;
}
function positive(s, flag) {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) usageError(`${flag} needs a positive number of milliseconds`);
  return n;
}
function usageError(msg) {
  console.error(`e2e: ${msg} (see --help)`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Small utilities

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const oneLine = (s) => String(s).replace(/\u001b\[[0-9;]*m/g, '').trim().replace(/\s*\n\s*/g, ' ⏎ ').trim();

class Failure extends Error {}

/** Rejects after `ms` with `message`; `clear()` stops the timer. */
function deadline(ms, message) {
  let timer;
  const promise = new Promise((_, reject) => { timer = setTimeout(() => reject(new Failure(message)), ms); });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolveStatus) => {
    const req = httpGet(url, (res) => { res.resume(); resolveStatus(res.statusCode ?? 0); });
    req.setTimeout(timeoutMs, () => { req.destroy(); resolveStatus(0); });
    req.on('error', () => resolveStatus(0));
  });
}

// ---------------------------------------------------------------------------------------------
// Child processes (the build and the preview server), each in its own process group so that
// stopping one stops everything it started.

const children = new Set();

function startChild(cmd, args, { label }) {
  const child = spawn(cmd, args, {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none' },
  });
  child.label = label;
  child.output = '';
  const keep = (d) => { child.output = (child.output + d.toString()).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((r) => child.on('close', (code, signal) => { children.delete(child); r({ code, signal }); }));
  child.on('error', (e) => { child.output += `\n${e.message}`; });
  children.add(child);
  return child;
}

function signalGroup(child, sig) {
  try { process.kill(-child.pid, sig); } catch { try { child.kill(sig); } catch { /* gone */ } }
}

async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  const done = await Promise.race([child.exited.then(() => true), sleep(3000).then(() => false)]);
  if (!done) signalGroup(child, 'SIGKILL');
}

// Last resort if the process leaves by a path that skipped the orderly cleanup.
process.on('exit', () => { for (const c of children) signalGroup(c, 'SIGKILL'); });

function tail(text, lines = 30) {
  return text.trim().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');
}

async function build() {
  const t0 = Date.now();
  console.log('e2e: building the app (vite build)…');
  const child = startChild(VITE, ['build'], { label: 'vite build' });
  const limit = deadline(300_000, 'vite build took more than 5 minutes');
  try {
    const { code, signal } = await Promise.race([child.exited, limit.promise]);
    if (code !== 0) throw new Failure(`vite build failed (${signal ?? `exit ${code}`}):\n${tail(child.output)}`);
  } finally {
    limit.clear();
    await stopChild(child);
  }
  console.log(`e2e: built in ${seconds(Date.now() - t0)}`);
}

async function waitForServer(url, child, ms) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Failure(`${child.label} exited (${child.signalCode ?? `exit ${child.exitCode}`}) before answering:\n${tail(child.output)}`);
    }
    const status = await httpStatus(url);
    if (status >= 200 && status < 400) return;
    await sleep(150);
  }
  throw new Failure(`${url} did not answer within ${seconds(ms)}${child ? `:\n${tail(child.output)}` : ''}`);
}

async function startPreview() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Failure('dist/index.html is missing: build the app first (or run without --no-build)');
  }
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = startChild(VITE,
      ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { label: 'vite preview' });
    const baseUrl = `http://127.0.0.1:${port}/`;
    try {
      await waitForServer(baseUrl, child, 30_000);
      return { baseUrl, stop: () => stopChild(child) };
    } catch (e) {
      lastError = e;
      await stopChild(child);
      if (!/already in use|EADDRINUSE/i.test(child.output)) break;
    }
  }
  throw lastError;
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

/** A static server for a folder (used by --serve and the self-test). */
async function startStatic(dir) {
  if (!existsSync(join(dir, 'index.html'))) throw new Failure(`${dir}/index.html is missing`);
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(dir, `.${path}`);
    if (file !== dir && !file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((r, j) => { server.on('error', j); server.listen(0, '127.0.0.1', r); });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  return { baseUrl, stop: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}

// ---------------------------------------------------------------------------------------------
// Tests

async function loadTests(dir, filters) {
  if (!existsSync(dir)) throw new Failure(`no test folder ${dir}`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (!Array.isArray(mod.tests)) throw new Failure(`${f} does not export an array \`tests\``);
    for (const t of mod.tests) {
      if (!t || typeof t.name !== 'string' || typeof t.run !== 'function') {
        throw new Failure(`${f}: every test needs a string \`name\` and a function \`run\``);
      }
      all.push({ ...t, file: f.replace(/\.e2e\.mjs$/, '') });
    }
  }
  const names = new Set();
  for (const t of all) {
    if (names.has(t.name)) throw new Failure(`two tests are named "${t.name}"`);
    names.add(t.name);
  }
  if (filters.length === 0) return all;
  return all.filter((t) => filters.some((w) => `${t.file}: ${t.name}`.toLowerCase().includes(w)));
}

function describeConsole(msg) {
  const loc = msg.location?.();
  const where = loc?.url ? ` (${loc.url.replace(/^https?:\/\/127\.0\.0\.1:\d+\//, '/')}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : '';
  return `console error: ${oneLine(msg.text())}${where}`;
}

/** Everything one test uses: its contexts, pages, what went wrong in them, and its files. */
class TestScope {
  constructor(browser, test, baseUrl) {
    this.browser = browser;
    this.test = test;
    this.baseUrl = baseUrl;
    this.contexts = [];
    this.problems = [];   // { text, at }
    this.allowed = [...(test.allowErrors ?? [])];
    this.dialogs = [];
    this.errors = [];
    this.logs = [];
    this.tmpDir = null;
    this.abort = new AbortController();
  }

  problem(text) {
    this.errors.push(text);
    if (!this.allowed.some((re) => re.test(text))) this.problems.push(text);
  }

  watchPage(page) {
    page.on('pageerror', (err) => this.problem(`uncaught error: ${oneLine(err?.stack?.split('\n').slice(0, 2).join(' ') || err?.message || err)}`));
    page.on('console', (msg) => { if (msg.type() === 'error') this.problem(describeConsole(msg)); });
    page.on('crash', () => this.problem('the page crashed'));
  }

  async newContext(options = {}) {
    const context = await this.browser.newContext({ acceptDownloads: true, ...options });
    this.contexts.push(context);
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    context.on('page', (p) => this.watchPage(p));
    context.on('dialog', (dialog) => {
      const page = dialog.page();
      const entry = { type: dialog.type(), message: dialog.message(), page };
      this.dialogs.push(entry);
      const handledByTest = context.listenerCount('dialog') > 1 || (page && page.listenerCount('dialog') > 0);
      if (handledByTest) return;
      if (dialog.type() === 'beforeunload') { dialog.accept().catch(() => {}); return; }
      dialog.dismiss().catch(() => {});
      this.problem(`unexpected ${dialog.type()} dialog: "${oneLine(dialog.message())}"`);
    });
    return context;
  }

  async newPage(options) {
    const context = await this.newContext(options);
    const page = await context.newPage();
    return page;
  }

  fixture(context, page) {
    const scope = this;
    return {
      page, context, browser: this.browser, baseUrl: this.baseUrl, root: ROOT,
      dialogs: this.dialogs, errors: this.errors, signal: this.abort.signal,
      get tmpDir() {
        if (!scope.tmpDir) scope.tmpDir = mkdtempSync(join(tmpdir(), 'huzhu-e2e-'));
        return scope.tmpDir;
      },
      log: (...args) => scope.logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
      expectErrors: (...patterns) => { scope.allowed.push(...patterns); },
      newPage: (options) => scope.newPage(options),
      screenshot: async (name, which = page) => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const file = join(SCREENSHOTS, `${String(name).replace(/[^\w.-]+/g, '-')}.png`);
        await which.screenshot({ path: file, fullPage: true });
        scope.logs.push(`screenshot ${relative(ROOT, file)}`);
        return file;
      },
    };
  }

  async close() {
    this.abort.abort();
    await Promise.all(this.contexts.map((c) => Promise.race([c.close().catch(() => {}), sleep(10_000)])));
    if (this.tmpDir) rmSync(this.tmpDir, { recursive: true, force: true });
  }
}

async function runTest(browser, test, baseUrl, defaultTimeout) {
  const scope = new TestScope(browser, test, baseUrl);
  const timeout = test.timeout ?? defaultTimeout;
  const t0 = Date.now();
  let failure = null;
  const limit = deadline(timeout, `timed out after ${seconds(timeout)}`);
  try {
    const context = await scope.newContext(test.contextOptions ?? {});
    const page = await context.newPage();
    await Promise.race([test.run(scope.fixture(context, page)), limit.promise]);
    // Errors reported a moment after the last step still belong to this test.
    await sleep(100);
  } catch (e) {
    failure = e instanceof Failure ? e.message : oneLine(e?.message ?? e).slice(0, 2000);
  } finally {
    limit.clear();
  }
  // The errors seen in the pages are reported even when the test itself failed for another reason.
  const seen = [...new Set(scope.problems)];
  await scope.close();
  const reasons = [];
  if (failure) reasons.push(failure);
  if (seen.length) reasons.push(...seen.slice(0, 5), ...(seen.length > 5 ? [`…and ${seen.length - 5} more`] : []));
  return { ok: reasons.length === 0, reasons, logs: scope.logs, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Main

const state = { passed: 0, failed: 0, browser: null, server: null, finished: false };

function closingLine() {
  return `e2e: ${state.passed} passed, ${state.failed} failed`;
}

async function cleanup() {
  const browser = state.browser;
  state.browser = null;
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
  const server = state.server;
  state.server = null;
  if (server) await server.stop().catch(() => {});
  for (const c of [...children]) await stopChild(c);
}

async function finish(code, note) {
  if (state.finished) return;
  state.finished = true;
  if (note) console.log(note);
  await cleanup();
  console.log(closingLine());
  process.exit(code);
}

async function main() {
  const opts = parseCli(process.argv.slice(2));
  process.chdir(ROOT);

  const tests = await loadTests(opts.dir, opts.filters);
  if (opts.list) {
    for (const t of tests) console.log(`${t.file}: ${t.name}`);
    process.exit(0);
  }
  if (tests.length === 0) throw new Failure(`no tests${opts.filters.length ? ` match ${opts.filters.join(', ')}` : ''} in ${relative(ROOT, opts.dir) || '.'}`);

  const total = setTimeout(() => {
    const left = tests.length - state.passed - state.failed;
    state.failed += Math.max(left, 1);
    finish(1, `✗ the whole run took more than ${seconds(opts.totalTimeout)}: stopped (${left} test(s) not finished)`);
  }, opts.totalTimeout);
  total.unref();

  if (!existsSync(CHROMIUM)) {
    throw new Failure(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Failure(`playwright-core is not installed (npm ci): ${e.message}`);
  }

  if ((opts.build || !(opts.baseUrl || opts.serve)) && !existsSync(VITE)) throw new Failure('vite is not installed (npm ci)');
  if (opts.build) await build();
  if (opts.baseUrl) {
    await waitForServer(opts.baseUrl, null, 10_000);
    state.server = null;
  } else {
    state.server = opts.serve ? await startStatic(opts.serve) : await startPreview();
  }
  const baseUrl = opts.baseUrl ?? state.server.baseUrl;
  console.log(`e2e: serving ${baseUrl}`);

  try {
    state.browser = await chromium.launch({ ...LAUNCH, executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    throw new Failure(`Chromium did not start: ${oneLine(e.message).slice(0, 1000)}`);
  }
  console.log(`e2e: Chromium ${state.browser.version()}, ${tests.length} test(s)`);
  state.browser.on('disconnected', () => {
    if (!state.finished && state.browser) { state.browser = null; }
  });

  for (const test of tests) {
    if (!state.browser || !state.browser.isConnected()) {
      try {
        state.browser = await chromium.launch({ ...LAUNCH, executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        console.log('e2e: Chromium had gone away and was started again');
      } catch (e) {
        throw new Failure(`Chromium went away and did not start again: ${oneLine(e.message)}`);
      }
    }
    const r = await runTest(state.browser, test, baseUrl, opts.testTimeout);
    if (state.finished) return;
    // A self-test declares the failure the harness must detect: a detected failure passes.
    let { ok, reasons } = r;
    if (test.expectFailure) {
      const matched = !ok && reasons.some((x) => test.expectFailure.test(x));
      if (matched) r.logs.unshift(`failed as it should: ${reasons.join('; ')}`);
      reasons = matched ? [] : [ok ? `should have failed with ${test.expectFailure}` : `failed, but not with ${test.expectFailure}: ${reasons.join('; ')}`];
      ok = matched;
    }
    if (ok) {
      state.passed++;
      console.log(`✓ ${test.name} (${seconds(r.ms)})`);
    } else {
      state.failed++;
      console.log(`✗ ${test.name}: ${reasons.join('; ')}`);
    }
    for (const line of r.logs) console.log(`    ${line}`);
  }
  await finish(state.failed ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (state.finished) {
      // A second interrupt while cleaning up: stop at once.
      for (const c of children) signalGroup(c, 'SIGKILL');
      console.log(closingLine());
      process.exit(130);
    }
    state.failed = Math.max(state.failed, 1);
    finish(130, `✗ interrupted (${sig})`);
  });
}
process.on('unhandledRejection', (e) => {
  // A stray rejection from a finished test must not take the runner down; note it and go on.
  console.log(`    (unhandled rejection: ${oneLine(e?.message ?? e).slice(0, 300)})`);
});

main().catch((e) => {
  const message = e instanceof Failure ? e.message : (e?.stack ?? String(e));
  console.log(`✗ e2e setup: ${message}`);
  state.failed = Math.max(state.failed, 1);
  finish(1);
});
