/**
 * A scenario in a link: `#s=` + base64url of its canonical JSON (`canonicalScenario`, compact),
 * compressed with deflate-raw (CompressionStream) where the browser has it. The fragment never
 * reaches a server, so the link works from the static build, offline.
 *
 * Reading a link is the reverse: base64url to bytes, then inflate (DecompressionStream) — and if
 * the bytes are not a deflate stream, or the browser cannot inflate, they are read as the JSON
 * text itself (a link made where CompressionStream was missing). The text is then loaded like a
 * file (`loadScenarioText`): the caller gets the scenario or the problems (codes; a link that
 * cannot be read is `linkBroken`), never an exception.
 */
import type { Scenario } from '../domain/scenario.ts';
import { scenarioProblem, type ScenarioProblem } from '../domain/validation.ts';
import { loadScenarioText } from '../io/loadScenario.ts';
import { canonicalScenario } from '../io/serialise.ts';

export const SHARE_PREFIX = '#s=';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of a base64url text, or null when it is not one. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fragment (with its `#s=`) for a valid scenario. */
export async function shareFragment(s: Scenario): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(canonicalScenario(s)));
  const packed =
    typeof CompressionStream === 'function'
      ? await through(bytes, new CompressionStream('deflate-raw'))
      : bytes;
  return SHARE_PREFIX + toBase64Url(packed);
}

/** The scenario's JSON text in a fragment, or null when the fragment is damaged. */
export async function fragmentText(fragment: string): Promise<string | null> {
  const bytes = fromBase64Url(
    fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment,
  );
  if (!bytes || bytes.length === 0) return null;
  const candidates: Uint8Array[] = [];
  if (typeof DecompressionStream === 'function') {
    try {
      candidates.push(await through(bytes, new DecompressionStream('deflate-raw')));
    } catch {
      /* not deflate: a link written without compression */
    }
  }
  candidates.push(bytes);
  for (const c of candidates) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(c);
      if (text.trimStart().startsWith('{')) return text;
    } catch {
      /* not UTF-8: try the next reading */
    }
  }
  return null;
}

export type SharedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** The scenario in a `#s=` fragment, validated as a file is. */
export async function readShareFragment(fragment: string): Promise<SharedScenario> {
  const text = await fragmentText(fragment);
  if (text === null) return { ok: false, problems: [scenarioProblem('(root)', 'linkBroken')] };
  const loaded = loadScenarioText(text);
  return loaded.ok ? { ok: true, scenario: loaded.scenario } : { ok: false, problems: loaded.problems };
}
