/**
 * Field paths of problems: written as `benefits[0].bands[2].upTo` (the root is `(root)`, a key
 * that is not a plain name is quoted: `members["a b"]`), and ordered as the fields appear in the
 * document.
 *
 * Document order: each step of a path is ranked by the key's position among its object's own
 * keys (or by the array index); a key that is missing ranks after all present ones, and ties
 * keep the order in which the problems were found (zod reports missing fields in the spec's
 * order). A parent comes before its children. Reads the input only along the given paths, so
 * deep or huge inputs cost no more than the problems found in them.
 */
import type { ValidationMessage } from '../domain/validation.ts';

export type Segment = string | number;

/** A problem before its path is written out. */
export type RawProblem = { path: Segment[] } & ValidationMessage;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(path: readonly Segment[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Index of each own key of an object, computed once per object. */
type KeyIndex = WeakMap<object, Map<string, number>>;

function keyIndex(node: Record<string, unknown>, cache: KeyIndex): Map<string, number> {
  let index = cache.get(node);
  if (!index) {
    index = new Map(Object.keys(node).map((k, i) => [k, i]));
    cache.set(node, index);
  }
  return index;
}

/** The rank of each step of `path` in `root`. */
export function documentRank(
  root: unknown,
  path: readonly Segment[],
  cache: KeyIndex = new WeakMap(),
): number[] {
  const ranks: number[] = [];
  let node: unknown = root;
  for (const s of path) {
    if (typeof s === 'number') {
      ranks.push(s);
      node = Array.isArray(node) ? node[s] : undefined;
    } else if (isRecord(node)) {
      const index = keyIndex(node, cache);
      const at = index.get(s);
      ranks.push(at ?? index.size);
      node = at === undefined ? undefined : node[s];
    } else {
      ranks.push(0);
      node = undefined;
    }
  }
  return ranks;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** `problems` in document order (a stable sort: equal ranks keep their order). */
export function sortByDocument<P extends { path: readonly Segment[] }>(
  root: unknown,
  problems: readonly P[],
): P[] {
  const cache: KeyIndex = new WeakMap();
  const ranked = problems.map((p, i) => ({ p, i, rank: documentRank(root, p.path, cache) }));
  ranked.sort((x, y) => compareRanks(x.rank, y.rank) || x.i - y.i);
  return ranked.map((r) => r.p);
}
