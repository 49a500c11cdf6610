/**
 * ESLint for huzhu: `npm run lint` (eslint -c test/lint/eslint.config.mjs). Four parts:
 *
 * 1. typescript-eslint's recommended rules (not the strict or stylistic sets) over src/ and test/.
 * 2. The layer table (`huzhu/layers`, test/lint/layers.mjs): which folder of src/ may import which.
 * 3. Platforms: the pure layers (PURE in layers.mjs: domain, stats, random, benefits, io, engine,
 *    history, charts…) import no Node module and touch no DOM or Node global; ui/ and main.ts import
 *    no Node module; cli/ touches no DOM global. runners/ and workers/ are the platform adapters
 *    and may use both. tsconfig.core.json checks the same by type (`npm run lint:core`).
 * 4. Habit: no Math.random in src/ (randomness is passed in as a source).
 *
 * Formatting is Prettier's job (`npm run format`), so no rule here is about layout.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { PURE, plugin } from './layers.mjs';

const inFolders = (folders) => folders.map((f) => `src/${f}/**`);

/** Node's modules, spelled both ways (`fs` and `node:fs`). */
const nodeModules = {
  paths: builtinModules
    .filter((m) => !m.startsWith('_'))
    .map((name) => ({
      name,
      message: 'No Node module here: only cli/, runners/ and workers/ may use Node.',
    })),
  patterns: [
    { group: ['node:*'], message: 'No Node module here: only cli/, runners/ and workers/ may use Node.' },
  ],
};

/** Globals of the browser (and of web workers) that a pure layer must not touch. */
// prettier-ignore
const DOM_GLOBALS = [
  'window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage',
  'indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'MessageChannel', 'postMessage', 'onmessage', 'importScripts', 'addEventListener',
  'removeEventListener', 'dispatchEvent', 'requestAnimationFrame', 'cancelAnimationFrame', 'alert',
  'confirm', 'prompt', 'open', 'close', 'getComputedStyle', 'matchMedia', 'HTMLElement', 'Element',
  'Node', 'Event', 'CustomEvent', 'EventTarget', 'Blob', 'File', 'FileReader', 'FormData', 'DOMParser',
  'CSS', 'crypto',
];
/** Globals of Node that a pure layer must not touch. */
// prettier-ignore
const NODE_GLOBALS = [
  'process', 'Buffer', 'global', 'require', 'module', 'exports', '__dirname', '__filename',
  'setImmediate', 'clearImmediate',
];
/** Timers and the global object: not DOM or Node only, but a pure layer has no use for them. */
// prettier-ignore
const OTHER_GLOBALS = [
  'globalThis', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
];
const refuse = (names, why) => names.map((name) => ({ name, message: why }));

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-cli/**',
      'node_modules/**',
      'test/e2e/selftest/site/**',
      '.vitest-report.json',
    ],
  },
  {
    files: ['**/*.{ts,mts,mjs,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's unused argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // Scripts and tests run in Node; the browser tests' page callbacks run in the page.
  { files: ['test/**', '*.ts', 'src/workers/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['test/e2e/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/ui/**', 'src/main.ts'], languageOptions: { globals: { ...globals.browser } } },

  {
    // Published coefficients (Cody, Wichura, Loader, …) and reference values keep the digits of
    // their source, which is how a reader checks them; the literal rounds to the nearest double,
    // which is the value meant. Numerical folders and their tests only.
    files: ['src/stats/**', 'src/numerics/**', 'test/stats/**', 'test/random/**', 'test/numerics/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },

  // 2. The layer table.
  { files: ['src/**/*.{ts,mts,mjs,js}'], plugins: { huzhu: plugin }, rules: { 'huzhu/layers': 'error' } },

  // 3. Platforms.
  {
    files: inFolders(PURE),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...nodeModules,
          paths: [
            ...nodeModules.paths,
            { name: 'vega-embed', message: 'vega-embed renders into the DOM: only ui/ may use it.' },
            { name: 'vega-interpreter', message: 'vega-interpreter belongs with vega-embed, in ui/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...refuse(
          DOM_GLOBALS,
          'No DOM here: a pure layer runs in the browser, in workers and in Node alike; the DOM belongs in ui/.',
        ),
        ...refuse(
          NODE_GLOBALS,
          'No Node API here: a pure layer runs in the browser too; Node belongs in cli/ (or runners/, workers/).',
        ),
        ...refuse(OTHER_GLOBALS, 'A pure layer has no timers and does not reach for the global object.'),
      ],
    },
  },
  {
    // A build script (`npm run schema`) that writes the JSON Schema; the app never loads it.
    files: ['src/io/writeSchema.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  { files: ['src/ui/**', 'src/main.ts'], rules: { 'no-restricted-imports': ['error', nodeModules] } },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...refuse(
          DOM_GLOBALS.filter((g) => !['crypto', 'Blob', 'Event', 'EventTarget'].includes(g)),
          'No DOM in the CLI.',
        ),
      ],
    },
  },

  // 4. Habits.
  {
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness is passed in: take a Source (random/source.ts).',
        },
      ],
    },
  },
);
