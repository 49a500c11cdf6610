// Browser tests: `npx playwright test -c test/e2e/playwright.config.ts [filter…]` (or `npm run
// test:e2e`, which prints the closing `e2e: N passed, N failed` line). The web server builds the
// app (`npm run build`) and serves dist/ with `vite preview` on 127.0.0.1; the tests drive the
// system Chromium (no browser download). Every test imports `test` from ./fixtures/test.ts, whose
// guard fails a test on console errors, uncaught errors, unhandled dialogs and requests to
// another origin.
//
//   HUZHU_E2E_PORT=N      serve on port N (default: a free port); when not in CI, an app already
//                         served there is reused as it is (no build)
//   HUZHU_E2E_NO_BUILD=1  serve dist/ as it is, without building first
//   CHROMIUM_PATH=…       the Chromium to drive (default /usr/bin/chromium)
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ACTION_TIMEOUT, NAVIGATION_TIMEOUT } from './fixtures/guard.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// The config is read by the runner and again by each worker: the runner picks the port and the
// workers, started after it with its environment, read the same one.
process.env.HUZHU_E2E_PORT ||= String(await freePort());
const PORT = Number(process.env.HUZHU_E2E_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}/`;
const PREVIEW = `node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'results/artifacts',
  // Two cores. Measured on a shared machine: 2 workers took 8.4 min, 1 worker 11.4 min (under
  // different loads); but with 2 workers a test shares the CPU with another test's simulation, which
  // 04's page-responsiveness check would then measure instead of the app. One at a time.
  workers: 1,
  fullyParallel: false,
  // A flaky test is fixed, not retried; `test.only` left behind fails CI.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // The whole suite took 15 min on this machine shared with seven other builds (2026-12-04), its
  // browser tests checking the screen against CLI runs: 15 min was too tight a ceiling.
  globalTimeout: 1_800_000,
  expect: { timeout: 5000 },
  reporter: [['line'], ['json', { outputFile: 'results/report.json' }]],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    acceptDownloads: true,
    actionTimeout: ACTION_TIMEOUT,
    navigationTimeout: NAVIGATION_TIMEOUT,
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 60_000,
    },
  },
  webServer: {
    command: process.env.HUZHU_E2E_NO_BUILD ? PREVIEW : `npm run build && ${PREVIEW}`,
    cwd: ROOT,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 360_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
  },
});
