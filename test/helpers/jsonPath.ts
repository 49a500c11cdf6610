/** Test helper: edits a parsed JSON document at a path such as `benefits[0].bands[2].upTo`. */

/** Sets (or, with `undefined`, deletes) the field at `path`. */
export function setAt(root: unknown, path: string, value: unknown): void {
  const steps = path
    .split(/\.|\[(\d+)\]/)
    .filter((s) => s !== undefined && s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let node = root as Record<string | number, unknown>;
  for (const s of steps.slice(0, -1)) node = node[s] as Record<string | number, unknown>;
  const last = steps[steps.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}
