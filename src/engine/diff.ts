/**
 * What changed between two scheme versions, field by field: every leaf of the canonical scenario
 * whose value differs, as `{ path, from, to }` (`benefits[0].cap: 13700 → 30200`). A field present
 * in one version only has `from` or `to` null; an added or removed list element appears as one
 * change with the whole element. `format` is never reported.
 */
import type { Scenario } from '../domain/scenario.ts';

export interface Change {
  path: string;
  from: unknown;
  to: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function diffScenarios(a: Scenario, b: Scenario): Change[] {
  const changes: Change[] = [];
  walk(a, b, '', changes);
  return changes.filter((c) => c.path !== 'format');
}

function walk(a: unknown, b: unknown, path: string, out: Change[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push({ path: p, from: null, to: b[i] });
      else if (i >= b.length) out.push({ path: p, from: a[i], to: null });
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in b)) out.push({ path: p, from: a[k], to: null });
      else if (!(k in a)) out.push({ path: p, from: null, to: b[k] });
      else walk(a[k], b[k], p, out);
    }
    return;
  }
  if (a !== b) out.push({ path, from: a ?? null, to: b ?? null });
}
