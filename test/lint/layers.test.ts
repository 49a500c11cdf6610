/**
 * The lint gate refuses what the layers forbid. Each case lints a made-up file through ESLint's
 * `lintText` with a path inside src/ (nothing is written to disk), using the project's config, and
 * checks the rule that fires against the layering the project states (dependencies point inward:
 * domain ← stats, random, benefits ← engine ← runners, workers ← cli, ui; no DOM or Node API below
 * the shells) — not against the table in layers.mjs. The last cases compile made-up files with
 * tsconfig.core.json's options, where a DOM or Node call must be a type error.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'test/lint/eslint.config.mjs') });
});

type Finding = { rule: string | null; message: string };

/** Lints `code` as if it were the file `path` (relative to the repository) and lists the problems. */
async function lint(path: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const rules = (findings: Finding[]) => findings.map((f) => f.rule);

describe('the layer rule', () => {
  it('refuses an engine file that imports from ui/', async () => {
    const found = await lint(
      'src/engine/probe-ui.ts',
      "import { mountApp } from '../ui/app.ts';\nexport const m = mountApp;\n",
    );
    expect(rules(found)).toEqual(['huzhu/layers']);
    expect(found[0].message).toMatch(/^engine\/ may not import from ui\//);
  });

  it('refuses the same import from a nested engine folder, spelled with more ../', async () => {
    const found = await lint(
      'src/engine/fft/probe-ui.ts',
      "import { mountApp } from '../../ui/app.ts';\nexport const m = mountApp;\n",
    );
    expect(rules(found)).toEqual(['huzhu/layers']);
  });

  it('refuses a type-only import, a re-export and a dynamic import from the engine upwards', async () => {
    const code = [
      "import type { Runner } from '../runners/runner.ts';",
      "export * from '../cli/main.ts';",
      "export const load = () => import('../charts/tornado.ts');",
      'export type R = Runner;',
      '',
    ].join('\n');
    const found = await lint('src/engine/probe-kinds.ts', code);
    expect(rules(found)).toEqual(['huzhu/layers', 'huzhu/layers', 'huzhu/layers']);
    expect(found.map((f) => f.message.split(' (')[0])).toEqual([
      'engine/ may not import from runners/',
      'engine/ may not import from cli/',
      'engine/ may not import from charts/',
    ]);
  });

  it('refuses domain/ importing anything else in src/, and the two shells importing each other', async () => {
    expect(
      rules(await lint('src/domain/probe.ts', "export { simulate } from '../engine/simulate.ts';\n")),
    ).toEqual(['huzhu/layers']);
    expect(
      rules(await lint('src/domain/probe.ts', "export { quantileSorted } from '../stats/quantile.ts';\n")),
    ).toEqual(['huzhu/layers']);
    expect(rules(await lint('src/ui/probe.ts', "export { main } from '../cli/main.ts';\n"))).toEqual([
      'huzhu/layers',
    ]);
    expect(rules(await lint('src/cli/probe.ts', "export { mountApp } from '../ui/app.ts';\n"))).toEqual([
      'huzhu/layers',
    ]);
  });

  it('refuses a folder of src/ that the layer table does not know, and imports into it', async () => {
    const self = await lint('src/newfolder/probe.ts', 'export const x = 1;\n');
    expect(rules(self)).toEqual(['huzhu/layers']);
    expect(self[0].message).toMatch(/src\/newfolder\/ is not in the layer table/);
    const into = await lint('src/engine/probe.ts', "export { x } from '../newfolder/x.ts';\n");
    expect(into[0].message).toMatch(/src\/newfolder\/ is not in the layer table/);
  });

  it('passes an engine file that imports only from its own folder and the layers below it', async () => {
    const code = [
      "import type { ResolvedScenario } from '../domain/scenario.ts';",
      "import { quantileSorted } from '../stats/quantile.ts';",
      "import { planBlocks } from './blocks.ts';",
      '',
      'export function median(sorted: Float64Array, s: ResolvedScenario): number {',
      '  return quantileSorted(sorted, 0.5) + (s ? 0 : planBlocks.length);',
      '}',
      '',
    ].join('\n');
    expect(await lint('src/engine/probe-ok.ts', code)).toEqual([]);
  });

  it('passes the shells importing the engine, and a runner naming a worker file', async () => {
    expect(await lint('src/ui/probe.ts', "export { simulate } from '../engine/simulate.ts';\n")).toEqual([]);
    expect(await lint('src/cli/probe.ts', "export { simulate } from '../engine/simulate.ts';\n")).toEqual([]);
    const worker = "export const url = new URL('../workers/simulate.web-worker.ts', import.meta.url);\n";
    expect(await lint('src/runners/probe.ts', worker)).toEqual([]);
    expect(rules(await lint('src/engine/probe.ts', worker))).toEqual(['huzhu/layers']);
  });
});

describe('the platform rules', () => {
  it('refuses a DOM call in the engine', async () => {
    const found = await lint(
      'src/engine/probe-dom.ts',
      "export const make = () => document.createElement('div');\n",
    );
    expect(rules(found)).toEqual(['no-restricted-globals']);
    expect(found[0].message).toMatch(/'document'.*No DOM here/);
  });

  it('refuses other DOM and Node globals in the pure layers', async () => {
    const cases: [string, string][] = [
      ['src/engine/probe.ts', 'export const w = window.innerWidth;\n'],
      ['src/engine/probe.ts', "export const k = localStorage.getItem('k');\n"],
      ['src/io/probe.ts', "export const get = () => fetch('x.json');\n"],
      ['src/stats/probe.ts', 'export const env = process.env;\n'],
      ['src/benefits/probe.ts', "export const b = Buffer.from('x');\n"],
      ['src/history/probe.ts', 'export const t = () => setTimeout(() => 0, 1);\n'],
      ['src/charts/probe.ts', 'export const g = globalThis;\n'],
    ];
    for (const [path, code] of cases)
      expect(rules(await lint(path, code)), `${path}: ${code}`).toEqual(['no-restricted-globals']);
  });

  it('refuses Node modules in the pure layers and in ui/, both spellings', async () => {
    for (const path of [
      'src/engine/probe.ts',
      'src/domain/probe.ts',
      'src/random/probe.ts',
      'src/ui/probe.ts',
    ]) {
      expect(rules(await lint(path, "export { readFileSync } from 'node:fs';\n"))).toEqual([
        'no-restricted-imports',
      ]);
      expect(rules(await lint(path, "export { cpus } from 'os';\n"))).toEqual(['no-restricted-imports']);
    }
  });

  it('refuses vega-embed outside ui/ and a DOM global in cli/', async () => {
    expect(rules(await lint('src/charts/probe.ts', "export { default } from 'vega-embed';\n"))).toEqual([
      'no-restricted-imports',
    ]);
    expect(await lint('src/ui/probe.ts', "export { default } from 'vega-embed';\n")).toEqual([]);
    expect(rules(await lint('src/cli/probe.ts', 'export const d = document.title;\n'))).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('lets the shells and the platform adapters use their platform', async () => {
    expect(
      await lint('src/ui/probe.ts', "export const make = () => document.createElement('div');\n"),
    ).toEqual([]);
    expect(
      await lint(
        'src/cli/probe.ts',
        "export { readFileSync } from 'node:fs';\nexport const env = process.env;\n",
      ),
    ).toEqual([]);
    expect(await lint('src/runners/probe.ts', "export { Worker } from 'node:worker_threads';\n")).toEqual([]);
  });

  it('refuses Math.random anywhere in src/', async () => {
    expect(rules(await lint('src/ui/probe.ts', 'export const u = Math.random();\n'))).toEqual([
      'no-restricted-properties',
    ]);
  });
});

describe('the type check of the pure layers (tsconfig.core.json)', () => {
  const configPath = join(root, 'test/lint/tsconfig.core.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const universal = join(root, 'test/lint/universal.d.ts');

  /** Type errors of one made-up engine file compiled with the core options, as TS codes and names. */
  function typeErrors(code: string): string[] {
    const file = resolve(root, 'src/engine/probe-types.ts');
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => (resolve(name) === file ? code : readFile(name));
    host.fileExists = (name) => resolve(name) === file || ts.sys.fileExists(name);
    host.getSourceFile = (name, lang, ...rest) =>
      resolve(name) === file ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, ...rest);
    const program = ts.createProgram([file, universal], options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }

  it('covers every folder of src/ except the shells (cli, ui) and the platform adapters (runners, workers)', () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const checked = new Set(
      (config.include as string[]).map((p) => relative(join(root, 'src'), resolve(dirname(configPath), p))),
    );
    const shells = ['cli', 'ui', 'runners', 'workers'];
    expect(folders.filter((f) => !shells.includes(f) && !checked.has(f))).toEqual([]);
    expect(shells.filter((f) => checked.has(f))).toEqual([]);
  });

  it('has the ECMAScript library only: no DOM, no Node types', () => {
    expect(options.lib).toEqual(['lib.es2022.d.ts']);
    expect(options.types).toEqual([]);
  });

  it('makes a DOM call in the engine a type error', () => {
    const errors = typeErrors("export const make = () => document.createElement('div');\n");
    expect(errors).toEqual([expect.stringMatching(/^TS\d+ Cannot find name 'document'/)]);
  });

  it('makes a Node call in the engine a type error', () => {
    const errors = typeErrors('export const env = () => process.env.HOME;\n');
    expect(errors).toEqual([expect.stringMatching(/^TS\d+ Cannot find name 'process'/)]);
  });

  it('allows the universal APIs the engine uses (structuredClone, performance.now)', () => {
    expect(
      typeErrors('export const f = (x: number[]) => [structuredClone(x), performance.now()];\n'),
    ).toEqual([]);
  });
});
