/**
 * Scenario files in the browser: the bundled examples (every file in scenarios/, built in),
 * opening a user's file (picker or drop) with full validation before anything changes, and
 * saving (a download of the canonical text, as `huzhu-scenario/2`: a `/1` file saved again is the
 * same scheme with the same figures, only its `format` changes).
 */
import type { Scenario } from '../domain/scenario.ts';
import { scenarioProblem, type ScenarioProblem } from '../domain/validation.ts';
import { loadScenarioText } from '../io/loadScenario.ts';
import { asFormat2, serialiseScenario } from '../io/serialise.ts';

const bundled = import.meta.glob('../../scenarios/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

/** The bundled example scenarios, by file name. */
export const EXAMPLES: { file: string; text: string }[] = Object.entries(bundled)
  .map(([path, text]) => ({ file: path.split('/').pop()!, text }))
  .sort((a, b) => a.file.localeCompare(b.file));

export const DEFAULT_EXAMPLE = 'hangzhou-2016.json';

export function exampleScenario(file: string): Scenario {
  const example = EXAMPLES.find((e) => e.file === file) ?? EXAMPLES[0];
  const loaded = loadScenarioText(example.text);
  if (!loaded.ok) throw new Error(`bundled scenario ${example.file} is invalid`);
  return loaded.scenario;
}

/** A file opened: its scenario, or its problems as codes (worded where they are shown). */
export type Opened = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Files above this size are refused before they are read. */
const MAX_FILE_MB = 10;

export async function readScenarioFile(file: File): Promise<Opened> {
  if (file.size > MAX_FILE_MB * 1024 * 1024)
    return { ok: false, problems: [scenarioProblem('(root)', 'fileTooLarge', { mb: MAX_FILE_MB })] };
  const loaded = loadScenarioText(await file.text());
  return loaded.ok ? { ok: true, scenario: loaded.scenario } : { ok: false, problems: loaded.problems };
}

/**
 * Downloads the scenario: its canonical text as `huzhu-scenario/2` when valid, the draft as it
 * stands otherwise (its problems still to be fixed, under the format it says).
 */
export function download(draft: unknown, valid: Scenario | null): void {
  const text = valid ? serialiseScenario(asFormat2(valid)) : `${JSON.stringify(draft, null, 2)}\n`;
  const name =
    typeof (draft as { name?: unknown }).name === 'string' ? (draft as { name: string }).name : 'scenario';
  downloadText(`${safeFileName(name, 'scenario')}.json`, text, 'application/json');
}

/** A name usable as a file name: letters, digits, `._-`; at most 80 characters. */
export function safeFileName(name: string, fallback: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || fallback
  );
}

/** Offers `text` as a download named `name`. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
