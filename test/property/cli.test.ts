/**
 * The command line on malformed files (docs/cli.md): `validate` exits 1 for an invalid
 * scenario and 2 for text that is not JSON, prints nothing on stdout, and on stderr exactly one
 * line per problem, `path: message`, the same problems the library finds; never a stack trace.
 * Each run starts a process (the built command, as users run it), so there are few runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { scenarioProblemLine } from '../../src/messages/validation.ts';
import { CLI, ROOT } from '../helpers/cli.ts';
import { garbageText, nearValidScenario } from './arbitraries.ts';

const dir = mkdtempSync(join(tmpdir(), 'huzhu-cli-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Malformed files: valid ones with one thing broken (as JSON text), and garbage. */
const malformed = fc
  .oneof(
    nearValidScenario()
      .filter((b) => b.jsonSafe)
      .map((b) => JSON.stringify(b.doc, null, 2)),
    garbageText,
  )
  .filter((text) => !loadScenarioText(text).ok);

describe('npm run cli -- validate on malformed files', () => {
  it('exits 1 or 2 and prints one line per problem on stderr, never a stack trace', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(malformed, async (text) => {
        const file = join(dir, `f${n++}.json`);
        writeFileSync(file, text);
        const expected = loadScenarioText(text);
        if (expected.ok) return;
        const { code, stdout, stderr } = await run(['validate', file]);
        expect(code).toBe(expected.kind === 'syntax' ? 2 : 1);
        expect(stdout).toBe('');
        expect(stderr).toBe(expected.problems.map((p) => `${scenarioProblemLine('en', p)}\n`).join(''));
        expect(stderr.split('\n')).toHaveLength(expected.problems.length + 1);
        expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
        expect(stderr).not.toMatch(/internal error|\n\s*at |node:internal\/|^\w*Error: /m);
      }),
      { seed: 42, numRuns: 20 },
    );
  }, 120_000);
});
