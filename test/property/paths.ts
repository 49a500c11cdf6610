/**
 * Problem paths read back (`benefits[0].bands[2].upTo`, `members["a b"]`, `(root)`) and checked
 * against the document they were found in, and a walk over every number of a result.
 */
import { formatPath, type Segment } from '../../src/io/path.ts';

/** The segments of a formatted path; the inverse of `formatPath`. */
export function parsePath(path: string): Segment[] {
  if (path === '(root)') return [];
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        let j = i + 2;
        while (path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        if (path[j + 1] !== ']') throw new SyntaxError(`no ] after a quoted key in ${path}`);
        i = j + 2;
      } else {
        const j = path.indexOf(']', i);
        const index = path.slice(i + 1, j);
        if (!/^\d+$/.test(index)) throw new SyntaxError(`bad index [${index}] in ${path}`);
        out.push(Number(index));
        i = j + 1;
      }
    } else {
      if (out.length > 0) {
        if (path[i] !== '.') throw new SyntaxError(`expected "." at ${i} in ${path}`);
        i++;
      }
      const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(path.slice(i));
      if (!m) throw new SyntaxError(`expected a key at ${i} in ${path}`);
      out.push(m[0]);
      i += m[0].length;
    }
  }
  if (formatPath(out) !== path) throw new SyntaxError(`${path} does not read back (${formatPath(out)})`);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether `path` points into `doc`: every step exists (own keys, indices within the list), except
 * perhaps the last, which may name a missing field of an existing object. Returns the reason when not.
 */
export function pathProblem(doc: unknown, path: Segment[]): string | null {
  let node: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const s = path[i];
    const last = i === path.length - 1;
    if (typeof s === 'number') {
      if (!Array.isArray(node)) return `step ${i} ([${s}]) indexes a non-list`;
      if (s >= node.length) return `step ${i} ([${s}]) is past the list's end (${node.length})`;
      node = node[s];
    } else {
      if (!isRecord(node)) return `step ${i} (${s}) reads a field of a non-object`;
      if (!Object.hasOwn(node, s)) return last ? null : `step ${i} (${s}) is missing`;
      node = node[s];
    }
  }
  return null;
}

/** Every number in a value, with where it is: `[path, value]`. */
export function numbersIn(v: unknown, path = ''): [string, number][] {
  if (typeof v === 'number') return [[path || '(root)', v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numbersIn(x, `${path}[${i}]`));
  if (v instanceof Float64Array) return numbersIn([...v], path);
  if (isRecord(v)) return Object.entries(v).flatMap(([k, x]) => numbersIn(x, path ? `${path}.${k}` : k));
  return [];
}

/** The numbers of `v` that are NaN or infinite. */
export function nonFinite(v: unknown): [string, number][] {
  return numbersIn(v).filter(([, x]) => !Number.isFinite(x));
}
