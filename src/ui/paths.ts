/**
 * Reading and writing a draft scenario by field path (`risks[0].cost.mean`), the same paths the
 * validator reports, so an error lands on the field that caused it.
 */
export type Draft = Record<string, unknown>;

export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

export function getAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const p of parsePath(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Sets (or, with `undefined`, deletes) the value at path, creating objects on the way. */
export function setAt(root: Draft, path: string, value: unknown): void {
  const parts = parsePath(path);
  let v: Record<string | number, unknown> = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = v[parts[i]];
    if (next === null || typeof next !== 'object') v[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {};
    v = v[parts[i]] as Record<string | number, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(v)) v.splice(Number(last), 1);
    else delete v[last];
  } else v[last] = value;
}
