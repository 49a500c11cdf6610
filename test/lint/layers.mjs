/**
 * The layers of src/ and the ESLint rule that enforces them (`huzhu/layers`).
 *
 * Each folder directly under src/ is a layer; `LAYERS[folder]` lists the other layers its files may
 * import (a file may always import from its own folder, at any depth). Dependencies point inward:
 *
 *   domain ← stats, random, benefits ← io, engine ← history, charts ← runners, workers ← cli, ui ← main
 *
 * An import is checked by where it resolves, not by how it is spelled: `../ui/app.ts`,
 * `../../ui/app.ts?worker`, `export … from`, `import('…')`, `import('…').Type` and
 * `new URL('…', import.meta.url)` (how worker files are named) all count. Package imports are not
 * checked here; the platform rules in eslint.config.mjs refuse node:* and the DOM in the pure layers.
 *
 * To add a folder: add a key for it with the layers it may import, and add its name to the lists of
 * the layers that may import it. A folder that is missing from the table is itself an error, both
 * for its own files and for files that import from it, so a new folder cannot slip in unchecked.
 * A new pure folder also goes into PURE (no DOM, no Node) and into tsconfig.core.json's include.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const BASE = ['domain', 'numerics'];
const NUMERIC = [...BASE, 'stats', 'random', 'benefits'];
const CORE = [...NUMERIC, 'io', 'engine', 'history', 'charts', 'messages'];

// prettier-ignore
export const LAYERS = {
  domain:   [],                                  // types, defaults, formats, messages: imports nothing in src
  messages: ['domain', 'engine', 'history'],               // the words of the engine's codes (zh, en): for cli and ui
  numerics: [],                                  // shared numerical kernels, if they get a folder
  stats:    ['domain', 'numerics'],
  random:   ['domain', 'numerics', 'stats'],
  benefits: ['domain', 'numerics', 'stats'],
  io:       [...NUMERIC],                        // parse, validate, serialise scenarios
  engine:   [...NUMERIC],                        // never io, history, charts, runners, workers, cli, ui
  history:  [...NUMERIC, 'io', 'engine'],
  charts:   [...NUMERIC, 'engine', 'history'],   // pure vega-lite specs
  workers:  [...NUMERIC, 'engine'],              // thin message shells over the engine
  runners:  [...NUMERIC, 'engine', 'workers'],   // inline, worker pool, worker threads
  workbook: [...CORE],                           // .xlsx in (checked, then exceljs) and out: for cli and ui
  cli:      [...CORE, 'runners', 'workers', 'workbook'], // the Node shell
  ui:       [...CORE, 'runners', 'workers', 'workbook'], // the browser shell
  main:     ['ui'],                              // src/main.ts, the browser entry
  types:    [],                                  // ambient declarations for packages without types
};

/** Layers with no DOM and no Node API (checked by eslint.config.mjs and tsconfig.core.json). */
export const PURE = [...CORE, 'types', 'workbook'];

/**
 * The layer of an absolute path: its first folder under src/ (`main` for src/main.ts, the file's
 * name without extension for any other file directly in src/), or undefined outside src/.
 */
export function layerOf(path) {
  const rel = relative(SRC, path);
  if (rel === '' || rel.startsWith('..') || resolve(SRC, rel) !== resolve(path)) return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? parts[0].replace(/\..*$/, '') : parts[0];
}

const has = (layer) => Object.hasOwn(LAYERS, layer);

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports between the folders of src/ follow the layer table in test/lint/layers.mjs',
    },
    schema: [],
    messages: {
      refused:
        '{{from}}/ may not import from {{to}}/ ({{from}}/ may import: {{allowed}}); see test/lint/layers.mjs',
      unknownSelf: 'src/{{from}}/ is not in the layer table; add it to LAYERS in test/lint/layers.mjs',
      unknownTarget: 'src/{{to}}/ is not in the layer table; add it to LAYERS in test/lint/layers.mjs',
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = layerOf(file);
    if (from === undefined) return {};

    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = layerOf(resolve(dirname(file), specifier.replace(/[?#].*$/, '')));
      if (to === undefined || to === from || !has(from)) return;
      if (!has(to)) context.report({ node, messageId: 'unknownTarget', data: { to } });
      else if (!LAYERS[from].includes(to)) {
        const allowed = LAYERS[from].length ? LAYERS[from].join(', ') : 'nothing else in src';
        context.report({ node, messageId: 'refused', data: { from, to, allowed } });
      }
    };
    const checkSource = (node) => {
      if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
    };

    return {
      Program(node) {
        if (!has(from)) context.report({ node, messageId: 'unknownSelf', data: { from } });
      },
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression: checkSource,
      // import('../x.ts').T — typescript-eslint's TSImportType (argument: TSLiteralType).
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.source;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
      // new URL('../workers/x.ts', import.meta.url): how runners and ui name worker files.
      NewExpression(node) {
        const [target, base] = node.arguments;
        const isUrl = node.callee.type === 'Identifier' && node.callee.name === 'URL';
        const isHere = base?.type === 'MemberExpression' && base.object.type === 'MetaProperty';
        if (isUrl && isHere && target?.type === 'Literal') check(target, target.value);
      },
    };
  },
};

export const plugin = { meta: { name: 'huzhu' }, rules: { layers: layersRule } };
